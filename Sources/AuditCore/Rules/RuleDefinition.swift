import AuditDocument
/// A rule instance as written in a rule file: which check, how severe, how many points, with
/// which parameters and messages.
public struct RuleDefinition: Sendable {
    public var id: String
    public var kind: CheckKind
    public var severity: Severity
    /// The most this rule can deduct from a report.
    public var points: Double
    /// Deduction per failing finding (e.g. per missing section); nil means the full `points`.
    public var pointsEach: Double?
    /// Deduction when the rule cannot be verified; nil means the rule set's default.
    public var unverifiablePoints: Double?
    public var parameters: RuleParameters
    public var messages: [String: MessageVariant]
    public var title: Localized
    public var basis: String
    public var condition: RuleCondition
    public var examples: RuleExamples
    /// Where the rule was (last) defined: `file:line`.
    public var origin: String

    /// What the rule costs when it applies but cannot be verified: the rule's (or the set's)
    /// unverifiable points, never more than the rule's own points.
    public func unverifiableCost(in set: RuleSet) -> Double { min(points, unverifiablePoints ?? set.unverifiablePoints) }
}
