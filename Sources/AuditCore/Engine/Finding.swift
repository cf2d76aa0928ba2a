import AuditDocument
/// One finding against one report, with its evidence and what it cost.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var severity: Severity
    /// `.fail` or `.unverifiable`.
    public var outcome: Outcome
    public var message: String
    public var line: Int?
    /// The section of the report the line is in, when one section holds it (a flattened page's
    /// line holding several sections gives none).
    public var section: SectionKind?
    public var excerpt: String?
    public var deduction: Double
    /// Other places holding the same evidence (for reuse: the other reports and lines).
    public var sources: [SourceRef] = []
    /// Every source line the evidence touches; at least `line` when there is one.
    public var relatedLines: [Int] = []
    /// Stable identity of the finding, for exemptions (not the line, not the language).
    public var fingerprint: String = ""
    /// The reviewed exemption that waives this finding's deduction, if any.
    public var exemption: Exemption?
}
