import AuditDocument
/// One thing a check found: a failure with evidence, or a reason it could not verify.
public struct Observation: Sendable {
    public var outcome: Outcome
    /// The message variant (`missing`, `imbalance`, …); unverifiable observations use `reason`.
    public var variant: String
    public var values: [String: Localized]
    public var line: Int?
    public var excerpt: String?
    /// What this observation costs, when the check computes it (e.g. a share of reused text);
    /// nil means the rule's `points_each` or `points`.
    public var cost: Double?
    /// Other places that hold the same evidence (the other reports of a reused passage).
    public var sources: [SourceRef] = []
    /// Every source line the evidence touches (e.g. each cell of a broken identity).
    public var relatedLines: [Int] = []

    public init(_ outcome: Outcome, variant: String, values: [String: Localized] = [:], line: Int? = nil, excerpt: String? = nil) {
        self.outcome = outcome; self.variant = variant; self.values = values; self.line = line; self.excerpt = excerpt
    }

    /// A failure of one of the check's own variants: the name cannot be mistyped.
    init<V: CheckVariant>(_ outcome: Outcome, _ variant: V, values: [String: Localized] = [:], line: Int? = nil, excerpt: String? = nil) {
        self.init(outcome, variant: variant.rawValue, values: values, line: line, excerpt: excerpt)
    }

    /// A "could not verify" observation with its reason.
    public static func unverifiable(_ reason: Localized, line: Int? = nil, excerpt: String? = nil) -> Observation {
        Observation(.unverifiable, variant: "", values: ["reason": reason], line: line, excerpt: excerpt)
    }
}
