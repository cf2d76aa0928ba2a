import AuditDocument
/// What the writers say about the run itself. The date is a day, supplied by the frontend (or
/// pinned), so that two runs on the same inputs give byte-identical files.
public struct RunInfo: Sendable {
    public var ruleSet: RuleSet
    public var date: String
    public var language: Language
    /// An earlier run to compare with (`--baseline`).
    public var baseline: Baseline?
    /// Files and folders found among the inputs but not audited (office clutter, earlier runs'
    /// outputs), listed so that nothing found goes unmentioned.
    public var notAudited: [NotAudited] = []
    public init(ruleSet: RuleSet, date: String, language: Language, baseline: Baseline? = nil) {
        self.ruleSet = ruleSet; self.date = date; self.language = language; self.baseline = baseline
    }
}
