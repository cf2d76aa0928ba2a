extension Report {
    /// An indented tree of what the parser found, with source lines and why each reading was
    /// chosen: the parser's golden output, and the first thing to read when a finding seems wrong.
    public func dump() -> String {
        var out: [String] = []
        out.append("Report \(source)")
        out.append("  agency: \(agency ?? "-")  year: \(year.map(String.init) ?? "-")  title line: \(titleLine.map(String.init) ?? "-")")
        out.append("  template: \(template?.rawValue ?? "-") (\(templateEvidence?.rawValue ?? "-"))")
        out.append("  publication date: \(publicationDate.map { "\($0.iso) (line \($0.line))" } ?? "-")")
        for p in periods {
            out.append("  period: \(p.startYear)-\(p.startMonth)-\(p.startDay) .. \(p.endYear)-\(p.endMonth)-\(p.endDay) (line \(p.line)): \(p.excerpt)")
        }
        for s in sections {
            let number = s.writtenNumber.map { " written \($0)" } ?? ""
            out.append("  section \(s.kind.numeral) lines \(s.span.first)-\(s.span.last) numbering \(s.numbering)\(number): \(s.heading)")
        }
        for (kind, e) in sectionEvidence.sorted(by: { $0.key < $1.key }) {
            out.append("  section \(kind.numeral) has no heading, but its content is at line \(e.line) (“\(e.excerpt)”)")
        }
        out += headingCandidatesNotTaken()
        let pieces = paragraphs.reduce(0) { $0 + $1.pieces.count }
        out.append("  paragraphs: \(paragraphs.count) (\(pieces) pieces of narrative)")
        if let t = proactiveTable {
            out.append("  table proactive from line \(t.firstLine)")
            for item in t.items { out.append("    \(item.spec.id): " + describe(item.reading)) }
        }
        for t in [applicationTable, reviewTable].compactMap({ $0 }) {
            out.append("  table \(t.name.rawValue) from line \(t.firstLine)\(t.tableProblem.map { " problem: \($0.zh)" } ?? "")")
            for (i, r) in t.rows.enumerated() { out.append("    \(t.schema.rows[i].id): " + describe(r)) }
        }
        for (name, problem) in tableProblems.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out.append("  no table \(name.rawValue): \(problem)")
        }
        out.append("  (cells: value@line; ~ digits run together, one reading; * run together, read by its total)")
        return out.joined(separator: "\n") + "\n"
    }

    private func describe(_ r: RowReading) -> String {
        switch r {
        case .read(let cells):
            return cells.map { c in "\(c.text)\(c.split == .unique ? "~" : c.split == .byTotal ? "*" : "")@\(c.line)" }.joined(separator: " ")
        case .missing:
            return "missing"
        case .unreliable(let reason, let line):
            return "unreliable at line \(line): \(reason.zh)"
        }
    }

    /// Headings that looked like section headings but were not taken, and why.
    private func headingCandidatesNotTaken() -> [String] {
        let all = SectionRecognizer.candidates(in: lines)
        let chosen = Set(sections.map { "\($0.headingLine):\($0.heading)" })
        let sorted = all.sorted { ($0.line, $0.start) < ($1.line, $1.start) }
        let contents = Set(SectionRecognizer.contentsList(sorted).map { "\(sorted[$0].line):\(sorted[$0].start)" })
        var out: [String] = []
        for c in all where !chosen.contains("\(c.line):\(c.text)") {
            let why: String
            if c.subItem { why = "a sub-item; stands in only for a section without a heading, outside 一" }
            else if contents.contains("\(c.line):\(c.start)") { why = "an entry of a table of contents; the section's own heading comes later" }
            else if sections.contains(where: { $0.kind == c.kind }) { why = "section \(c.kind.numeral) already has a heading that fits the order better" }
            else { why = "out of order with the headings around it, or an item of a list" }
            out.append("  not a heading: line \(c.line) col \(c.start) “\(c.text)” (\(why))")
        }
        return out
    }
}
