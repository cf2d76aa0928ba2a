import AuditDocument
import Foundation

/// Shared text formatting for the writers; deterministic (no locale, no time zone).
public enum Format {
    /// `98`, `97.5`, `97.25`: at most two decimals, no trailing zeros.
    /// How many reports were audited, and how many other files (unreadable, or no report) the
    /// ranking lists besides: they are no agency's report.
    static func reportCount(_ ranked: [ReportAudit], zh: Bool) -> String {
        let parsed = ranked.filter { $0.status == .parsed }.count, others = ranked.count - parsed
        guard others > 0 else { return "\(parsed)" }
        return zh ? "\(parsed)（另有\(others)个文件无法读取或不是年度报告）" : "\(parsed) (and \(others) files that could not be read or are no annual report)"
    }

    static func number(_ x: Double) -> String {
        let cents = Int64((x * 100).rounded())
        let whole = cents / 100, frac = abs(cents % 100)
        let sign = cents < 0 && whole == 0 ? "-" : ""
        if frac == 0 { return "\(sign)\(whole)" }
        if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func coverage(_ a: ReportAudit) -> String { "\(a.verifiedRules)/\(a.applicableRules)" }

    /// Shortens a quotation for a table cell.
    static func clip(_ s: String, _ n: Int) -> String {
        let t = s.replacingIfPresent("\n", with: " ").replacingIfPresent("\t", with: " ")
        return t.count <= n ? t : String(t.prefix(n)) + "…"
    }

    static func severityName(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.error, .zh): return "错误"
        case (.warning, .zh): return "警告"
        case (.info, .zh): return "提示"
        default: return s.rawValue
        }
    }

    static func outcomeName(_ o: Outcome, _ lang: Language) -> String {
        switch (o, lang) {
        case (.fail, .zh): return "不通过"
        case (.unverifiable, .zh): return "无法核验"
        case (.pass, .zh): return "通过"
        case (.notApplicable, .zh): return "不适用"
        default: return o.rawValue.replacingIfPresent("_", with: " ")
        }
    }
}

extension Format {
    /// A score as shown to people and in CSV.
    public static func score(_ x: Double) -> String { number(x) }
}

extension Format {
    /// Titles of the findings the pipeline itself makes (not rules of a rule file).
    static let pipelineRuleTitles: [String: Localized] = [
        "input.report": Localized(zh: "文件是政府信息公开工作年度报告", en: "The file is an annual report"),
        "input.readable": Localized(zh: "文件能够读取", en: "The file can be read"),
        "input.duplicate": Localized(zh: "同一报告未重复提交", en: "The same report is not submitted twice"),
        "output.page": Localized(zh: "审核页面已写出", en: "The audit page was written"),
        "input.ocr": Localized(zh: "扫描件经 OCR 识别", en: "A scan read by OCR"),
        "input.script": Localized(zh: "繁体字报告转换为简体审核", en: "A report in traditional characters, read converted"),
    ]

    /// The title of a rule in the run's language, the way an official names it; the id when the
    /// rule is unknown (never empty).
    static func ruleTitle(_ id: String, _ run: RunInfo) -> String {
        if let rule = run.ruleSet.rules.first(where: { $0.id == id }) { return rule.title.text(run.language) }
        return pipelineRuleTitles[id]?.text(run.language) ?? id
    }

    /// The heading under which a finding is shown on a report's page: its part of the report,
    /// or the report as a whole.
    static func sectionHeading(_ kind: SectionKind?, _ lang: Language) -> String {
        guard let kind else { return lang == .zh ? "全文及其他" : "Whole report and other" }
        return lang == .zh ? "第\(kind.numeral)部分 \(kind.officialTitle)" : "Section \(kind.rawValue): \(kind.englishTitle)"
    }

    /// Findings in page order: grouped by part of the report (一 … 六, then the whole report),
    /// in their order within a part, numbered 1… down the page.
    static func bySection(_ findings: [Finding]) -> [(section: SectionKind?, items: [(number: Int, finding: Finding)])] {
        var groups: [SectionKind?: [Finding]] = [:]
        for f in findings { groups[f.section, default: []].append(f) }
        let order: [SectionKind?] = SectionKind.allCases.map { Optional($0) } + [nil]
        var number = 0
        return order.compactMap { k in
            groups[k].map { fs in (k, fs.map { number += 1; return (number: number, finding: $0) }) }
        }
    }
}
