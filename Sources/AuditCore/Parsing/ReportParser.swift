import Foundation

/// Turns the text of one report into a `Report`. Pure: text in, value out.
public enum ReportParser {
    public static func parse(text: String, source: String) -> Report {
        let lines = splitLines(text)
        let segments = SegmentSplitter.segments(of: lines)
        let headings = SectionRecognizer.headings(in: segments)

        var sections: [Section] = []
        var sectionSegments: [SectionKind: Range<Int>] = [:]
        for (n, h) in headings.enumerated() {
            let end = n + 1 < headings.count ? headings[n + 1].segmentIndex : segments.count
            let lastLine = end > h.segmentIndex + 1 ? segments[end - 1].line : segments[h.segmentIndex].line
            sections.append(Section(kind: h.kind, heading: h.text, headingLine: segments[h.segmentIndex].line,
                                    numbering: h.numbering, span: LineSpan(segments[h.segmentIndex].line, lastLine),
                                    headingPosition: h.segmentIndex, body: Array(segments[(h.segmentIndex + 1)..<end])))
            sectionSegments[h.kind] = (h.segmentIndex + 1)..<end
        }

        let joined = JoinedText(segments[...])
        let title = TitleReader.read(segments: segments, firstSection: headings.first?.segmentIndex)
        let periods = StatisticsPeriodReader.read(joined)
        var year = title.year
        if year == nil, let p = periods.first { year = p.startYear }

        var template: TemplateVersion?
        var evidence: TemplateEvidence?
        let has2021 = TemplateLabels.keys2021.contains { joined.text.has($0) }
        let has2019 = TemplateLabels.keys2019.contains { joined.text.has($0) }
        if let y = year, y < 2019 {
            // Before 国办公开办函〔2019〕60号 there was no fixed table format.
            template = nil
        } else if has2021 != has2019 {
            template = has2021 ? .v2021 : .v2019; evidence = .tableLabels
        } else if let y = year, y >= 2019 {
            template = y >= 2021 ? .v2021 : .v2019; evidence = .reportYear
        }

        var problems: [TableName: String] = [:]
        var application: StatisticalTable?
        var review: StatisticalTable?
        if let template {
            if let range = sectionSegments[.applications] {
                application = ApplicationTableReader.read(segments[range], template: template)
                if application == nil { problems[.application] = "第三部分中未找到表格行标签" }
            } else {
                problems[.application] = "未找到第三部分（收到和处理政府信息公开申请情况）"
            }
        } else {
            problems[.application] = "无法确定报告所用的年报格式（2019或2021版）"
        }
        if let range = sectionSegments[.reviewLitigation] {
            review = ReviewTableReader.read(segments[range])
            if review == nil { problems[.reviewLitigation] = "第四部分中未找到表格" }
        } else {
            problems[.reviewLitigation] = "未找到第四部分（行政复议、行政诉讼情况）"
        }

        let paragraphs = ParagraphReader.read(segments: segments, headingIndexes: Set(headings.map(\.segmentIndex)),
                                              sectionAt: { line in sections.last { $0.span.first <= line && line <= $0.span.last }?.kind })

        return Report(source: source, lines: lines, agency: title.agency, year: year, titleLine: title.line,
                      template: template, templateEvidence: evidence,
                      publicationDate: DateReader.publicationDate(segments: segments),
                      sections: sections, paragraphs: paragraphs, periods: periods,
                      applicationTable: application, reviewTable: review, tableProblems: problems)
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

/// Reads agency and year from the title, e.g. `保安镇人民政府 2021 年政府信息 公开工作年度报告`,
/// `2021年政府信息公开工作年度报告` under a line with the agency, or a title split over two lines.
enum TitleReader {
    struct Title { var agency: String?; var year: Int?; var line: Int? }

    static let titleMarkers = ["政府信息公开工作年度报告", "政府信息公开年度报告", "政务公开工作年度报告", "信息公开工作年度报告", "政府信息公开工作报告"]
    private static let yearRE = try! NSRegularExpression(pattern: "(20\\d\\d|19\\d\\d)年度?")

    static func read(segments: [Segment], firstSection: Int?) -> Title {
        // The title stands before the first section heading, near the top.
        let scanEnd = min(segments.count, max(firstSection ?? 40, 1), 40)
        var nonEmpty: [(index: Int, compact: String)] = []
        for i in 0..<scanEnd {
            let c = TextNormalizer.compact(TextNormalizer.stripMarkdown(segments[i].text))
            if !c.isEmpty { nonEmpty.append((i, c)) }
        }
        for (k, entry) in nonEmpty.enumerated() {
            var candidate = stripLabel(entry.compact)
            var marker = titleMarkers.first { candidate.has($0) }
            // A title broken over two lines: `…政府信息公开` / `工作年度报告`.
            if marker == nil, k + 1 < nonEmpty.count, nonEmpty[k + 1].compact.unicodeScalars.count <= 12 {
                let joined = candidate + nonEmpty[k + 1].compact
                if let m = titleMarkers.first(where: { joined.has($0) }) { candidate = joined; marker = m }
            }
            guard let marker, let markerRange = candidate.range(of: marker) else { continue }
            guard candidate.unicodeScalars.count <= 60 else { continue }
            var prefix = String(candidate[..<markerRange.lowerBound])
            prefix = prefix.replacingIfPresent("《", with: "").replacingIfPresent("》", with: "")
            let ns = prefix as NSString
            var year: Int?
            var agency = prefix
            if let m = yearRE.firstMatch(in: prefix, range: NSRange(location: 0, length: ns.length)) {
                year = Int(ns.substring(with: m.range(at: 1)))
                let before = ns.substring(to: m.range.location)
                let after = ns.substring(from: m.range.location + m.range.length)
                agency = before.isEmpty ? after : before
            }
            agency = cleanAgency(agency)
            if agency.isEmpty, k > 0 {
                let previous = cleanAgency(stripLabel(nonEmpty[k - 1].compact))
                if previous.unicodeScalars.count <= 30, !previous.has("。"), !previous.has("，") { agency = previous }
            }
            return Title(agency: agency.isEmpty ? nil : agency, year: year, line: segments[entry.index].line)
        }
        return Title(agency: nil, year: nil, line: nil)
    }

    /// Drops a crawler's `标题:` label.
    static func stripLabel(_ s: String) -> String {
        for label in ["标题:", "标题：", "题目:"] where s.hasPrefix(label) { return String(s.dropFirst(label.count)) }
        return s
    }

    static func cleanAgency(_ s: String) -> String {
        var t = s
        for p in ["关于"] where t.hasPrefix(p) { t = String(t.dropFirst(p.count)) }
        for suffix in ["关于", "的", "度"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
        return t.trimmingCharacters(in: CharacterSet(charactersIn: " :：,，、·-—()（）"))
    }
}

/// Finds statements of the statistics period (统计期限 … 自2021年1月1日起至2021年12月31日止).
enum StatisticsPeriodReader {
    static let re = try! NSRegularExpression(pattern:
        "(?:统计(?:数据)?的?(?:期限|时限|期间|区间|时段|周期|时间|范围)|数据的?统计(?:期限|时限|期间|区间|时段|周期|时间|范围))"
        + "(?:为|是|自|从|:|,|即|均为)*"
        + "(\\d{4})年(\\d{1,2})月(\\d{1,2})日起?(?:至|到|—|-|~|～)(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日止?")

    static func read(_ joined: JoinedText) -> [StatisticsPeriod] {
        // Every match starts with 统计 or 数据的统计 and is a date range after it.
        joined.matches(re, near: ["统计"], before: 3, after: 80).compactMap { m in
            guard let y1 = joined.int(m.range(at: 1)), let m1 = joined.int(m.range(at: 2)), let d1 = joined.int(m.range(at: 3)),
                  let m2 = joined.int(m.range(at: 5)), let d2 = joined.int(m.range(at: 6)) else { return nil }
            let y2 = joined.int(m.range(at: 4)) ?? y1
            return StatisticsPeriod(startYear: y1, startMonth: m1, startDay: d1, endYear: y2, endMonth: m2, endDay: d2,
                                    line: joined.line(at: m.range.location), excerpt: joined.string(m.range),
                                    position: joined.segmentIndex(at: m.range.location))
        }
    }
}

/// Finds the date a report was signed or published: the date line at the end (`方正县政府办公室 /
/// 2022年1月20日`), a dated line under the title (`(2026年1月23日)`), or a crawler's `发布时间:`.
enum DateReader {
    /// A date pattern and a literal test every match passes: most lines fail the test, and a
    /// regex call costs far more.
    private struct DatePattern: @unchecked Sendable {
        let re: NSRegularExpression
        let mayMatch: (String) -> Bool
    }
    private static let written = DatePattern(re: try! NSRegularExpression(pattern: "(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日"),
                                             mayMatch: { $0.has("月") })
    private static let stamped = DatePattern(re: try! NSRegularExpression(pattern: "^(?:发布时间|发布日期|成文日期)[:：](20\\d\\d)-(\\d{1,2})-(\\d{1,2})"),
                                             mayMatch: { $0.hasPrefix("发布") || $0.hasPrefix("成文") })

    static func publicationDate(segments: [Segment]) -> ReportDate? {
        /// The date in a segment's compact text `c`.
        func date(_ c: String, line: Int, _ pattern: DatePattern, maxLength: Int) -> ReportDate? {
            guard c.unicodeScalars.count <= maxLength, pattern.mayMatch(c) else { return nil }
            let ns = c as NSString
            guard let m = pattern.re.matches(in: c, range: NSRange(location: 0, length: ns.length)).last,
                  let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
                  let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { return nil }
            return ReportDate(year: y, month: mo, day: d, line: line)
        }
        var seen = 0
        for seg in segments.reversed() where !TextNormalizer.trim(seg.text).isEmpty {
            if let d = date(TextNormalizer.compact(seg.text), line: seg.line, written, maxLength: 40) { return d }
            seen += 1
            if seen >= 4 { break }
        }
        for seg in segments.prefix(12) {
            let c = TextNormalizer.compact(seg.text)
            if let d = date(c, line: seg.line, stamped, maxLength: 40) { return d }
            if c.hasPrefix("("), c.hasSuffix(")"), let d = date(c, line: seg.line, written, maxLength: 16) { return d }
        }
        return nil
    }
}

/// Groups narrative lines (not headings, not table cells) into paragraphs: a run of non-blank
/// lines; a blank line, a heading or a table line ends it.
enum ParagraphReader {
    static func read(segments: [Segment], headingIndexes: Set<Int>, sectionAt: (Int) -> SectionKind?) -> [Paragraph] {
        var out: [Paragraph] = []
        var first: Int?, last = 0
        func flush() {
            if let f = first { out.append(Paragraph(span: LineSpan(f, last), section: sectionAt(f))) }
            first = nil
        }
        for (i, seg) in segments.enumerated() {
            let t = TextNormalizer.trim(seg.text)
            // A value cell is a short number or placeholder: long lines skip folding.
            let isTable = seg.text.has("\t") || t.hasPrefix("|") || (t.utf8.count <= 128 && CellSplitter.isValueText(TextNormalizer.fold(t)))
                || (t.has("  ") && CellSplitter.cells(seg).filter(\.isValue).count >= 2)
            if t.isEmpty || isTable || headingIndexes.contains(i) { flush(); continue }
            if first == nil { first = seg.line }
            last = seg.line
        }
        flush()
        return out
    }
}
