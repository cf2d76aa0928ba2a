extension Report {
    /// An indented tree of what the parser found, with source lines: the parser's golden output.
    public func dump() -> String {
        var out: [String] = []
        out.append("Report \(source)")
        out.append("  agency: \(agency ?? "-")  year: \(year.map(String.init) ?? "-")  title line: \(titleLine.map(String.init) ?? "-")")
        out.append("  template: \(template?.rawValue ?? "-") (\(templateEvidence?.rawValue ?? "-"))")
        out.append("  publication date: \(publicationDate.map { "\($0.iso) (line \($0.line))" } ?? "-")")
        for p in periods {
            out.append("  period: \(p.startYear)-\(p.startMonth)-\(p.startDay) .. \(p.endYear)-\(p.endMonth)-\(p.endDay) (line \(p.line))")
        }
        for s in sections {
            out.append("  section \(s.kind.numeral) lines \(s.span.first)-\(s.span.last) numbering \(s.numbering): \(s.heading)")
        }
        out.append("  paragraphs: \(paragraphs.count)")
        for t in [applicationTable, reviewTable].compactMap({ $0 }) {
            out.append("  table \(t.name.rawValue) from line \(t.firstLine)\(t.tableProblem.map { " problem: \($0.zh)" } ?? "")")
            for (i, r) in t.rows.enumerated() {
                let id = t.schema.rows[i].id
                switch r {
                case .read(let cells):
                    out.append("    \(id): " + cells.map { "\($0.text)@\($0.line)" }.joined(separator: " "))
                case .missing:
                    out.append("    \(id): missing")
                case .unreliable(let reason, let line):
                    out.append("    \(id): unreliable at line \(line): \(reason.zh)")
                }
            }
        }
        for (name, problem) in tableProblems.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out.append("  no table \(name.rawValue): \(problem)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
