import AuditDocument
/// The outcome of one observation a check makes.
public enum Outcome: String, Sendable {
    case pass, fail, unverifiable
    /// The rule does not apply to this report (its condition, or e.g. the fee rule on a 2019 report).
    case notApplicable = "not_applicable"
}
