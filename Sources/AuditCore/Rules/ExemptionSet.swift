import AuditDocument
import Foundation
import Yams

/// The exemptions in force for a run, and which of them were used.
public struct ExemptionSet: Sendable {
    public var exemptions: [Exemption]
    /// The run's date, to tell expired exemptions.
    public var today: String

    public init(exemptions: [Exemption], today: String) { self.exemptions = exemptions; self.today = today }

    /// Compared as days, not as text (`2026-1-5` is after `2025-12-31`).
    public func isExpired(_ e: Exemption) -> Bool {
        guard let expires = CalendarDay(e.expires), let now = CalendarDay(today) else { return e.expires < today }
        return expires < now
    }

    static let keys = ["file", "agency", "rule", "fingerprint", "reason", "approved_by", "expires"]

    /// Parses an exemptions file; every problem is reported with file, line and column.
    /// With `ruleIDs`, a rule an exemption names must be one of them (or a note of the run's own,
    /// `input.…`), so a mistyped id is an error, not an exemption that silently never applies.
    public static func load(_ file: RuleFileText, today: String, ruleIDs: Set<String>? = nil) throws -> ExemptionSet {
        var issues: [RuleFileIssue] = []
        var out: [Exemption] = []
        do {
            guard let root = try Yams.compose(yaml: file.text) else { return ExemptionSet(exemptions: [], today: today) }
            let top = YAMLValue(node: root, file: file.path)
            guard let list = top.entries?.first(where: { $0.key == "exemptions" })?.value.items else {
                throw AuditError.exemptions([top.issue("an exemptions file is a mapping with a list 'exemptions:'")])
            }
            for item in list {
                guard let e = item.entries else { issues.append(item.issue("each exemption is a mapping")); continue }
                var v: [String: String] = [:]
                var nodes: [String: YAMLValue] = [:]
                for (k, kn, value) in e {
                    guard keys.contains(k) else { issues.append(kn.issue(Suggest.unknownKey(k, known: keys, in: "an exemption"))); continue }
                    v[k] = value.string; nodes[k] = value
                }
                if let rule = v["rule"], !rule.isEmpty, let ids = ruleIDs, !ids.contains(rule), !rule.hasPrefix("input."), !rule.hasPrefix("output.") {
                    issues.append((nodes["rule"] ?? item).issue("the rule set has no rule '\(rule)'" + (Suggest.closest(rule, in: ids.sorted()).map { "; did you mean '\($0)'?" } ?? "")))
                }
                for k in ["rule", "fingerprint", "reason", "approved_by", "expires"] where (v[k] ?? "").isEmpty {
                    issues.append(item.issue("an exemption needs '\(k)'"))
                }
                if v["file"] == nil && v["agency"] == nil { issues.append(item.issue("an exemption needs 'file' or 'agency'")) }
                if let d = v["expires"] {
                    if let day = CalendarDay(d) { v["expires"] = day.description }
                    else { issues.append((nodes["expires"] ?? item).issue("'expires' must be a real date YYYY-MM-DD, not '\(d)'")) }
                }
                out.append(Exemption(file: v["file"], agency: v["agency"], rule: v["rule"] ?? "", fingerprint: v["fingerprint"] ?? "",
                                     reason: v["reason"] ?? "", approvedBy: v["approved_by"] ?? "", expires: v["expires"] ?? "",
                                     origin: "\(file.path):\(item.line ?? 0)"))
            }
        } catch let e as YamlError {
            issues.append(RuleSetLoader.yamlIssue(e, file: file.path))
        }
        if !issues.isEmpty { throw AuditError.exemptions(issues) }
        return ExemptionSet(exemptions: out, today: today)
    }
}
