import AuditDocument
/// Orders audits for the ranking: by score, ties sharing a rank (1, 2, 2, 4), then by name and
/// file so the order never depends on input order or timing.
public enum Ranking {
    public static func rank(_ audits: [ReportAudit]) -> [ReportAudit] {
        var sorted = audits.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.displayName != b.displayName { return a.displayName.unicodeScalars.lexicographicallyPrecedes(b.displayName.unicodeScalars) }
            return a.file.unicodeScalars.lexicographicallyPrecedes(b.file.unicodeScalars)
        }
        for i in sorted.indices {
            sorted[i].rank = (i > 0 && sorted[i].score == sorted[i - 1].score) ? sorted[i - 1].rank : i + 1
        }
        return sorted
    }
}
