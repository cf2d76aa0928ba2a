import Foundation

/// Every Chinese label string of the official formats (2019 and 2021), in one place.
public enum TemplateLabels {
    package static let sectionNumerals = ["一", "二", "三", "四", "五", "六"]
    package static let sectionTitles = [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
    ]
    package static let sectionTitlesEnglish = [
        "overview", "proactive disclosure", "applications received and handled",
        "administrative review and litigation", "problems and improvements", "other matters",
    ]

    /// Does a compact heading title (numbering removed) name this section? Titles that follow the
    /// wording of 条例 第五十条 instead of the format are accepted (seed 004, [R-sh2019]).
    package static func titleMatches(_ t: String, _ kind: SectionKind) -> Bool {
        switch kind {
        case .overview: return t.hasPrefix("总体") || t == "概述" || t.hasPrefix("基本情况")
        case .proactive: return t.has("主动公开政府信息") || t.hasPrefix("主动公开情况")
        case .applications: return t.has("收到和处理") || (t.has("公开申请") && t.has("处理"))
        case .reviewLitigation: return (t.has("复议") && t.has("诉讼"))
        case .problems: return t.has("存在的主要问题") || ((t.has("问题") || t.has("不足")) && (t.has("改进") || t.has("整改") || t.has("下一步")))
        case .other: return t.has("其他需要报告")
        }
    }

    /// Section titles as real reports write them after the numeral, matched at the start of the
    /// compact text that follows `一、`: the official wording, the wording of 条例 第五十条, and the
    /// variants seen in real reports (abbreviated, renamed, 行政法复议). A heading found inside a
    /// long line must match one of these from its first character: a sentence that merely
    /// mentions the words is no heading.
    package static let sectionTitleSources: [(SectionKind, String)] = [
        // 信息公开工作概述, 年度工作概述, 政务公开工作总体情况: the subject named more loosely before the title.
        (.overview, "(?:政府信息公开|政务公开|信息公开|政府信息)?(?:年度)?(?:工作)?(?:的)?(?:总体情况|总体概况|总体公开情况|总体概述|基本情况|工作概况|工作概述|概述|概况|总体工作情况)"),
        (.proactive, "(?:行政机关)?(?:政府信息)?主动公开(?:政府信息|信息)?(?:工作)?(?:的)?(?:情况|概况)"),
        (.applications, "(?:行政机关)?(?:收到和处理|收到及处理|收到与处理|受理和处理|受理和办理|收到和办理)(?:政府信息公开|依申请公开|信息公开)?(?:申请)?(?:的)?(?:情况)?|(?:政府信息)?依申请公开(?:政府信息)?(?:工作)?(?:的)?(?:办理)?情况|政府信息公开申请(?:的)?(?:受理|办理|处理)(?:情况)?"),
        (.reviewLitigation, "(?:因)?(?:政府信息公开)?(?:工作)?(?:被申请|申请)?行政(?:法)?复议(?:、|,|和|与|及|或)?(?:被提起|提起)?(?:行政)?诉讼(?:的)?(?:情况)?"),
        (.problems, "(?:政府信息公开)?(?:工作)?(?:中)?(?:存在的?|面临的)(?:主要)?(?:问题|不足)(?:及|和|与|以及|、)?(?:其)?(?:改进|整改|下一步|明年|来年|今后|下一年度?|下年度?)(?:的)?(?:工作)?(?:情况|措施|方向|计划|打算|安排|思路)?|(?:主要)?(?:问题|不足)(?:及|和|与)(?:改进|整改|下一步|明年|来年|今后)(?:工作)?(?:情况|措施|计划|打算|思路)?"),
        (.other, "(?:其他|其它)(?:需要|需)?(?:报告|说明)的?(?:事项|情况)|需要?(?:报告|说明)的?(?:其他|其它)事项(?:与附表)?|(?:其他|其它)事项|信息处理费(?:的)?收取情况"),
    ]
    package static let sectionTitlePatterns: [(kind: SectionKind, re: NSRegularExpression)] = sectionTitleSources.map { source in
        let (kind, pattern): (SectionKind, String) = source
        // The report's year may stand before the title (`2024年政府信息公开工作总体情况`).
        return (kind, try! NSRegularExpression(pattern: "^(?:(?:(?:19|20)\\d\\d|本)年度?)?(?:" + pattern + ")"))
    }

    /// The characters each kind's titles can start with (every optional prefix and every
    /// alternative of its pattern): a window starting otherwise is not tried against the pattern.
    package static let titleFirstCharacters: [SectionKind: Set<Unicode.Scalar>] = [
        .overview: ["政", "信", "年", "工", "的", "总", "基", "概"],
        .proactive: ["行", "政", "主"],
        .applications: ["行", "收", "受", "政", "依"],
        .reviewLitigation: ["因", "政", "工", "被", "申", "行"],
        .problems: ["政", "工", "中", "存", "面", "主", "问", "不"],
        .other: ["其", "需", "信"],
    ]

    /// A word every title the patterns accept contains.
    package static let titleWords = ["总体", "基本情况", "概况", "概述", "主动公开", "收到", "受理", "依申请", "公开申请", "复议", "问题", "不足", "其他", "其它", "需要", "需报告", "信息处理费"]

    /// The section a compact title names, and how many UTF-16 units of it the title takes.
    package static func matchTitle(_ compact: String) -> (kind: SectionKind, length: Int)? {
        guard let first = compact.unicodeScalars.first else { return nil }
        let ns = compact as NSString
        var best: (SectionKind, Int)?
        for (kind, re) in sectionTitlePatterns where titleFirstCharacters[kind]!.contains(first) || first == "1" || first == "2" || first == "本" {
            guard let m = re.firstMatch(in: compact, options: .anchored, range: NSRange(location: 0, length: ns.length)), m.range.length >= 2 else { continue }
            if best == nil || m.range.length > best!.1 { best = (kind, m.range.length) }
        }
        return best
    }

    // MARK: Template detection keys (§3.1 of the domain note)

    package static let keys2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期未按收费通知要求缴纳费用"]
    package static let keys2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "第二十条第(九)项", "政府集中采购", "上一年项目数量"]

    /// Labels of table 二 (主动公开政府信息情况), both formats.
    package static let proactiveTableLabels = ["第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项", "第二十条第(九)项",
        "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额(单位:万元)", "本年新制作数量", "本年新公开数量",
        "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额", "规章", "行政规范性文件", "规范性文件",
        "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"]

    // MARK: Table 二 — 主动公开政府信息情况

    package static func proactiveItems(_ template: TemplateVersion) -> [ProactiveItemSpec] {
        template == .v2021 ? proactive2021 : proactive2019
    }

    private static let proactive2021: [ProactiveItemSpec] = [
        ProactiveItemSpec(id: "regulations", label: "规章", aliases: [], columns: ["本年制发件数", "本年废止件数", "现行有效件数"], countColumn: 0),
        ProactiveItemSpec(id: "normative", label: "行政规范性文件", aliases: ["规范性文件"], columns: ["本年制发件数", "本年废止件数", "现行有效件数"], countColumn: 0),
        ProactiveItemSpec(id: "licensing", label: "行政许可", aliases: [], columns: ["本年处理决定数量"], countColumn: 0),
        ProactiveItemSpec(id: "penalties", label: "行政处罚", aliases: [], columns: ["本年处理决定数量"], countColumn: 0),
        ProactiveItemSpec(id: "coercion", label: "行政强制", aliases: [], columns: ["本年处理决定数量"], countColumn: 0),
        ProactiveItemSpec(id: "fees", label: "行政事业性收费", aliases: [], columns: ["本年收费金额（单位：万元）"], countColumn: nil),
    ]

    private static let proactive2019: [ProactiveItemSpec] = [
        ProactiveItemSpec(id: "regulations", label: "规章", aliases: [], columns: ["本年新制作数量", "本年新公开数量", "对外公开总数量"], countColumn: 0),
        ProactiveItemSpec(id: "normative", label: "规范性文件", aliases: ["行政规范性文件"], columns: ["本年新制作数量", "本年新公开数量", "对外公开总数量"], countColumn: 0),
        ProactiveItemSpec(id: "licensing", label: "行政许可", aliases: [], columns: ["上一年项目数量", "本年增/减", "处理决定数量"], countColumn: 2),
        ProactiveItemSpec(id: "other_services", label: "其他对外管理服务事项", aliases: [], columns: ["上一年项目数量", "本年增/减", "处理决定数量"], countColumn: 2),
        ProactiveItemSpec(id: "penalties", label: "行政处罚", aliases: [], columns: ["上一年项目数量", "本年增/减", "处理决定数量"], countColumn: 2),
        ProactiveItemSpec(id: "coercion", label: "行政强制", aliases: [], columns: ["上一年项目数量", "本年增/减", "处理决定数量"], countColumn: 2),
        ProactiveItemSpec(id: "fees", label: "行政事业性收费", aliases: [], columns: ["上一年项目数量", "本年增/减"], countColumn: nil),
        ProactiveItemSpec(id: "procurement", label: "政府集中采购", aliases: [], columns: ["采购项目数量", "采购总金额"], countColumn: nil),
    ]

    // MARK: Table 三 — 收到和处理政府信息公开申请情况

    package static let applicantColumns: [ColumnSpec] = [
        ColumnSpec(id: "natural_person", label: "自然人", englishLabel: "natural persons"),
        ColumnSpec(id: "commercial", label: "商业企业", englishLabel: "commercial enterprises"),
        ColumnSpec(id: "research", label: "科研机构", englishLabel: "research institutions"),
        ColumnSpec(id: "social_welfare", label: "社会公益组织", englishLabel: "public-interest organisations"),
        ColumnSpec(id: "legal_service", label: "法律服务机构", englishLabel: "legal service organisations"),
        ColumnSpec(id: "other_org", label: "其他", englishLabel: "other organisations"),
        ColumnSpec(id: "total", label: "总计", englishLabel: "total"),
    ]

    private static func row(_ id: String, _ label: String, _ en: String, group: String? = nil,
                            extra: [String] = []) -> RowSpec {
        RowSpec(id: id, label: label, englishLabel: en, cores: [labelCore(label).core] + extra, group: group)
    }

    private static let applicationHead: [RowSpec] = [
        row("new", "一、本年新收政府信息公开申请数量", "new applications this year"),
        row("carry_in", "二、上年结转政府信息公开申请数量", "carried over from last year"),
        row("granted", "（一）予以公开", "disclosed", group: "results", extra: ["予以公开情况"]),
        row("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly disclosed", group: "results"),
        row("withheld_1", "1.属于国家秘密", "state secret", group: "withheld"),
        row("withheld_2", "2.其他法律行政法规禁止公开", "barred by other laws", group: "withheld"),
        row("withheld_3", "3.危及“三安全一稳定”", "endangers the 'three securities and one stability'", group: "withheld"),
        row("withheld_4", "4.保护第三方合法权益", "third-party rights", group: "withheld"),
        row("withheld_5", "5.属于三类内部事务信息", "internal affairs", group: "withheld"),
        row("withheld_6", "6.属于四类过程性信息", "process information", group: "withheld"),
        row("withheld_7", "7.属于行政执法案卷", "enforcement case files", group: "withheld"),
        row("withheld_8", "8.属于行政查询事项", "administrative query matters", group: "withheld"),
        row("unavailable_1", "1.本机关不掌握相关政府信息", "not held by this agency", group: "unavailable"),
        row("unavailable_2", "2.没有现成信息需要另行制作", "would have to be created", group: "unavailable"),
        row("unavailable_3", "3.补正后申请内容仍不明确", "still unclear after correction", group: "unavailable"),
        row("not_processed_1", "1.信访举报投诉类申请", "petitions and complaints", group: "not_processed"),
        row("not_processed_2", "2.重复申请", "repeated applications", group: "not_processed"),
        row("not_processed_3", "3.要求提供公开出版物", "requests for publications", group: "not_processed"),
        // 反覆 is the traditional script's 反复 (覆 is a character of its own in simplified text too).
        row("not_processed_4", "4.无正当理由大量反复申请", "mass repeated applications", group: "not_processed", extra: ["无正当理由大量反覆申请"]),
        row("not_processed_5", "5.要求行政机关确认或重新出具已获取信息", "re-issue of obtained information", group: "not_processed"),
    ]

    private static let applicationTail: [RowSpec] = [
        row("results_total", "（七）总计", "results total", extra: ["合计"]),
        row("carry_over", "四、结转下年度继续办理", "carried over to next year"),
    ]

    private static let other2021: [RowSpec] = [
        row("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "no correction in time", group: "other_processing"),
        row("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "fee not paid in time", group: "other_processing"),
        row("other_3", "3.其他", "other", group: "other_processing"),
    ]

    /// In the 2019 format （六）其他处理 is a single data row.
    private static let other2019: [RowSpec] = [
        row("other_processing", "（六）其他处理", "other handling", group: "results"),
    ]

    private static func groups(_ rows: [RowSpec]) -> [(name: String, rows: [String])] {
        var out: [(name: String, rows: [String])] = []
        for r in rows {
            guard let g = r.group else { continue }
            if let i = out.firstIndex(where: { $0.name == g }) { out[i].rows.append(r.id) } else { out.append((g, [r.id])) }
        }
        // `results`: every row that the （七）总计 row totals, in template order.
        let resultRows = rows.filter { $0.group != nil }.map(\.id)
        if let i = out.firstIndex(where: { $0.name == "results" }) { out[i].rows = resultRows } else { out.append(("results", resultRows)) }
        return out
    }

    /// Built once per format: every table read shares them instead of holding its own copy.
    private static let applicationSchema2021 = buildApplicationSchema(.v2021)
    private static let applicationSchema2019 = buildApplicationSchema(.v2019)

    public static func applicationSchema(_ template: TemplateVersion) -> TableSchema {
        template == .v2021 ? applicationSchema2021 : applicationSchema2019
    }

    private static func buildApplicationSchema(_ template: TemplateVersion) -> TableSchema {
        let rows = applicationHead + (template == .v2021 ? other2021 : other2019) + applicationTail
        return TableSchema(table: .application, rows: rows, columns: applicantColumns, groups: groups(rows))
    }

    // MARK: Table 四 — 行政复议、行政诉讼

    public static let reviewSchema = TableSchema(
        table: .reviewLitigation,
        rows: [
            RowSpec(id: "review", label: "行政复议", englishLabel: "administrative review", cores: ["行政复议"], group: nil),
            RowSpec(id: "suit_direct", label: "行政诉讼（未经复议直接起诉）", englishLabel: "litigation without prior review", cores: ["未经复议直接起诉"], group: "litigation"),
            RowSpec(id: "suit_after_review", label: "行政诉讼（复议后起诉）", englishLabel: "litigation after review", cores: ["复议后起诉"], group: "litigation"),
        ],
        columns: [
            ColumnSpec(id: "upheld", label: "结果维持", englishLabel: "upheld"),
            ColumnSpec(id: "corrected", label: "结果纠正", englishLabel: "corrected"),
            ColumnSpec(id: "other_result", label: "其他结果", englishLabel: "other result"),
            ColumnSpec(id: "pending", label: "尚未审结", englishLabel: "pending"),
            ColumnSpec(id: "total", label: "总计", englishLabel: "total"),
        ],
        groups: [("litigation", ["suit_direct", "suit_after_review"])]
    )

    public static func schema(_ table: TableName, _ template: TemplateVersion) -> TableSchema {
        switch table {
        case .application: return applicationSchema(template)
        case .reviewLitigation: return reviewSchema
        }
    }

    /// Group headers of table 三 that carry no values of their own (2021; in 2019 （六）其他处理 is a row).
    package static let applicationGroupHeaders: [String: String] = [
        "本年度办理结果": "results", "不予公开": "withheld", "无法提供": "unavailable",
        "不予处理": "not_processed", "其他处理": "other_processing",
    ]

    /// Cell texts that stand for "not applicable / not given"; never read as 0.
    package static let placeholders: Set<String> = ["/", "-", "—", "——", "–", "无", "\\", "×", "*"]

    // MARK: Label cores

    /// Splits a label cell into its leading enumerator (`（七）`, `3.`, `四、`) and its core: the
    /// label with white space, quotes, punctuation and parenthesised remarks removed, so that
    /// `（二）部分公开（区分处理的，…）` and `(二) 部分公开(区分处理的, …)` both give `部分公开`.
    public static func labelCore(_ text: String) -> (enumerator: String, core: String) {
        var s = Array(TextNormalizer.compact(text).unicodeScalars)
        var enumerator = ""
        // Leading enumerators, possibly several (`三、本年度办理结果(一)予以公开` is split as cells
        // elsewhere, but `(四)1.本机关…` happens).
        var progressed = true
        while progressed && !s.isEmpty {
            progressed = false
            if let n = enumeratorLength(s) {
                enumerator += String(String.UnicodeScalarView(s[0..<n]))
                s.removeFirst(n)
                progressed = true
            }
        }
        var core = String.UnicodeScalarView()
        var depth = 0
        for u in s {
            switch u {
            case "(", "[", "（": depth += 1
            case ")", "]", "）": depth = max(0, depth - 1)
            case "\"", "'", ",", "、", ";", ":", "。", ".", "，", "；", "：", "“", "”", "*", "#", "|":
                continue
            default:
                if depth == 0 { core.append(u) }
            }
        }
        return (enumerator, String(core))
    }

    private static let chineseDigits: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Length of a leading enumerator: `(七)`, `七、`, `7.`, `7、`, `(7)`; nil if none.
    package static func enumeratorLength(_ s: [Unicode.Scalar]) -> Int? {
        guard let first = s.first else { return nil }
        if first == "(" {
            var i = 1
            while i < s.count, chineseDigits.contains(s[i]) || ("0"..."9").contains(s[i]) { i += 1 }
            if i > 1, i < s.count, s[i] == ")" { return i + 1 }
            return nil
        }
        var i = 0
        while i < s.count, chineseDigits.contains(s[i]) || ("0"..."9").contains(s[i]) { i += 1 }
        if i > 0, i < s.count, s[i] == "、" || s[i] == "." || s[i] == "．" {
            // `1.5` is a number, not an enumerator.
            if s[i] == ".", i + 1 < s.count, ("0"..."9").contains(s[i + 1]) { return nil }
            return i + 1
        }
        return nil
    }
}
