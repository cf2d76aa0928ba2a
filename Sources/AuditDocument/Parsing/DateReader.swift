import Foundation

/// Finds the date a report was signed or published: the date line at the end (`方正县政府办公室 /
/// 2022年1月20日`), a dated line under the title (`(2026年1月23日)`), or a crawler's `发布时间:`.
package enum DateReader {
    /// A date pattern and a literal test every match passes: most lines fail the test, and a
    /// regex call costs far more.
    private struct DatePattern: @unchecked Sendable {
        package let re: NSRegularExpression
        package let mayMatch: (String) -> Bool
    }
    private static let written = DatePattern(re: try! NSRegularExpression(pattern: "(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日"),
                                             mayMatch: { $0.has("月") })
    private static let stamped = DatePattern(re: try! NSRegularExpression(pattern:
        "^(?:发布时间|发布日期|发文日期|成文日期|印发日期|来源:[^|]{0,30}?时间)[:：](20\\d\\d)(?:-|年|/|\\.)(\\d{1,2})(?:-|月|/|\\.)(\\d{1,2})"),
                                             mayMatch: { $0.hasPrefix("发") || $0.hasPrefix("成文") || $0.hasPrefix("印发") || $0.hasPrefix("来源") })
    /// A page's or crawler's stamp anywhere in the opening of a flattened page.
    private static let stampedInline = DatePattern(re: try! NSRegularExpression(pattern: "(?:发布时间|发布日期|成文日期|来源:[^|]{0,30}?时间)[:：](20\\d\\d)-(\\d{1,2})-(\\d{1,2})"),
                                                   mayMatch: { $0.has("发布") || $0.has("成文") || $0.has("来源") })
    /// A page's metadata block with its fields run together or in cells (`文号成文日期:2020-01-22发布日期:
    /// 2020-01-22`, `发布机构|宿城街道|发文日期|2022-01-04|`): a date label anywhere in a short line.
    private static let labelledInline = DatePattern(re: try! NSRegularExpression(pattern:
        "(?:发布时间|发布日期|发文日期|成文日期|印发日期)[:：|]?(20\\d\\d)(?:-|年|/|\\.)(\\d{1,2})(?:-|月|/|\\.)(\\d{1,2})"),
                                                    mayMatch: { $0.has("日期") || $0.has("时间") })
    /// A page's dated line under the title, its source after the date (`2020年01月23日 来源:上海普陀`).
    private static let datedSource = DatePattern(re: try! NSRegularExpression(pattern:
        "^(20\\d\\d)(?:-|年|/|\\.)(\\d{1,2})(?:-|月|/|\\.)(\\d{1,2})日?(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:来源|信息来源|发布机构|作者|点击|浏览)[:：]"),
                                                 mayMatch: { $0.has("来源") || $0.has("发布机构") || $0.has("作者") || $0.has("点击") || $0.has("浏览") })
    /// The signature of a flattened page: the agency's name, then the date, then the end of the
    /// text or page chrome (a footer glued on: 主办单位, 版权所有, 网站标识码…) (a date followed by more of a sentence, `…2022年5月10日批复`, is not it).
    private static let signature = try! NSRegularExpression(pattern:
        "(?:局|委|办|政府|室|中心|街道|镇|乡|院|会|所|处|队|部|厅|署|馆|站|办事处)(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日(?=$|[^\\p{Han}]|附件|分享|打印|关闭|扫一扫|相关|责任编辑|来源|【|主办|承办|版权|网站|技术支持|联系我们|无障碍)")

    package static let agencySuffixes = ["局", "委", "办", "政府", "办公室", "办公厅", "中心", "街道", "镇", "乡", "委员会", "管委会", "办事处", "院", "厅", "所", "处", "队", "馆", "站", "部",
                                 "署", "区", "会", "台", "社", "场", "关"]

    /// Dates written in Chinese numerals (二〇二二年一月十八日, 二零二一年十二月三十一日, and a second
    /// date without its year, 至十二月三十一日) in Arabic figures; a date written 2022-01-18 /
    /// 2022.1.18 / 2022/1/18 at the end of a short line as 2022年1月18日; any other text unchanged.
    package static func arabicDate(_ c: String) -> String {
        var u = Array(c.unicodeScalars)
        var changed = false
        if u.contains("年") || u.contains("月") {
            // The zero of a year is also typed as a letter O or a figure 0 (二O二四年, 二0二四年).
            let zero: Set<Unicode.Scalar> = ["〇", "○", "零", "Ｏ", "O", "o", "0"]
            func value(_ x: Unicode.Scalar) -> Int? {
                if zero.contains(x) { return 0 }
                return SectionRecognizer.hanNumeral(x).flatMap { $0 <= 9 ? $0 : nil }
            }
            /// A number up to 31 written with 十 (十八, 二十, 三十一) or one numeral.
            func small(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
                guard !s.isEmpty, s.count <= 3 else { return nil }
                if let t = s.firstIndex(of: "十") {
                    let tens = t == s.startIndex ? 1 : (s.distance(from: s.startIndex, to: t) == 1 ? value(s[s.startIndex]) : nil)
                    let rest = s[(t + 1)...]
                    let ones = rest.isEmpty ? 0 : (rest.count == 1 ? value(rest[rest.startIndex]) : nil)
                    guard let tens, let ones else { return nil }
                    return tens * 10 + ones
                }
                return s.count == 1 ? value(s[s.startIndex]) : nil
            }
            var out: [Unicode.Scalar] = []
            var i = 0
            while i < u.count {
                // 四位年份 年
                if i + 4 < u.count, u[i + 4] == "年", (0..<4).allSatisfy({ value(u[i + $0]) != nil }) {
                    out += String((0..<4).reduce(0) { $0 * 10 + value(u[i + $1])! }).unicodeScalars + ["年"]
                    i += 5; changed = true; continue
                }
                // 元月 is January.
                if u[i] == "元", i + 1 < u.count, u[i + 1] == "月", i > 0, u[i - 1] == "年" {
                    out += ["1", "月"]
                    i += 2; changed = true; continue
                }
                // 月 or 日 after a run of numerals
                if value(u[i]) != nil || u[i] == "十" {
                    var j = i
                    while j < u.count, j - i < 3, value(u[j]) != nil || u[j] == "十" { j += 1 }
                    if j < u.count, u[j] == "月" || u[j] == "日", let n = small(u[i..<j]),
                       u[j] == "月" ? (1...12).contains(n) : (1...31).contains(n),
                       i > 0, u[i - 1] == "年" || u[i - 1] == "月" || u[i - 1] == "至" || u[i - 1] == "到" || (u[i - 1].properties.numericType != nil) {
                        out += String(n).unicodeScalars + [u[j]]
                        i = j + 1; changed = true; continue
                    }
                }
                out.append(u[i]); i += 1
            }
            if changed { u = out }
        }
        let text = changed ? String(String.UnicodeScalarView(u)) : c
        // 2022-01-18 as the end of a short line.
        let ns = text as NSString
        if text.unicodeScalars.count <= 40, let m = numericDate.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
            return ns.substring(to: m.range.location) + "\(ns.substring(with: m.range(at: 1)))年\(Int(ns.substring(with: m.range(at: 2)))!)月\(Int(ns.substring(with: m.range(at: 3)))!)日"
        }
        return text
    }
    private static let numericDate = try! NSRegularExpression(pattern: "(20\\d\\d)[-./](\\d{1,2})[-./](\\d{1,2})$")

    package static func isBlank(_ s: String) -> Bool { !s.unicodeScalars.contains { !$0.isSpaceLike } }

    /// A name that can sign a report: short, ending as an agency's name does.
    package static func signed(_ name: String) -> Bool {
        (2...30).contains(name.unicodeScalars.count) && agencySuffixes.contains { name.hasSuffix($0) }
    }

    /// The date in a segment's compact text `c`: the last match of the pattern, or the first.
    private static func date(_ c: String, line: Int, _ pattern: DatePattern, maxLength: Int, first: Bool = false) -> ReportDate? {
        guard c.unicodeScalars.count <= maxLength else { return nil }
        // Signatures are also written 二〇二二年一月十八日, or 2022-01-18 on a line of their own.
        // OCR's l or I for 1, O for 0, 曰 for 日 in a date line are read repaired.
        let c = pattern.re === written.re ? arabicDate(TextNormalizer.repairingOCR(c) ?? c) : c
        guard pattern.mayMatch(c) else { return nil }
        let ns = c as NSString
        let all = pattern.re.matches(in: c, range: NSRange(location: 0, length: ns.length))
        guard let m = first ? all.first : all.last,
              let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
              let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { return nil }
        return ReportDate(year: y, month: mo, day: d, line: line)
    }

    package static func publicationDate(segments: [Segment]) -> ReportDate? {
        // The last lines, the line above each one too: a bare date signs only under a name or the body.
        // Markdown converters' emphasis and breaks (`**2026年1月23日**`) are no part of the date.
        let last = Array(segments.reversed().lazy.filter { !isBlank($0.text) }.prefix(5).map { seg -> (String, Int) in
            (withoutChrome(TextNormalizer.withoutInlineMarkup(TextNormalizer.compact(seg.text))), seg.line)
        })
        var after: String?
        for (k, (c, line)) in last.prefix(4).enumerated() {
            let above = k + 1 < last.count ? last[k + 1].0 : nil
            if let d = signatureDate(c, line: line, above: above) { return d }
            // A date wrapped across two lines (`2022` / `年1月20日`) by a narrow PDF column.
            if let a = after, c.unicodeScalars.count + a.unicodeScalars.count <= 40, let d = signatureDate(c + a, line: line, above: above) { return d }
            after = c.unicodeScalars.count <= 40 ? c : nil
        }
        if let d = savedPageSignature(segments) { return d }
        if let d = flattenedSignature(segments) { return d }
        let opening = Array(segments.prefix(40))
        for (k, seg) in opening.enumerated() {
            // Only lines that can hold a stamp or a dated line are compacted.
            guard let first = seg.text.unicodeScalars.first(where: { !$0.isSpaceLike }) else { continue }
            guard "发成来印(（".unicodeScalars.contains(first) else {
                guard seg.text.utf8.count <= 600, seg.text.has("日期") || seg.text.has("来源") || seg.text.has("发布机构") || seg.text.has("作者") || seg.text.has("点击") else { continue }
                let c = TextNormalizer.compact(seg.text)
                if let d = date(c, line: seg.line, labelledInline, maxLength: 200, first: true) ?? date(c, line: seg.line, datedSource, maxLength: 200) { return d }
                continue
            }
            var c = TextNormalizer.compact(seg.text)
            // A page's info bar goes on after the stamp (`发布时间:2025-01-20 17:39 来源:… 浏览次数:…【打印】`);
            // a metadata table gives the label and the date in cells of their own (`发文日期:` / `2025-01-20`).
            if c.hasSuffix(":"), c.unicodeScalars.count <= 6, k + 1 < opening.count { c += TextNormalizer.compact(opening[k + 1].text) }
            if let d = date(c, line: seg.line, stamped, maxLength: 200) ?? date(c, line: seg.line, labelledInline, maxLength: 200, first: true) { return d }
            if c.hasPrefix("("), c.hasSuffix(")"), let d = date(c, line: seg.line, written, maxLength: 16) { return d }
        }
        // A flattened page: the stamp inside the opening of a long line — after the site's menus,
        // which can run to a few thousand characters.
        for seg in segments.prefix(3) {
            let c = String(TextNormalizer.compact(String(seg.text.unicodeScalars.prefix(12000))).prefix(6000))
            guard c.has("发布") || c.has("成文") || c.has("来源") else { continue }
            // The page's own stamp comes first; a news list further on has stamps of its own.
            if let d = date(c, line: seg.line, stampedInline, maxLength: 6000, first: true) { return d }
        }
        return nil
    }

    /// A compact line cut where a page's chrome glued onto a date starts (`2022年1月20日【打印本页】
    /// 【关闭窗口】…主办单位:…`): after the first 日, at the first print link, footer or share word.
    package static func withoutChrome(_ c: String) -> String {
        guard let day = c.firstIndex(of: "日") else { return c }
        let rest = c[c.index(after: day)...]
        let cut = chromeMarkers.compactMap { rest.range(of: $0)?.lowerBound }.min()
        return cut.map { String(c[..<$0]) } ?? c
    }
    private static let chromeMarkers = ["【", "打印", "关闭", "扫一扫", "相关文章", "相关链接", "分享", "主办", "承办", "版权", "网站标识码", "ICP", "技术支持", "联系我们", "无障碍"]

    /// The date of a short line at the end, if the line signs the report: the date ends it (a
    /// note such as `（此件公开发布）` may follow), and before it stands nothing, the agency's name
    /// or a date label. A page's `更新时间:`, an item of a related-articles list (`关于…的通知
    /// 2024-03-05`), a dated correction or attachment are not signatures. A bare date signs under
    /// the agency's name or the body's last sentence, not under a list item's title. The month
    /// alone (`2024年1月`) is a date whose day is not known.
    package static func signatureDate(_ c: String, line: Int, above: String?) -> ReportDate? {
        guard c.unicodeScalars.count <= 40 else { return nil }
        let a = arabicDate(TextNormalizer.repairingOCR(c) ?? c)
        guard a.has("月") else { return nil }
        let ns = a as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: (range: NSRange, date: ReportDate)?
        if let m = written.re.matches(in: a, range: whole).last, let y = Int(ns.substring(with: m.range(at: 1))),
           let mo = Int(ns.substring(with: m.range(at: 2))), let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) {
            found = (m.range, ReportDate(year: y, month: mo, day: d, line: line))
        } else if let m = monthOnly.firstMatch(in: a, range: whole), let y = Int(ns.substring(with: m.range(at: 1))),
                  let mo = Int(ns.substring(with: m.range(at: 2))), (1...12).contains(mo) {
            found = (m.range, ReportDate(year: y, month: mo, line: line))
        }
        guard let (range, date) = found else { return nil }
        let before = ns.substring(to: range.location).trimmingCharacters(in: leading)
        // A page's own stamp (`发布时间:2024年01月15日 10:30 来源:本站`) may go on after its date.
        if dateLabels.contains(before) { return date }
        var rest = ns.substring(from: range.location + range.length).trimmingCharacters(in: trailing)
        if rest.hasPrefix("("), rest.has("此件") || rest.has("公开") { rest = "" }
        guard rest.isEmpty else { return nil }
        if before.isEmpty {
            guard let above, !signed(above) else { return date }
            return listItem(above) ? nil : date
        }
        return signed(before) ? date : nil
    }
    /// A line a bare date follows in a list of links, not in a signature: a document's title
    /// (`关于…的通知`, `…年度报告`, `《…》`), or a label (`更新时间:`); never a sentence.
    package static func listItem(_ c: String) -> Bool {
        c.unicodeScalars.count <= 80 && (c.hasSuffix(":") || c.hasSuffix("》") || documentTypes.contains { c.hasSuffix($0) })
    }
    private static let documentTypes = ["通知", "公告", "通告", "报告", "决定", "意见", "办法", "方案", "函", "批复", "通报", "公示", "规划", "要点",
                                        "细则", "规定", "解读", "简报", "年报", "纪要", "计划", "总结", "清单", "目录", "指南"]
    private static let monthOnly = try! NSRegularExpression(pattern: "(20\\d\\d)年(\\d{1,2})月[)\\]】。.]*$")
    private static let trailing = CharacterSet(charactersIn: ")]】。.")
    private static let leading = CharacterSet(charactersIn: "([【:")
    /// Labels a signature date may carry (their colon trimmed with the brackets).
    private static let dateLabels: Set<String> = ["发布时间", "发布日期", "成文日期", "印发日期", "落款日期", "日期"]

    /// Where the first year written in figures (`19xx年`, `20xx年`) starts.
    static func yearStart(_ c: String) -> String.Index? {
        let u = c.unicodeScalars
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == "1" || u[i] == "2" {
                var j = i, k = 0
                var digits: [Unicode.Scalar] = []
                while j != u.endIndex, k < 4, ("0"..."9").contains(u[j]) { digits.append(u[j]); j = u.index(after: j); k += 1 }
                if k == 4, j != u.endIndex, u[j] == "年", (digits[0] == "1" && digits[1] == "9") || (digits[0] == "2" && digits[1] == "0") { return i }
            }
            i = u.index(after: i)
        }
        return nil
    }

    /// A saved web page: the site's footer follows the report. The signature is still a short
    /// date line under (or after) the agency's name. Only short lines with 月 are compacted.
    package static func savedPageSignature(_ segments: [Segment]) -> ReportDate? {
        var tail = 0
        var below: (compact: String, line: Int)?
        for seg in segments.reversed() {
            tail += 1
            if tail > 160 { break }
            guard seg.text.utf8.count <= 160 || seg.text.has("日"), seg.text.has("月") || below != nil else { below = nil; continue }
            let c = withoutChrome(TextNormalizer.compact(String(seg.text.unicodeScalars.prefix(400))))
            guard c.unicodeScalars.count <= 60 else { below = nil; continue }
            guard !c.isEmpty else { continue }
            // The agency and the date on one line (`南岗区花园街道办事处 2021年1月27日`).
            // The date must end the line: `本局2021年3月15日召开专题会议` is a sentence, not a signature.
            if c.has("月"), c.hasSuffix("日"), let d = date(c, line: seg.line, written, maxLength: 40),
               let year = yearStart(c), signed(String(c[..<year])) { return d }
            // `c` is the line above the date line `below`.
            if let b = below, let d = date(b.compact, line: b.line, written, maxLength: 40) {
                let before = yearStart(b.compact).map { String(b.compact[..<$0]) } ?? ""
                if signed(c) || signed(before) { return d }
            }
            below = c.has("月") ? (c, seg.line) : nil
        }
        return nil
    }

    /// The signature at the end of a page flattened onto a few long lines: in the last 500
    /// characters of the last segments, the last agency name followed by a date. A saved page's
    /// footer, line after line of links, may follow it: further up, a segment is taken only if
    /// it ends with the signature (a date inside a sentence of the body is none).
    package static func flattenedSignature(_ segments: [Segment]) -> ReportDate? {
        let last = segments.reversed().lazy.filter { !isBlank($0.text) }.prefix(3)
        if let d = signatureIn(Array(last), atEnd: false) { return d }
        let above = segments.suffix(300).dropLast(last.count).reversed().lazy.filter { $0.text.has("月") }.prefix(3)
        return signatureIn(Array(above), atEnd: true)
    }

    package static func signatureIn(_ segments: [Segment], atEnd: Bool) -> ReportDate? {
        for seg in segments {
            var tail = String(TextNormalizer.compact(String(seg.text.unicodeScalars.suffix(1000))).suffix(500))
            if let repaired = TextNormalizer.repairingOCR(tail) { tail = repaired }
            guard tail.has("月") else { continue }
            let ns = tail as NSString
            guard let m = signature.matches(in: tail, range: NSRange(location: 0, length: ns.length)).last,
                  !atEnd || m.range.location + m.range.length == ns.length,
                  let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
                  let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { continue }
            return ReportDate(year: y, month: mo, day: d, line: seg.line)
        }
        return nil
    }
}
