import AuditDocument
import Foundation
import Yams

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
