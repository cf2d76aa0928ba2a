import Foundation
import Yams

/// A reviewed exception: this finding of this report is accepted, for a written reason, by a
/// named person, until a date. Reports are published documents, so this file is the only place
/// an exception can be recorded.
public struct Exemption: Sendable, Equatable {
    public var file: String?
    public var agency: String?
    public var rule: String
    public var fingerprint: String
    public var reason: String
    public var approvedBy: String
    /// YYYY-MM-DD; the exemption applies up to and including this day.
    public var expires: String
    /// `file:line` in the exemptions file.
    public var origin: String

    func matches(_ audit: (file: String, agency: String?), rule: String, fingerprint: String) -> Bool {
        guard self.rule == rule, self.fingerprint == fingerprint else { return false }
        if let f = file { return f == audit.file || audit.file.hasSuffix("/" + f) }
        if let a = agency { return NarrativeDocument.agencyKey(a) == NarrativeDocument.agencyKey(audit.agency) }
        return false
    }
}

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
    public static func load(_ file: RuleFileText, today: String) throws -> ExemptionSet {
        var issues: [RuleFileIssue] = []
        var out: [Exemption] = []
        do {
            guard let root = try Yams.compose(yaml: file.text) else { return ExemptionSet(exemptions: [], today: today) }
            let top = YAMLValue(node: root, file: file.path)
            guard let list = top.entries?.first(where: { $0.key == "exemptions" })?.value.items else {
                throw RuleSetLoadError(issues: [top.issue("an exemptions file is a mapping with a list 'exemptions:'")])
            }
            for item in list {
                guard let e = item.entries else { issues.append(item.issue("each exemption is a mapping")); continue }
                var v: [String: String] = [:]
                for (k, kn, value) in e {
                    guard keys.contains(k) else { issues.append(kn.issue(Suggest.unknownKey(k, known: keys, in: "an exemption"))); continue }
                    v[k] = value.string
                }
                for k in ["rule", "fingerprint", "reason", "approved_by", "expires"] where (v[k] ?? "").isEmpty {
                    issues.append(item.issue("an exemption needs '\(k)'"))
                }
                if v["file"] == nil && v["agency"] == nil { issues.append(item.issue("an exemption needs 'file' or 'agency'")) }
                if let d = v["expires"] {
                    if let day = CalendarDay(d) { v["expires"] = day.description }
                    else { issues.append(item.issue("'expires' must be a real date YYYY-MM-DD, not '\(d)'")) }
                }
                out.append(Exemption(file: v["file"], agency: v["agency"], rule: v["rule"] ?? "", fingerprint: v["fingerprint"] ?? "",
                                     reason: v["reason"] ?? "", approvedBy: v["approved_by"] ?? "", expires: v["expires"] ?? "",
                                     origin: "\(file.path):\(item.line ?? 0)"))
            }
        } catch let e as YamlError {
            issues.append(RuleSetLoader.yamlIssue(e, file: file.path))
        }
        if !issues.isEmpty { throw RuleSetLoadError(issues: issues) }
        return ExemptionSet(exemptions: out, today: today)
    }
}

/// 64-bit FNV-1a: a stable hash (Swift's `Hasher` is seeded per process) for fingerprints.
public enum FNV1a {
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// The same over a file's bytes, through a raw buffer (iterating `Data` itself goes
    /// through a slow generic iterator per byte).
    public static func hash(_ data: Data) -> UInt64 { data.withUnsafeBytes { hash($0) } }
}

/// A finding's identity for exemptions: the rule, the kind of finding and its evidence, not the
/// line (which moves when text is edited) nor the language of the message.
enum FindingFingerprint {
    static func of(rule: String, _ o: Observation) -> String {
        var text = rule + "|" + o.variant + "|" + TextNormalizer.compact(o.excerpt ?? "")
        for (k, v) in o.values.sorted(by: { $0.key < $1.key }) where k != "reason" { text += "|\(k)=\(TextNormalizer.compact(v.zh))" }
        let hex = String(FNV1a.hash(text.utf8), radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }
}
