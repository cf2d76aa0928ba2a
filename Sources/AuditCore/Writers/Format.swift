import Foundation

/// Shared text formatting for the writers; deterministic (no locale, no time zone).
public enum Format {
    /// `98`, `97.5`, `97.25`: at most two decimals, no trailing zeros.
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
