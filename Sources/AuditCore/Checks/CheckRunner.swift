import AuditDocument
/// Runs the check a rule names on one report. Pure. Corpus-wide kinds give nil: the engine runs
/// them over all reports at once.
public enum CheckRunner {
    public static func evaluate(_ rule: RuleDefinition, on report: Report) -> CheckResult? {
        guard rule.condition.applies(to: report) else { return .notApplicable }
        guard let check = rule.kind.check as? any ReportCheck.Type else { return nil }
        var result = check.run(report, rule.parameters)
        result.observations = result.observations.map { $0.quotingSource(report) }
        return result
    }
}
