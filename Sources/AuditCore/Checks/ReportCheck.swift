import AuditDocument
/// A check that judges one report on its own; it runs in parallel, report by report.
protocol ReportCheck: Check {
    static func evaluate(_ report: Report, _ parameters: Parameters) -> CheckResult
}

extension ReportCheck {
    static func run(_ report: Report, _ p: RuleParameters) -> CheckResult { evaluate(report, typed(p)) }
}
