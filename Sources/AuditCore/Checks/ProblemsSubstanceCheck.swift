import AuditDocument
import Foundation

/// `problems_substance`: section 五 states concrete problems and concrete improvements; a
/// section that says only 无, or misses either half, is flagged. Not applicable when 五 is
/// missing altogether (that is `required_sections`' finding).
public enum ProblemsSubstanceCheck: ReportCheck {
    public struct Parameters: Sendable {
        public var minLength: Int
        init(_ r: inout ParameterReader) {
            minLength = r.integer("min_length", default: 30, in: 1...10_000)
        }
    }

    enum Variant: String, CheckVariant {
        case empty
        case missingProblems = "missing_problems"
        case missingImprovements = "missing_improvements"

        var placeholders: [String] {
            switch self {
            case .empty: return ["text"]
            case .missingProblems: return []
            case .missingImprovements: return []
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "min_length: \(p.minLength)"
    }

    static let problemWords = ["问题", "不足", "差距", "短板", "薄弱", "有待", "不够", "欠缺", "滞后", "不到位", "不高", "不强", "不规范", "不完善", "不及时",
                               "单一", "仍需", "困难", "偏低", "偏少", "参差不齐", "较弱", "较少",
                               // Shortfalls said as what is still to do or what is wrong (规范化水平还需进一步提升, 尚未全部完成, 衔接不畅).
                               "还需", "尚需", "尚未", "尚不", "一定距离", "现象", "不畅", "不严", "不广", "陈旧", "不全", "不深", "不细",
                               "不充分", "不统一", "不便", "不均衡", "不平衡", "不明显", "不一致", "不精准", "不突出", "不健全", "不系统", "不直观", "不清晰"]
    /// A shortfall said in one word after what falls short (`原创解读少`, `网上公开的内容少`, `更新慢`).
    static let shortfall = try! NSRegularExpression(pattern:
        "(?:内容|信息|解读|数量|形式|渠道|频次|频率|更新|互动|回应|质量|力度|水平|意识|能力|覆盖面?)(?:还|较|偏|太|过|仍|比较|相对)?(?:少|慢|弱|窄|低|差|浅)(?=[,，。;；、]|$)")

    static func namesProblem(_ compact: String) -> Bool {
        problemWords.contains { compact.has($0) }
            || shortfall.firstMatch(in: compact, range: NSRange(compact.startIndex..., in: compact)) != nil
    }
    static let improvementWords = ["改进", "措施", "下一步", "将进一步", "将继续", "加强", "完善", "提升", "推进", "强化", "健全", "加大", "拓宽", "丰富", "规范", "计划",
                                   "今后", "着力", "对策", "举措", "优化", "建立", "确保", "落实", "制定", "明确", "推动", "持续", "提高", "深化", "加快", "培训", "整改"]

    /// A measure written as a plan without 下一步 or a listed verb (`2024年，我局将增加…`, `明年拟…`,
    /// `本单位将…`): a future marker after the agency, a coming year or a clause break. `将` after
    /// other words is often 把 (`未能将解读与文件同步发布`) and says nothing of a plan.
    static let futurePlan = try! NSRegularExpression(pattern:
        "(?:我[\\p{Han}]{0,6}|本[\\p{Han}]{1,6}|(?:\\d{4}|明|来|新的一|下一?)年度?|今后|未来|[，,。；;：:]"
        // The agency named as the subject (`街道将…`, `街办将把…`, `市政府办公室将组织…`, `乡党政办将会同…`).
        + "|(?:街道|街办|乡|镇|局|委|办|中心|政府|单位|部门|机关|科室|处|室|所|站)(?=(?:将|拟|计划|准备|争取|打算)(?:进一步|继续|在|把|对|于|按|从|加强|加大|完善|建立|组织|推进|开展|统一|持续|逐步|全面|着力|重点|做好|强化|会同|结合|围绕|以|通过|定期|每"
        // … or lists its measures (`为此，某某镇将一是督促…`) or opens one with an adverb.
        + "|一是|首先|第一|督促|及时|积极|主动|切实|认真|严格|坚持|不断|利用|依托|按月|采取|抓好)))"
        + "(?:将|拟|计划|准备|争取|打算)(?![其该此])")

    static func namesMeasure(_ compact: String) -> Bool {
        improvementWords.contains { compact.has($0) }
            || futurePlan.firstMatch(in: compact, range: NSRange(compact.startIndex..., in: compact)) != nil
    }

    static func isTableRow(_ line: String) -> Bool { line.utf8.contains(0x09) || TextNormalizer.trim(line).hasPrefix("|") }

    /// A row of a table written in words (`| 栏目信息更新不及时 | 建立栏目更新台账 |`, as some reports
    /// set out 五): no cell is a figure. A row of table 三 or 四 that spilled into 五 has figures.
    static func isTextRow(_ line: String) -> Bool {
        let cells = line.split(whereSeparator: { $0 == "\t" || $0 == "|" }).map { TextNormalizer.trim(String($0)) }.filter { !$0.isEmpty && !$0.allSatisfy { $0 == "-" || $0 == ":" } }
        return !cells.isEmpty && !cells.contains { c in c.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," } }
    }

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        guard let five = report.section(.problems) else { return .notApplicable }
        let body = five.body.filter { !isTableRow($0.text) || isTextRow($0.text) }.map(\.text).joined()
        let compact = TextNormalizer.compact(body)
        let letters = compact.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        let namesProblems = namesProblem(compact), namesImprovements = namesMeasure(compact)
        // Short is not empty when it names both a problem and a measure (`短板：…。举措：…。`).
        if letters < p.minLength && !(namesProblems && namesImprovements && letters >= 12) {
            return .from([Observation(.fail, Variant.empty, values: ["text": Localized(zh: compact.isEmpty ? "（空）" : compact, en: compact.isEmpty ? "(empty)" : compact)],
                                      line: five.headingLine, excerpt: compact.isEmpty ? five.heading : compact)])
        }
        var obs: [Observation] = []
        if !namesProblems { obs.append(Observation(.fail, Variant.missingProblems, line: five.headingLine, excerpt: five.heading)) }
        if !namesImprovements { obs.append(Observation(.fail, Variant.missingImprovements, line: five.headingLine, excerpt: five.heading)) }
        return .from(obs)
    }
}
