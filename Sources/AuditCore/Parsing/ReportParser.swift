import Foundation

/// Turns the text of one report into a `Report`. Pure: text in, value out.
public enum ReportParser {
    public static func parse(text: String, source: String) -> Report {
        let lines = splitLines(text)
        let headings = SectionRecognizer.choose(SectionRecognizer.candidates(in: lines))
        let (segments, headingSegments) = SegmentSplitter.segments(of: lines, cuttingAt: headings)

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

        let joined = JoinedText(segments[...])
        let publicationDate = DateReader.publicationDate(segments: segments)
        let title = TitleReader.fallback(TitleReader.read(segments: segments, firstSection: headingSegments.first),
                                         segments: segments, date: publicationDate, source: source)
        var year = title.year
        if year == nil, let p = StatisticsPeriodReader.read(joined).first { year = p.startYear }

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
        var proactive: ProactiveTable?
        var tableSpans: [TextSpan] = []
        if let template {
            if let range = sectionSegments[.applications] {
                let read = readApplicationTable(segments[range], template: template)
                application = read.table; tableSpans += read.spans
                if application == nil { problems[.application] = "第三部分中未找到表格行标签" }
            } else {
                problems[.application] = "未找到第三部分（收到和处理政府信息公开申请情况）"
            }
            if let range = sectionSegments[.proactive] {
                let read = ProactiveTableReader.read(segments[range], template: template)
                proactive = read.table; tableSpans += read.spans
            }
        } else {
            problems[.application] = "无法确定报告所用的年报格式（2019或2021版）"
        }
        if let range = sectionSegments[.reviewLitigation] {
            let read = ReviewTableReader.read(segments[range])
            review = read.table; tableSpans += read.spans
            if review == nil { problems[.reviewLitigation] = "第四部分中未找到表格" }
        } else {
            problems[.reviewLitigation] = "未找到第四部分（行政复议、行政诉讼情况）"
        }

        let paragraphs = ParagraphReader.read(segments: segments, headingIndexes: Set(headingSegments), tableSpans: tableSpans,
                                              sectionAt: { position in sections.last { $0.headingPosition <= position }?.kind })

        return Report(source: source, lines: lines, agency: title.agency, year: year, titleLine: title.line,
                      template: template, templateEvidence: evidence,
                      publicationDate: publicationDate,
                      sections: sections, segments: segments, joined: joined, paragraphs: paragraphs,
                      applicationTable: application, reviewTable: review, proactiveTable: proactive,
                      sectionEvidence: SectionEvidence.find(segments: segments, sections: sections),
                      tableProblems: problems)
    }

    /// Table 三 in its template's rows; a 2021 report that kept the 2019 layout of the table (one
    /// row （六）其他处理 instead of three) is read in that layout.
    static func readApplicationTable(_ segments: ArraySlice<Segment>, template: TemplateVersion) -> (table: StatisticalTable?, spans: [TextSpan]) {
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

/// Reads agency and year from the title, in the forms real reports use:
/// `保安镇人民政府 2021 年政府信息 公开工作年度报告`, `XX2021年度政府信息公开工作年度报告`,
/// `XX政府信息公开工作2021年度报告`, `XX政府信息公开年度报告（2021年）`, `2021年政府信息公开工作年度报告`
/// under a line with the agency, a title broken over two lines, a crawler's `标题:` line, or the
/// title at the start of a page flattened onto one line.
enum TitleReader {
    struct Title { var agency: String?; var year: Int?; var line: Int? }

    /// Words every title of an annual report has: what it is about, and that it is a report.
    static let subjects = ["政府信息公开", "政务公开", "信息公开"]
    static let reportWords = ["年度报告", "工作报告", "年报"]
    private static let yearRE = try! NSRegularExpression(pattern: "(?<![0-9])((?:19|20)\\d\\d)(?:年度?|\\)|）)")

    static func read(segments: [Segment], firstSection: Int?) -> Title {
        // The title stands before the first section heading, near the top.
        let scanEnd = min(segments.count, max(firstSection ?? 40, 1), 40)
        // Compacted as they are needed: the title is usually among the first lines.
        var nonEmpty: [(index: Int, compact: String)] = []
        var next = 0
        func nonEmptyLine(_ k: Int) -> (index: Int, compact: String)? {
            while nonEmpty.count <= k, next < scanEnd {
                let c = TextNormalizer.compact(TextNormalizer.stripMarkdown(segments[next].text))
                if !c.isEmpty { nonEmpty.append((next, c)) }
                next += 1
            }
            return k < nonEmpty.count ? nonEmpty[k] : nil
        }
        var k = -1
        while true {
            k += 1
            guard let entry = nonEmptyLine(k) else { break }
            var candidate = titlePart(stripLabel(entry.compact))
            // A title broken over two lines: `…政府信息公开` / `工作年度报告`.
            if candidate == nil, let following = nonEmptyLine(k + 1), following.compact.unicodeScalars.count <= 14 {
                candidate = titlePart(stripLabel(entry.compact) + following.compact)
            }
            guard let title = candidate else { continue }
            var (agency, year) = parse(title)
            if agency.isEmpty, k > 0 {
                let previous = cleanAgency(stripLabel(nonEmpty[k - 1].compact))
                if previous.unicodeScalars.count <= 30, !previous.has("。"), !previous.has(","), !previous.has(":"), !["正文", "标题", "目录"].contains(previous) { agency = previous }
            }
            return Title(agency: agency.isEmpty ? nil : agency, year: year, line: segments[entry.index].line)
        }
        return Title(agency: nil, year: nil, line: nil)
    }

    /// The title in a compact line: up to its report word, if the line is a title (it names the
    /// subject and is a report, and is not a sentence); a long line is a flattened page's body
    /// that starts with its title.
    static func titlePart(_ line: String) -> String? {
        guard subjects.contains(where: { line.has($0) }) else { return nil }
        var best: String.Index?
        for w in reportWords { if let r = line.range(of: w), best == nil || r.upperBound < best! { best = r.upperBound } }
        guard var end = best else { return nil }
        // `…年度报告（2021年）`: the year after the title belongs to it.
        let rest = line[end...]
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) <= 8 { end = line.index(after: close) }
        let title = String(line[..<end])
        guard title.unicodeScalars.count <= 60, !title.has("。"), !title.hasPrefix("根据"), !title.hasPrefix("按照"), !title.hasPrefix("依据"),
              subjects.contains(where: { title.has($0) }) else { return nil }
        return title
    }

    /// Agency and year of a title: the agency is what comes before the year or the subject,
    /// whichever comes first.
    static func parse(_ title: String) -> (agency: String, year: Int?) {
        let clean = title.replacingIfPresent("《", with: "").replacingIfPresent("》", with: "")
        let ns = clean as NSString
        let m = yearRE.firstMatch(in: clean, range: NSRange(location: 0, length: ns.length))
        let year = m.flatMap { Int(ns.substring(with: $0.range(at: 1))) }
        var subject = ns.length
        for w in subjects { let r = ns.range(of: w); if r.location != NSNotFound { subject = min(subject, r.location) } }
        // `2025年上海市人民政府办公厅政府信息公开工作年度报告`: the year first, then the agency.
        if let m, m.range.location == 0 {
            let start = m.range.location + m.range.length
            return (start < subject ? cleanAgency(ns.substring(with: NSRange(location: start, length: subject - start))) : "", year)
        }
        return (cleanAgency(ns.substring(to: min(m?.range.location ?? ns.length, subject))), year)
    }

    /// Drops a crawler's `标题:` label.
    static func stripLabel(_ s: String) -> String {
        for label in ["标题:", "标题：", "题目:"] where s.hasPrefix(label) { return String(s.dropFirst(label.count)) }
        return s
    }

    static func cleanAgency(_ s: String) -> String {
        var t = s
        for p in ["关于"] where t.hasPrefix(p) { t = String(t.dropFirst(p.count)) }
        for suffix in ["关于", "的", "度", "(", "（"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
        return t.trimmingCharacters(in: CharacterSet(charactersIn: " :：,，、·-—()（）"))
    }

    /// Where the title gives no agency or year: the signature at the end (`平潭综合实验区公安局
    /// 2022年1月7日`: the report covers the year before its date), then the file name.
    static func fallback(_ title: Title, segments: [Segment], date: ReportDate?, source: String) -> Title {
        var t = title
        if t.year == nil, let date, date.month <= 6 { t.year = date.year - 1 }
        if t.agency == nil, let date { t.agency = signatureAgency(segments: segments, dateLine: date.line) }
        if t.year == nil {
            let name = (source as NSString).lastPathComponent
            let ns = name as NSString
            let re = try! NSRegularExpression(pattern: "(?<![0-9])(20[0-9]{2})(?![0-9])")
            let years = re.matches(in: name, range: NSRange(location: 0, length: ns.length)).compactMap { Int(ns.substring(with: $0.range(at: 1))) }
            if years.count == 1, (2008...2100).contains(years[0]) { t.year = years[0] }
        }
        return t
    }

    /// The agency that signs the report: the name just before the closing date, if it looks like one.
    static func signatureAgency(segments: [Segment], dateLine: Int) -> String? {
        let suffixes = ["局", "委", "办", "政府", "办公室", "办公厅", "中心", "街道", "镇", "乡", "委员会", "管委会", "办事处", "实验区", "新区", "院", "厅", "所"]
        let lines = segments.filter { $0.line <= dateLine }.suffix(3).map { TextNormalizer.compact($0.text) }
        for text in lines.reversed() {
            // The text before the date, after the last sentence end.
            guard let dateStart = text.range(of: #"(19|20)\d\d年\d{1,2}月\d{1,2}日"#, options: .regularExpression)?.lowerBound ?? (text.isEmpty ? nil : text.endIndex) else { continue }
            var name = String(text[..<dateStart])
            if let stop = name.lastIndex(where: { "。;!?)”".contains($0) }) { name = String(name[name.index(after: stop)...]) }
            name = cleanAgency(name)
            if (2...30).contains(name.unicodeScalars.count), suffixes.contains(where: { name.hasSuffix($0) }) { return name }
        }
        return nil
    }
}

/// Finds statements of the statistics period (统计期限 … 自2021年1月1日起至2021年12月31日止):
/// a marker word, then a date range within a few characters. The markers are the rule's phrase
/// file's `period.markers`; the parser itself uses the built-in ones below (for the report year
/// when the title gives none, and for the dump).
enum StatisticsPeriodReader {
    static let builtInMarkers: [(anchor: String, re: NSRegularExpression)] = [
        ("统计", try! NSRegularExpression(pattern: "统计(?:数据)?的?(?:期限|时限|期间|区间|时段|周期|时间|范围)")),
        ("统计", try! NSRegularExpression(pattern: "数据的?统计(?:期限|时限|期间|区间|时段|周期|时间|范围)")),
    ]

    /// The date range after a marker: connecting words, then two dates (the second may omit its year).
    static let range = try! NSRegularExpression(pattern:
        "^(?:为|是|自|从|:|,|即|均为|在|了|的)*(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:起|开始)?(?:至|到|—|-|~|～)(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:止|期间)?")

    static func read(_ joined: JoinedText, markers: [(anchor: String, re: NSRegularExpression)] = builtInMarkers) -> [StatisticsPeriod] {
        var out: [StatisticsPeriod] = []
        var seen: Set<Int> = []
        for (anchor, re) in markers {
            for m in joined.matches(re, near: [anchor], before: 8, after: 12) {
                let start = m.range.location + m.range.length
                let length = min(48, joined.utf16.count - start)
                guard length > 0 else { continue }
                let window = joined.string(NSRange(location: start, length: length))
                guard let d = range.firstMatch(in: window, options: .anchored, range: NSRange(location: 0, length: (window as NSString).length)) else { continue }
                let ns = window as NSString
                func int(_ i: Int) -> Int? { d.range(at: i).location == NSNotFound ? nil : Int(ns.substring(with: d.range(at: i))) }
                guard let y1 = int(1), let m1 = int(2), let d1 = int(3), let m2 = int(5), let d2 = int(6) else { continue }
                // One statement found by two markers (统计期限 and 数据的统计期限) is one period.
                guard seen.insert(start + d.range.location).inserted else { continue }
                let whole = NSRange(location: m.range.location, length: m.range.length + d.range.location + d.range.length)
                out.append(StatisticsPeriod(startYear: y1, startMonth: m1, startDay: d1, endYear: int(4) ?? y1, endMonth: m2, endDay: d2,
                                            line: joined.line(at: m.range.location), excerpt: joined.string(whole),
                                            position: joined.segmentIndex(at: m.range.location)))
            }
        }
        return out.sorted { $0.position != $1.position ? $0.position < $1.position : $0.line < $1.line }
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

/// Groups narrative text (not headings, not table cells) into paragraphs: a run of non-blank
/// lines; a blank line, a heading or a table ends it. In a long line that holds tables and
/// narrative together, the table text (as the table readers report it) is cut out.
enum ParagraphReader {
    static func read(segments: [Segment], headingIndexes: Set<Int>, tableSpans: [TextSpan], sectionAt: (Int) -> SectionKind?) -> [Paragraph] {
        var spansByLine: [Int: [TextSpan]] = [:]
        for s in tableSpans { spansByLine[s.line, default: []].append(s) }
        var out: [Paragraph] = []
        var pieces: [TextSpan] = []
        var section: SectionKind?
        var first = 0, last = 0, firstSegment = 0, lastSegment = 0
        func flush() {
            if !pieces.isEmpty { out.append(Paragraph(span: LineSpan(first, last), section: section, pieces: pieces, segments: firstSegment...lastSegment)) }
            pieces = []
        }
        for (i, seg) in segments.enumerated() {
            let lineSpans = spansByLine[seg.line] ?? []
            // Counting a segment's characters walks it: only lines that hold a table or are cut need it.
            let count = lineSpans.isEmpty && seg.endsLine ? 0 : seg.text.unicodeScalars.count
            let end = seg.endsLine ? TextSpan.lineEnd : seg.column + count
            let cuts = lineSpans.filter { $0.lo < seg.column + count && $0.hi > seg.column }.sorted { $0.lo < $1.lo }
            let t = TextNormalizer.trim(seg.text)
            // A value cell is a short number or placeholder: long lines skip folding.
            let isTable = cuts.isEmpty && (seg.text.has("\t") || t.hasPrefix("|") || (t.utf8.count <= 128 && CellSplitter.isValueText(TextNormalizer.fold(t)))
                || (seg.text.utf8.count <= 600 && t.has("  ") && CellSplitter.cells(seg).filter(\.isValue).count >= 2))
            if t.isEmpty || isTable || headingIndexes.contains(i) { flush(); continue }
            func add(_ lo: Int, _ hi: Int) {
                let span = TextSpan(line: seg.line, lo: lo, hi: hi)
                let local = TextSpan(line: 0, lo: lo - seg.column, hi: hi == TextSpan.lineEnd ? TextSpan.lineEnd : hi - seg.column)
                guard !TextNormalizer.trim(Report.slice(seg.text, local)).isEmpty else { return }
                if pieces.isEmpty { section = sectionAt(i); first = seg.line; firstSegment = i }
                last = seg.line; lastSegment = i
                pieces.append(span)
            }
            var cursor = seg.column
            for span in cuts {
                if span.lo > cursor { add(cursor, span.lo) }
                // A table between two stretches of narrative ends a paragraph.
                flush()
                cursor = max(cursor, span.hi)
            }
            if cuts.isEmpty || cursor < seg.column + count { add(cursor, end) }
        }
        flush()
        return out
    }
}

/// Where a section with no recognised heading shows its content anyway: its table's labels, or
/// its characteristic wording, between the headings around it.
enum SectionEvidence {
    static let markers: [SectionKind: [String]] = [
        .proactive: ["第二十条第(一)项", "本年制发件数", "本年新制作数量", "现行有效件数", "对外公开总数量"],
        .applications: ["本年新收政府信息公开申请数量", "本列数据的勾稽关系", "本列数据的钩稽关系", "上年结转政府信息公开申请数量"],
        .reviewLitigation: ["未经复议直接起诉", "复议后起诉"],
        .problems: ["存在的主要问题", "存在的问题", "主要问题", "改进措施", "改进情况"],
        .other: ["信息处理费", "其他需要报告", "需要说明的其他事项", "其他事项"],
    ]

    static func find(segments: [Segment], sections: [Section]) -> [SectionKind: (line: Int, excerpt: String)] {
        var out: [SectionKind: (line: Int, excerpt: String)] = [:]
        for kind in SectionKind.allCases where !sections.contains(where: { $0.kind == kind }) {
            guard let words = markers[kind] else { continue }
            let before = sections.last { $0.kind < kind }?.headingPosition ?? -1
            let after = sections.first { $0.kind > kind }?.headingPosition ?? segments.count
            guard before + 1 < after else { continue }
            search: for seg in segments[(before + 1)..<min(after, segments.count)] {
                let c = TextNormalizer.compact(seg.text)
                for w in words where c.has(w) {
                    out[kind] = (seg.line, w)
                    break search
                }
            }
        }
        return out
    }
}
