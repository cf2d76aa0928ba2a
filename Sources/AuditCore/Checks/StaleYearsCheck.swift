import AuditDocument
import Foundation

/// `stale_years`: a year in the body earlier than the report year where the current one is
/// meant (`2020年，我乡共收到…` in a 2021 report: the time of the agency's own work) is a sign of
/// copy-paste. Not flagged: years in
/// document numbers (〔2021〕) and titles (《…》), the statistics period, sentences that compare or
/// look back (同比, 较上年, 相比, 以来, 截至…), and references to the previous year that are right
/// by nature — final accounts (2020年政府决算, 2020年度部门决算: a 决算 is always of a past year),
/// 上年度/上一年/去年, 较2020年, and the previous year's assessment (2020年度考核中获评优秀). One
/// finding per distinct sentence.
public enum StaleYearsCheck: ReportCheck {
    public struct Parameters: Sendable {
        init(_ r: inout ParameterReader) {}
    }

    enum Variant: String, CheckVariant {
        case stale

        var placeholders: [String] {
            switch self {
            case .stale: return ["year", "report_year", "sentence"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "years 1–5 before the report year, outside citations, document numbers, final accounts and comparisons"
    }

    /// A year as the time of a statement of the agency's own work: the year, then the agency or a
    /// total (`2020年，我乡共收到…`, `2020年全年…`, `本局2020年共…`). A year in any other role —
    /// a reference point (2020年底建成的, 在2020年基础上), a period (2018年至2021年), a quarter —
    /// is no sign of a copied report.
    static let yearRE = try! NSRegularExpression(pattern: "(?<![0-9〔\\[(（【])(20[0-9]{2})年(?:度)?[,，]?(?=我|本|全年|共|累计|全县|全区|全镇|全乡|全市|全局|全委|制作|获取|主动公开|收到|受理|办理|办结|发布|开展|完成|新增|组织|举办|召开|更新|编制)")
    static let comparisons = ["决算", "同比", "较上年", "比上年", "上年", "去年", "上一年", "相比", "以来", "至今", "截至", "截止", "以前", "之前", "整改", "改进", "问题", "不足", "上一年度", "上年度", "年报", "年度报告", "统计期限", "统计时限", "印发", "出台", "发布的", "通知", "意见", "规定", "办法", "条例", "《", "》", "〔", "号",
                              // A year's assessment and its awards are announced the year after (第五十条 asks for 考核结果).
                              "考核", "考评", "评估", "评议", "测评", "获评", "荣获", "表彰", "评为", "排名", "名列", "等次", "先进"]
    /// Words right after a year that make it a past year by nature (its final accounts).
    static let pastByNature = ["决算", "度决算", "年度部门决算", "部门决算", "政府决算", "度部门决算", "财政决算"]
    /// Words right before a year that make it a comparison (较2020年, 比2020年).
    static let comparedBefore: [Unicode.Scalar] = ["较", "比", "于", "同"]

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        judge(report, p).doubting(report.figuresInDoubt, variants: [Variant.stale.rawValue])
    }

    static func judge(_ report: Report, _ p: Parameters) -> CheckResult {
        guard let year = report.year else { return .notApplicable }
        var obs: [Observation] = []
        var seen: Set<String> = []
        let pieces = report.narrative
        for (k, piece) in pieces.enumerated() {
            let n = piece.span.line
            if n == report.titleLine && piece.text.unicodeScalars.count <= 80 { continue }
            let line = TextNormalizer.compact(piece.text)
            // A sentence wrapped onto the next line (`…2019年政府决` / `算…`) is read whole, so the
            // words that excuse a year are not cut off; sentences starting there are the next piece's.
            var extended = line
            if k + 1 < pieces.count, pieces[k + 1].span.line == n + 1, let last = line.unicodeScalars.last, !"。；;！!？?".unicodeScalars.contains(last) {
                let next = TextNormalizer.compact(pieces[k + 1].text)
                extended += next.prefix { !"。；;！!？?".contains($0) }
            }
            let ownLength = line.count
            for sentence in ReuseSettings.sentences(extended) where extended.distance(from: extended.startIndex, to: sentence.startIndex) < ownLength {
                let s = String(sentence)
                if comparisons.contains(where: { s.has($0) }) { continue }
                // The report's year in the same sentence (`2023年全年公开信息139条，2024年全年公开156条`): a comparison.
                if s.has("\(year)年") || s.has("本年度") || s.has("今年") { continue }
                let ns = s as NSString
                for m in yearRE.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                    guard let y = Int(ns.substring(with: m.range(at: 1))), y < year, y >= year - 5 else { continue }
                    // At the start of the sentence, after a short subject (`本局2020年共…`), or after
                    // a sub-heading glued to it on a flattened page (`(一)主动公开政府信息的数量2024年制作…`).
                    let lead = ns.substring(to: m.range.location)
                    let subHeading = (lead.hasPrefix("(") || lead.hasPrefix("（")) && !lead.has(",") && !lead.has("，") && lead.unicodeScalars.count <= 24
                    guard lead.isEmpty || subHeading || (lead.unicodeScalars.count <= 10 && (lead.hasPrefix("我") || lead.hasPrefix("本"))) else { continue }
                    let after = ns.substring(from: m.range.location + m.range.length)
                    if pastByNature.contains(where: { after.hasPrefix($0) }) { continue }
                    if m.range.location > 0, let before = ns.substring(with: NSRange(location: m.range.location - 1, length: 1)).unicodeScalars.first,
                       comparedBefore.contains(before) { continue }
                    guard seen.insert(s).inserted else { break }
                    let excerpt = s.unicodeScalars.count > 120 ? String(s.prefix(120)) + "…" : s
                    obs.append(Observation(.fail, Variant.stale, values: ["year": Localized(zh: String(y), en: String(y)), "report_year": Localized(zh: String(year), en: String(year)),
                                                                             "sentence": Localized(zh: excerpt, en: excerpt)], line: n, excerpt: excerpt))
                    break
                }
            }
        }
        return .from(obs)
    }
}
