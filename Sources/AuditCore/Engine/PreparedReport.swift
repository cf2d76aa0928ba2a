import AuditDocument
/// A report with its per-report rules evaluated, waiting for the corpus-wide ones.
public struct PreparedReport: Sendable {
    /// The whole report, until its text is released (`releaseText`).
    public private(set) var report: Report?
    /// What scoring and the corpus-wide rules read of the report, text or no text.
    public private(set) var released: ReleasedReport
    /// One entry per rule of the set; nil until a corpus-wide rule has run.
    public var results: [CheckResult?]
    /// The narrative prepared for reuse detection, when the set has a reuse rule.
    public var narrative: NarrativeDocument?
    /// What reuse detection needs of every report; the narrative is optional beside it.
    public var sketch: NarrativeSketch?
    /// Why the file is not audited as a report (decided on its full text, before release).
    public var notReport: Localized? = nil

    init(report: Report, rules: RuleSet, results: [CheckResult?], narrative: NarrativeDocument?, notReport: Localized?) {
        self.report = report
        released = ReleasedReport(report, keepingRows: Self.rowsKept(rules))
        self.results = results
        self.narrative = narrative
        sketch = narrative.map(NarrativeSketch.init)
        self.notReport = notReport
    }

    /// The table rows the corpus-wide rules of the set read.
    static func rowsKept(_ rules: RuleSet) -> Set<String> {
        rules.rules.reduce(into: Set<String>()) { rows, rule in
            if let check = rule.kind.check as? any CorpusCheck.Type { rows.formUnion(check.rowsKept) }
        }
    }

    /// Drops the text and the narrative, keeping `released`: a large run keeps tens of thousands
    /// of these, and gets the text back by reading the file again for reuse verification
    /// (`AuditEngine.narrativeDocument(_:lines:rules:)`) and the report's page.
    /// `keepNarrative`: the run has memory to spare for this report's narrative, so that reuse
    /// verification need not rebuild it (the result is the same either way).
    public mutating func releaseText(keepNarrative: Bool = false) {
        report = nil
        if !keepNarrative { narrative = nil }
    }

    /// Not part of the reuse comparison (a duplicate file).
    public mutating func excludeFromReuse() { narrative = nil; sketch = nil }
}
