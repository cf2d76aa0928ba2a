import Foundation

/// Turns the text of one report into a `Report`. Pure: text in, value out.
public enum ReportParser {
    public static func parse(text: String, source: String, origin: TextOrigin = .document) -> Report {
        if let simplified = TraditionalScript.simplified(text) {
            var report = parseText(simplified, source: source, origin: origin)
            report.traditionalScript = true
            return report
        }
        return parseText(text, source: source, origin: origin)
    }

    static func parseText(_ text: String, source: String, origin: TextOrigin) -> Report {
        let lines = splitLines(text)
        let headings = SectionRecognizer.choose(SectionRecognizer.candidates(in: lines), lines: lines)
        let (segments, headingSegments) = SegmentSplitter.segments(of: lines, cuttingAt: headings)
        let (sections, sectionSegments) = Self.sections(headings, segments: segments, headingSegments: headingSegments)

        let joined = JoinedText(segments[...])
        let publicationDate = DateReader.publicationDate(segments: segments)
        let title = TitleReader.fallback(TitleReader.read(segments: segments, firstSection: headingSegments.first),
                                         segments: segments, date: publicationDate, source: source)
        var year = title.year
        if year == nil, let p = StatisticsPeriodReader.read(joined).first { year = p.startYear }
        let (template, evidence) = Self.template(joined, year: year)
        let tables = Tables(segments, sections: sectionSegments, template: template)

        let paragraphs = ParagraphReader.read(segments: segments, headingIndexes: Set(headingSegments), tableSpans: tables.spans,
                                              sectionAt: { position in sections.last { $0.headingPosition <= position }?.kind })

        return Report(source: source, lines: lines, agency: title.agency, year: year, titleLine: title.line,
                      template: template, templateEvidence: evidence,
                      publicationDate: publicationDate,
                      sections: sections, segments: segments, joined: joined, paragraphs: paragraphs,
                      applicationTable: tables.application, reviewTable: tables.review, proactiveTable: tables.proactive,
                      sectionEvidence: SectionEvidence.find(segments: segments, sections: sections, joined: joined),
                      tableProblems: tables.problems, origin: origin)
    }

    /// The chosen headings as sections, each with its body segments.
    package static func sections(_ headings: [HeadingCandidate], segments: [Segment], headingSegments: [Int]) -> ([Section], [SectionKind: Range<Int>]) {
        var sections: [Section] = []
        var sectionSegments: [SectionKind: Range<Int>] = [:]
        for (n, h) in headings.enumerated() {
            let at = headingSegments[n]
            let end = n + 1 < headings.count ? headingSegments[n + 1] : segments.count
            let lastLine = end > at + 1 ? segments[end - 1].line : segments[at].line
            sections.append(Section(kind: h.kind, heading: h.text, headingLine: h.line, numbering: h.numbering,
                                    writtenNumber: h.numbering == .none ? nil : h.order,
                                    span: LineSpan(h.line, lastLine), headingPosition: at, body: Array(segments[(at + 1)..<max(at + 1, end)])))
            sectionSegments[h.kind] = (at + 1)..<max(at + 1, end)
        }
        return (sections, sectionSegments)
    }

    /// The format the report follows: its tables' labels when they tell, else its year.
    package static func template(_ joined: JoinedText, year: Int?) -> (TemplateVersion?, TemplateEvidence?) {
        let has2021 = TemplateLabels.keys2021.contains { joined.text.has($0) }
        let has2019 = TemplateLabels.keys2019.contains { joined.text.has($0) }
        // Before 国办公开办函〔2019〕60号 there was no fixed table format.
        if let y = year, y < 2019 { return (nil, nil) }
        if has2021 != has2019 { return (has2021 ? .v2021 : .v2019, .tableLabels) }
        if let y = year, y >= 2019 { return (y >= 2021 ? .v2021 : .v2019, .reportYear) }
        return (nil, nil)
    }

    /// The statistical tables read from their sections, where each lies in the text, and why one was not read.
    package struct Tables {
        package var application: StatisticalTable?
        package var review: StatisticalTable?
        package var proactive: ProactiveTable?
        package var spans: [TextSpan] = []
        package var problems: [TableName: String] = [:]

        package init(_ segments: [Segment], sections: [SectionKind: Range<Int>], template: TemplateVersion?) {
            if let template {
                if let range = sections[.applications] {
                    let read = ReportParser.table(segments, range, kind: .applications) { readApplicationTable($0, template: template) }
                    application = read.table; spans += read.spans
                    if application == nil { problems[.application] = "第三部分中未找到表格行标签" }
                } else {
                    problems[.application] = "未找到第三部分（收到和处理政府信息公开申请情况）"
                }
                if let range = sections[.proactive] {
                    let read = ReportParser.table(segments, range, kind: .proactive) { ProactiveTableReader.read($0, template: template) }
                    proactive = read.table; spans += read.spans
                }
            } else {
                problems[.application] = "无法确定报告所用的年报格式（2019或2021版）"
            }
            if let range = sections[.reviewLitigation] {
                let read = ReportParser.table(segments, range, kind: .reviewLitigation) { ReviewTableReader.read($0) }
                review = read.table; spans += read.spans
                if review == nil { problems[.reviewLitigation] = "第四部分中未找到表格" }
            } else {
                problems[.reviewLitigation] = "未找到第四部分（行政复议、行政诉讼情况）"
            }
        }
    }

    /// A section's table read from the section, or, when the section holds none, from the first
    /// attachment after the report whose caption names the section (`附件2 / 收到和处理…统计表`).
    static func table<T>(_ segments: [Segment], _ range: Range<Int>, kind: SectionKind,
                         _ reader: (ArraySlice<Segment>) -> (table: T?, spans: [TextSpan])) -> (table: T?, spans: [TextSpan]) {
        var read = reader(withoutPageFooters(segments[range]))
        guard read.table == nil else { return read }
        for attached in attachments(segments, after: range.upperBound, kind: kind) {
            read = reader(withoutPageFooters(segments[attached]))
            if read.table != nil { break }
        }
        return read
    }

    /// A table's lines without the page footers a PDF's page breaks left among its cells (`- 3 -`,
    /// `第3页共8页`), which would otherwise be read as cells and make the rows unreadable.
    static func withoutPageFooters(_ segments: ArraySlice<Segment>) -> ArraySlice<Segment> {
        func footer(_ seg: Segment) -> Bool {
            guard seg.text.utf8.count <= 40 else { return false }
            return JoinedText.isPageFooter(TextNormalizer.compact(seg.text))
        }
        guard segments.contains(where: footer) else { return segments }
        return segments.filter { !footer($0) }[...]
    }

    /// Where a section's table may stand as an attachment after the report: from each caption
    /// naming the section (`收到和处理政府信息公开申请情况统计表`, `附表2:…`) to the next caption or
    /// attachment mark. Tried only when the section itself holds no table.
    static func attachments(_ segments: [Segment], after start: Int, kind: SectionKind) -> [Range<Int>] {
        func caption(_ k: Int) -> Bool {
            guard segments[k].text.utf8.count <= 120, segments[k].text.has("表") || segments[k].text.has("附") else { return false }
            let c = TextNormalizer.compact(segments[k].text)
            return c.unicodeScalars.count <= 40 && (c.hasSuffix("表") || c.hasPrefix("附件") || c.hasPrefix("附表"))
        }
        var out: [Range<Int>] = []
        var k = start
        while k < segments.count {
            defer { k += 1 }
            guard caption(k), TemplateLabels.titleMatches(TextNormalizer.compact(segments[k].text), kind) else { continue }
            var end = k + 1
            while end < segments.count, !caption(end) || TextNormalizer.compact(segments[end].text).count <= 4 { end += 1 }
            if end > k + 1 { out.append((k + 1)..<end) }
        }
        return out
    }

    /// Table 三 in its template's rows; a 2021 report that kept the 2019 layout of the table (one
    /// row （六）其他处理 instead of three) is read in that layout.
    package static func readApplicationTable(_ segments: ArraySlice<Segment>, template: TemplateVersion) -> (table: StatisticalTable?, spans: [TextSpan]) {
        let read = ApplicationTableReader.read(segments, template: template)
        guard template == .v2021, let t = read.table, ["other_1", "other_2", "other_3"].allSatisfy({ t.reading(row: $0) == .missing }),
              !segments.contains(where: { $0.text.has("逾期不补正") || $0.text.has("逾期未按收费通知") }) else { return read }
        let old = ApplicationTableReader.read(segments, template: .v2019)
        if let o = old.table, case .read? = o.reading(row: "other_processing") { return old }
        return read
    }

    /// Splits on LF, CRLF and CR; a BOM at the start is dropped. Over UTF-8 bytes: a line break
    /// byte never occurs inside a multi-byte character.
    public static func splitLines(_ text: String) -> [String] {
        var t = text
        return t.withUTF8 { buf -> [String] in
            var lines: [String] = []
            var i = 0
            if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
            var start = i
            while i < buf.count {
                let b = buf[i]
                if b == 0x0A || b == 0x0D {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self))
                    if b == 0x0D, i + 1 < buf.count, buf[i + 1] == 0x0A { i += 1 }
                    i += 1
                    start = i
                } else {
                    i += 1
                }
            }
            if start < buf.count { lines.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<buf.count]), as: UTF8.self)) }
            return lines
        }
    }
}
