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
        scoring += "; \(Format.number(min(r.points, r.unverifiablePoints ?? set.unverifiablePoints))) when it cannot be verified"
        out.append("  scoring:    \(scoring)")
        out.append("  applies:    \(r.condition.summary)")
        out.append("  basis:      \(r.basis)")
        out.append("  parameters: \(describe(r.parameters))")
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

    static func describe(_ p: RuleParameters) -> String {
        switch p {
        case .requiredSections(let x): return "numbering: \(x.strictNumbering ? "strict" : "lenient")"
        case .statisticsPeriod(let x): return "location: \(x.requireAtTop ? "top" : "anywhere")"
        case .feeDisclosure(let x): return "require: \(x.requireCountAndAmount ? "count_and_amount" : "statement")"
        case .narrativeReuse(let x):
            return "min_length: \(x.settings.minLength), min_similarity: \(x.settings.minSimilarity), points_per_percent: \(Format.number(x.pointsPerPercent)), template_file: \(x.templateFile), compare_history: \(x.compareHistory)"
        case .narrativeNumbers: return "the figures of applications, results, carry-overs, reviews and lawsuits stated in the narrative"
        case .reportDate(let x):
            return "deadlines: " + AgencyLevel.allCases.map { l in "\(l.rawValue) " + (x.deadlines[l].map { String(format: "%02d-%02d", $0.month, $0.day) } ?? "not checked") }.joined(separator: ", ")
        case .problemsSubstance(let x): return "min_length: \(x.minLength)"
        case .pattern(let x):
            return "section: \(x.section.map { $0.numeral } ?? "any"), require: \(x.required.map(\.source)), forbid: \(x.forbidden.map(\.source)), min_count: \(x.minCount)"
        case .carryOver: return "compares with the same agency's report of the previous year, when --history gives it"
        case .staleYears: return "years 1–5 before the report year, outside citations, document numbers and comparisons"
        case .tableBalance(let x):
            return x.identities.map { "\n    \($0.id) [\($0.table.rawValue), each \($0.each.rawValue)]: \($0.sum.joined(separator: " + ")) = \($0.equals.joined(separator: " + "))" }.joined()
        }
    }
}
