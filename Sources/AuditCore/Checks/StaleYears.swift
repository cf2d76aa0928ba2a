import Foundation

/// `stale_years`: a year in the body earlier than the report year where the current one is
/// meant (2020年 in a 2021 report's own activities) is a sign of copy-paste. Years inside
/// document numbers (〔2021〕), titles of documents (《…》), the statistics period, and sentences
/// that compare (同比, 较上年, 相比, 以来…) are not flagged.
public enum StaleYearsCheck {
    public struct Parameters: Sendable {
        init(_ r: inout ParameterReader) {}
    }

    public static let variants = [VariantSpec(name: "stale", placeholders: ["year", "report_year", "sentence"])]

    static let yearRE = try! NSRegularExpression(pattern: "(?<![0-9〔\\[(（【])(20[0-9]{2})年(?!度报告|政府信息公开)")
    static let comparisons = ["同比", "较上年", "比上年", "上年", "去年", "上一年", "相比", "以来", "至今", "截至", "截止", "以前", "之前", "整改", "改进", "问题", "不足", "上一年度", "上年度", "年报", "年度报告", "统计期限", "统计时限", "印发", "出台", "发布的", "通知", "意见", "规定", "办法", "条例", "《", "》", "〔", "号"]

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        guard let year = report.year else { return .notApplicable }
        var obs: [Observation] = []
        for para in report.paragraphs {
            for n in para.span.first...para.span.last where n != report.titleLine {
                let line = TextNormalizer.compact(report.line(n))
                for sentence in ReuseSettings.sentences(line) {
                    let s = String(sentence)
                    if comparisons.contains(where: { s.has($0) }) { continue }
                    let ns = s as NSString
                    for m in yearRE.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                        guard let y = Int(ns.substring(with: m.range(at: 1))), y < year, y >= year - 5 else { continue }
                        obs.append(Observation(.fail, variant: "stale", values: ["year": Localized(zh: String(y), en: String(y)), "report_year": Localized(zh: String(year), en: String(year)),
                                                                                 "sentence": Localized(zh: s, en: s)], line: n, excerpt: s))
                        break
                    }
                }
            }
        }
        return .from(obs)
    }
}
