/// What a check concluded about one report.
public struct CheckResult: Sendable {
    public var outcome: Outcome
    public var observations: [Observation]

    public static let pass = CheckResult(outcome: .pass, observations: [])
    public static let notApplicable = CheckResult(outcome: .notApplicable, observations: [])

    /// Fail if anything failed; else unverifiable if anything could not be verified; else pass.
    public static func from(_ observations: [Observation]) -> CheckResult {
        if observations.contains(where: { $0.outcome == .fail }) { return CheckResult(outcome: .fail, observations: observations) }
        if observations.contains(where: { $0.outcome == .unverifiable }) { return CheckResult(outcome: .unverifiable, observations: observations) }
        return CheckResult(outcome: .pass, observations: observations)
    }
}
