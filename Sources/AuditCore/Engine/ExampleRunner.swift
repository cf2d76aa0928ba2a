import AuditDocument
/// Runs a rule on one of its examples, as the test suite and `audit explain` describe them.
/// An example of a corpus-wide rule holds several reports separated by a line `---`; the
/// expected outcome is that of the first. For `carry_over` the others are its history.
public enum ExampleRunner {
    public static let documentSeparator = "\n---\n"

    public static func run(_ rule: RuleDefinition, in set: RuleSet, example: String) -> CheckResult {
        if let check = rule.kind.check as? any CorpusCheck.Type {
            let parts = example.components(separatedBy: documentSeparator)
            let reports = parts.enumerated().map { ReportParser.parse(text: $0.element, source: "example-\($0.offset + 1)") }
            let only = RuleSet(name: set.name, description: "", grades: set.grades, unverifiablePoints: set.unverifiablePoints, rules: [rule], files: set.files)
            // The other documents are earlier years' reports, or peers in the same run.
            let history = check.examplesCompareWithHistory ? reports.dropFirst().map { AuditEngine.historyDocument($0, rules: only) } : []
            var prepared = (check.examplesCompareWithHistory ? [reports[0]] : reports).map { AuditEngine.prepare($0, rules: only) }
            _ = AuditEngine.runCorpusRules(&prepared, history: history, rules: only)
            return prepared[0].results[0] ?? .notApplicable
        }
        return CheckRunner.evaluate(rule, on: ReportParser.parse(text: example, source: "example")) ?? .notApplicable
    }
}
