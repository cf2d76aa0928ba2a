import AuditDocument
/// The text of `audit explain RULE`: purpose, basis, scoring, condition, parameters and examples.
public enum RuleExplanation {
    public static func render(_ r: RuleDefinition, in set: RuleSet, language: Language) -> String {
        var out: [String] = []
        out.append("\(r.id) — \(r.title.text(language))")
        out.append("  rule set:   \(set.name) (defined at \(r.origin))")
        out.append("  kind:       \(r.kind.rawValue)")
        out.append("  severity:   \(r.severity.rawValue)")
        var scoring = "at most \(Format.number(r.points)) points"
        if let each = r.pointsEach { scoring += ", \(Format.number(each)) per finding" }
        scoring += "; \(Format.number(r.unverifiableCost(in: set))) when it cannot be verified"
        out.append("  scoring:    \(scoring)")
        out.append("  applies:    \(r.condition.summary)")
        out.append("  basis:      \(r.basis)")
        out.append("  parameters: \(r.kind.describe(r.parameters))")
        out.append("  messages:")
        for name in r.messages.keys.sorted() {
            let m = r.messages[name]!
            out.append("    \(name): \(language == .en ? m.en : m.zh)")
        }
        for (label, list) in [("passes", r.examples.pass), ("fails", r.examples.fail), ("cannot be verified", r.examples.unverifiable)] where !list.isEmpty {
            for (i, ex) in list.enumerated() {
                out.append("  example \(i + 1) that \(label):")
                for line in ex.split(separator: "\n", omittingEmptySubsequences: false).dropLast(ex.hasSuffix("\n") ? 1 : 0) {
                    out.append("    │ \(line)")
                }
            }
        }
        return out.joined(separator: "\n")
    }
}
