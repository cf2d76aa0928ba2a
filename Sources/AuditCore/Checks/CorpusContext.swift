import AuditDocument
/// What a corpus-wide check gets besides the prepared reports.
struct CorpusContext {
    /// Earlier years' reports (`--history`).
    var history: [HistoryReport]
    /// Rebuilds the narrative of prepared report `i`, whose text was released.
    var reload: (Int, ReleasedReport) -> NarrativeDocument?
}
