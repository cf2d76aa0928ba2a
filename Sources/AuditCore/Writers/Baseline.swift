import Foundation

/// An earlier run's results (its audit.jsonl), to show each agency's change since then.
public struct Baseline: Sendable {
    public struct Entry: Sendable { public var agency: String; public var file: String; public var score: Double; public var rank: Int }
    public var source: String
    /// Keyed by the folded agency name (or the file name when there is no agency).
    public var entries: [String: Entry]

    static func key(agency: String?, file: String) -> String {
        NarrativeDocument.agencyKey(agency) ?? ("file:" + (file as NSString).lastPathComponent)
    }

    /// Parses audit.jsonl; a line that is not an audit object is an error naming the line.
    public static func parse(_ text: String, source: String) throws -> Baseline {
        var entries: [String: Entry] = [:]
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = obj["file"] as? String, let score = (obj["score"] as? NSNumber)?.doubleValue, let rank = (obj["rank"] as? NSNumber)?.intValue else {
                throw RuleSetLoadError(issues: [RuleFileIssue(file: source, line: i + 1, column: nil, message: "not an audit.jsonl line (needs file, score, rank); give the audit.jsonl of an earlier run")])
            }
            let agency = obj["agency"] as? String
            entries[key(agency: agency, file: file)] = Entry(agency: agency ?? file, file: file, score: score, rank: rank)
        }
        return Baseline(source: source, entries: entries)
    }

    public func entry(for a: ReportAudit) -> Entry? { entries[Baseline.key(agency: a.agency, file: a.file)] }

    /// Agencies of this run that the baseline does not have, and the baseline's that are gone.
    public func differences(_ ranked: [ReportAudit]) -> (new: [ReportAudit], missing: [Entry]) {
        let current = Set(ranked.map { Baseline.key(agency: $0.agency, file: $0.file) })
        let new = ranked.filter { entries[Baseline.key(agency: $0.agency, file: $0.file)] == nil }
        let missing = entries.filter { !current.contains($0.key) }.map(\.value).sorted { $0.agency.unicodeScalars.lexicographicallyPrecedes($1.agency.unicodeScalars) }
        return (new, missing)
    }

    /// `+3`, `-2.5`, `0`.
    static func signed(_ x: Double) -> String { x > 0 ? "+" + Format.number(x) : Format.number(x) }
    /// A rank change as places gained: `↑2`, `↓1`, `—`.
    static func rankChange(_ old: Int, _ new: Int) -> String { new < old ? "↑\(old - new)" : new > old ? "↓\(new - old)" : "—" }
}

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
