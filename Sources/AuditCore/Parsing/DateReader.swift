import Foundation

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
    private static let stamped = DatePattern(re: try! NSRegularExpression(pattern: "^(?:发布时间|发布日期|成文日期|来源:[^:]{0,30}?时间)[:：](20\\d\\d)-(\\d{1,2})-(\\d{1,2})"),
                                             mayMatch: { $0.hasPrefix("发布") || $0.hasPrefix("成文") || $0.hasPrefix("来源") })
    /// A page's or crawler's stamp anywhere in the opening of a flattened page.
    private static let stampedInline = DatePattern(re: try! NSRegularExpression(pattern: "(?:发布时间|发布日期|成文日期|来源:[^:]{0,30}?时间)[:：](20\\d\\d)-(\\d{1,2})-(\\d{1,2})"),
                                                   mayMatch: { $0.has("发布") || $0.has("成文") || $0.has("来源") })
    /// The signature of a flattened page: the agency's name, then the date, then the end of the
    /// text or page chrome (a date followed by more of a sentence, `…2022年5月10日批复`, is not it).
    private static let signature = try! NSRegularExpression(pattern:
        "(?:局|委|办|政府|室|中心|街道|镇|乡|院|会|所|处|队|部|厅|署|馆|站|办事处)(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日(?=$|[^\\p{Han}]|附件|分享|打印|关闭|扫一扫|相关|责任编辑|来源|【)")

    static let agencySuffixes = ["局", "委", "办", "政府", "办公室", "办公厅", "中心", "街道", "镇", "乡", "委员会", "管委会", "办事处", "院", "厅", "所", "处", "队", "馆", "站", "部"]

    /// A date written in Chinese numerals (二〇二二年一月十八日, 二零二二年十二月三十一日) or as
    /// 2022-01-18 / 2022.1.18 / 2022/1/18 (alone, at the end of a short line), in Arabic figures
    /// with 年月日; any other text unchanged.
    static func arabicDate(_ c: String) -> String {
        let digits: [Unicode.Scalar: Int] = ["〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var u = Array(c.unicodeScalars)
        if let year = u.firstIndex(of: "年"), year >= 4, u[(year - 4)..<year].allSatisfy({ digits[$0] != nil }) {
            // A number of at most 31 in Chinese numerals, ending before `end`.
            func small(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
                if s.isEmpty { return nil }
                if let t = s.firstIndex(of: "十") {
                    let tens = t == s.startIndex ? 1 : (s.distance(from: s.startIndex, to: t) == 1 ? digits[s[s.startIndex]] : nil)
                    let rest = s[(t + 1)...]
                    let ones = rest.isEmpty ? 0 : (rest.count == 1 ? digits[rest[rest.startIndex]] : nil)
                    guard let tens, let ones else { return nil }
                    return tens * 10 + ones
                }
                return s.count == 1 ? digits[s[s.startIndex]] : nil
            }
            let y = u[(year - 4)..<year].reduce(0) { $0 * 10 + digits[$1]! }
            if let month = u[(year + 1)...].firstIndex(of: "月"), let day = u[(month + 1)...].firstIndex(of: "日"),
               let m = small(u[(year + 1)..<month]), let d = small(u[(month + 1)..<day]) {
                u.replaceSubrange((year - 4)...day, with: "\(y)年\(m)月\(d)日".unicodeScalars)
                return String(String.UnicodeScalarView(u))
            }
        }
        // 2022-01-18 as the end of a short line.
        let ns = c as NSString
        if c.unicodeScalars.count <= 40, let m = numericDate.firstMatch(in: c, range: NSRange(location: 0, length: ns.length)) {
            return ns.substring(to: m.range.location) + "\(ns.substring(with: m.range(at: 1)))年\(Int(ns.substring(with: m.range(at: 2)))!)月\(Int(ns.substring(with: m.range(at: 3)))!)日"
        }
        return c
    }
    private static let numericDate = try! NSRegularExpression(pattern: "(20\\d\\d)[-./](\\d{1,2})[-./](\\d{1,2})$")

    static func isBlank(_ s: String) -> Bool { !s.unicodeScalars.contains { !$0.isSpaceLike } }

    /// A name that can sign a report: short, ending as an agency's name does.
    static func signed(_ name: String) -> Bool {
        (2...30).contains(name.unicodeScalars.count) && agencySuffixes.contains { name.hasSuffix($0) }
    }

    static func publicationDate(segments: [Segment]) -> ReportDate? {
        /// The date in a segment's compact text `c`.
        func date(_ c: String, line: Int, _ pattern: DatePattern, maxLength: Int) -> ReportDate? {
            guard c.unicodeScalars.count <= maxLength else { return nil }
            // Signatures are also written 二〇二二年一月十八日, or 2022-01-18 on a line of their own.
            let c = pattern.re === written.re ? arabicDate(c) : c
            guard pattern.mayMatch(c) else { return nil }
            let ns = c as NSString
            guard let m = pattern.re.matches(in: c, range: NSRange(location: 0, length: ns.length)).last,
                  let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
                  let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { return nil }
            return ReportDate(year: y, month: mo, day: d, line: line)
        }
        var seen = 0
        for seg in segments.reversed() where !isBlank(seg.text) {
            if let d = date(TextNormalizer.compact(seg.text), line: seg.line, written, maxLength: 40) { return d }
            seen += 1
            if seen >= 4 { break }
        }
        // A saved web page: the site's footer follows the report. The signature is still a short
        // date line under (or after) the agency's name. Only short lines with 月 are compacted.
        var tail = 0
        var below: (compact: String, line: Int)?
        for seg in segments.reversed() {
            tail += 1
            if tail > 160 { break }
            guard seg.text.utf8.count <= 160, seg.text.has("月") || below != nil else { below = nil; continue }
            let c = TextNormalizer.compact(seg.text)
            guard !c.isEmpty else { continue }
            // `c` is the line above the date line `below`.
            if let b = below, let d = date(b.compact, line: b.line, written, maxLength: 40) {
                let before = b.compact.range(of: #"(19|20)\d\d年"#, options: .regularExpression).map { String(b.compact[..<$0.lowerBound]) } ?? ""
                if signed(c) || signed(before) { return d }
            }
            below = c.has("月") ? (c, seg.line) : nil
        }
        if let d = flattenedSignature(segments) { return d }
        for seg in segments.prefix(40) {
            // Only lines that can hold a stamp or a dated line are compacted.
            guard let first = seg.text.unicodeScalars.first(where: { !$0.isSpaceLike }), "发成来(（".unicodeScalars.contains(first) else { continue }
            let c = TextNormalizer.compact(seg.text)
            if let d = date(c, line: seg.line, stamped, maxLength: 40) { return d }
            if c.hasPrefix("("), c.hasSuffix(")"), let d = date(c, line: seg.line, written, maxLength: 16) { return d }
        }
        // A flattened page: the stamp inside the opening of a long line.
        for seg in segments.prefix(3) {
            let c = String(TextNormalizer.compact(String(seg.text.unicodeScalars.prefix(800))).prefix(400))
            if let d = date(c, line: seg.line, stampedInline, maxLength: 400) { return d }
        }
        return nil
    }

    /// The signature at the end of a page flattened onto a few long lines: in the last 500
    /// characters of the last segments, the last agency name followed by a date.
    static func flattenedSignature(_ segments: [Segment]) -> ReportDate? {
        for seg in segments.reversed().lazy.filter({ !isBlank($0.text) }).prefix(3) {
            let tail = String(TextNormalizer.compact(String(seg.text.unicodeScalars.suffix(1000))).suffix(500))
            guard tail.has("月") else { continue }
            let ns = tail as NSString
            guard let m = signature.matches(in: tail, range: NSRange(location: 0, length: ns.length)).last,
                  let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
                  let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { continue }
            return ReportDate(year: y, month: mo, day: d, line: seg.line)
        }
        return nil
    }
}
