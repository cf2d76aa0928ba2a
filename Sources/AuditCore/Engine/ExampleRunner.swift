/// Runs a rule on one of its examples, as the test suite and `audit explain` describe them.
/// An example of a corpus-wide rule holds several reports separated by a line `---`; the
/// expected outcome is that of the first. For `carry_over` the others are its history.
public enum ExampleRunner {
    public static let documentSeparator = "\n---\n"

    public static func run(_ rule: RuleDefinition, in set: RuleSet, example: String) -> CheckResult {
        if rule.kind.isCorpusWide {
            let parts = example.components(separatedBy: documentSeparator)
            let reports = parts.enumerated().map { ReportParser.parse(text: $0.element, source: "example-\($0.offset + 1)") }
            let only = RuleSet(name: set.name, description: "", grades: set.grades, unverifiablePoints: set.unverifiablePoints, rules: [rule], files: set.files)
            if rule.kind == .carryOver {
                var prepared = [AuditEngine.prepare(reports[0], rules: only)]
                _ = AuditEngine.runCorpusRules(&prepared, history: reports.dropFirst().map { AuditEngine.historyDocument($0, rules: only) }, rules: only)
                return prepared[0].results[0] ?? .notApplicable
            }
            var prepared = reports.map { AuditEngine.prepare($0, rules: only) }
            _ = AuditEngine.runCorpusRules(&prepared, history: [], rules: only)
            return prepared[0].results[0] ?? .notApplicable
        }
        return CheckRunner.evaluate(rule, on: ReportParser.parse(text: example, source: "example")) ?? .notApplicable
    }
}
