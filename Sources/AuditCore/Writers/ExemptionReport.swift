import AuditDocument
import Foundation

/// `exemptions.md`: which exemptions were applied, which had expired, which matched nothing.
public enum ExemptionReport {
    public static func markdown(_ ranked: [ReportAudit], _ set: ExemptionSet, _ run: RunInfo) -> String {
        let zh = run.language == .zh
        var used: [(ReportAudit, Finding)] = []
        for a in ranked { for f in a.findings where f.exemption != nil { used.append((a, f)) } }
        let expired = ranked.flatMap { a in a.expiredExemptions.map { (a, $0) } }
        let matched = Set(used.map { $0.1.exemption!.origin } + expired.map { $0.1.origin })
        let unmatched = set.exemptions.filter { !matched.contains($0.origin) }
        var out = zh ? "# 豁免情况\n\n- 审核日期：\(run.date)\n- 已适用：\(used.count)；已过期未适用：\(expired.count)；未匹配：\(unmatched.count)\n\n" :
                       "# Exemptions\n\n- Date: \(run.date)\n- Applied: \(used.count); expired: \(expired.count); unmatched: \(unmatched.count)\n\n"
        out += zh ? "## 已适用（不扣分）\n\n" : "## Applied (no deduction)\n\n"
        for (a, f) in used { out += "- \(a.displayName)（\(a.file)）\(f.rule)：\(f.message) — \(f.exemption!.reason)（\(f.exemption!.approvedBy)，\(zh ? "至" : "until ")\(f.exemption!.expires)）\n" }
        out += zh ? "\n## 已过期（照常扣分）\n\n" : "\n## Expired (deducted as usual)\n\n"
        for (a, e) in expired { out += "- \(a.displayName)（\(a.file)）\(e.rule)：\(zh ? "有效期至" : "expired ")\(e.expires)（\(e.origin)）\n" }
        out += zh ? "\n## 未匹配任何问题\n\n" : "\n## Matched no finding\n\n"
        for e in unmatched { out += "- \(e.file ?? e.agency ?? "") \(e.rule) \(e.fingerprint)（\(e.origin)）\n" }
        return out
    }

    /// One line per expired or unmatched exemption, for stderr.
    public static func warnings(_ ranked: [ReportAudit], _ set: ExemptionSet) -> [String] {
        let applied = Set(ranked.flatMap { $0.findings.compactMap { $0.exemption?.origin } })
        let expired = ranked.flatMap { $0.expiredExemptions }
        let expiredOrigins = Set(expired.map(\.origin))
        return expired.map { "warning: exemption \($0.origin) expired on \($0.expires); the finding is deducted" }
            + set.exemptions.filter { !applied.contains($0.origin) && !expiredOrigins.contains($0.origin) }.map { "warning: exemption \($0.origin) matches no finding (rule \($0.rule), fingerprint \($0.fingerprint))" }
    }
}
