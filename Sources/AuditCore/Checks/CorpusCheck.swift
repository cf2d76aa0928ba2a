import AuditDocument
/// A check that compares reports with each other or with earlier years' reports: it runs once
/// every report is prepared, and stores its result in each prepared report.
protocol CorpusCheck: Check {
    static func evaluate(_ prepared: inout [PreparedReport], rule: RuleDefinition, at ruleIndex: Int, _ parameters: Parameters,
                         context: CorpusContext) -> [ReuseCluster]
    /// Rows of table 三 the check reads after a report's text is released (the rest are dropped).
    static var rowsKept: Set<String> { get }
    /// In a rule's examples, the documents after the first are earlier years' reports (not peers).
    static var examplesCompareWithHistory: Bool { get }
}

extension CorpusCheck {
    static func run(_ prepared: inout [PreparedReport], rule: RuleDefinition, at ruleIndex: Int, context: CorpusContext) -> [ReuseCluster] {
        evaluate(&prepared, rule: rule, at: ruleIndex, typed(rule.parameters), context: context)
    }
}
