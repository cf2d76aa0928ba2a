import AuditDocument
/// `audit.jsonl`: one JSON object per report, in rank order. Other tools read this file: the
/// field names are a contract.
public enum AuditJSONL {
    public static func render(_ ranked: [ReportAudit], _ run: RunInfo) -> String {
        var out = ""
        for a in ranked { out += JSON.encode(object(a, run)) + "\n" }
        return out
    }

    static func object(_ a: ReportAudit, _ run: RunInfo) -> JSON.Value {
        let status: String
        switch a.status {
        case .parsed: status = "parsed"
        case .notReport: status = "not_a_report"
        case .unreadable: status = "unreadable"
        }
        return .object([
            ("file", .string(a.file)),
            ("agency", JSON.optional(a.agency)),
            ("year", JSON.optional(a.year)),
            ("template", JSON.optional(a.template?.rawValue)),
            ("score", .number(a.score)),
            ("grade", .string(a.grade)),
            ("rank", .int(a.rank)),
            ("status", .string(status)),
            ("rule_set", .string(run.ruleSet.name)),
            ("publication_date", JSON.optional(a.publicationDate?.iso)),
            ("coverage", .object([("verified", .int(a.verifiedRules)), ("applicable", .int(a.applicableRules))])),
            ("baseline", run.baseline.flatMap { $0.entry(for: a) }.map { e in
                .object([("score", .number(e.score)), ("rank", .int(e.rank)), ("score_change", .number(a.score - e.score)), ("rank_change", .int(e.rank - a.rank))])
            } ?? .null),
            ("outcomes", .object(a.outcomes.map { ($0.rule, .string($0.outcome.rawValue)) })),
            ("findings", .array(a.findings.map { f in
                .object([
                    ("rule", .string(f.rule)),
                    ("severity", .string(f.severity.rawValue)),
                    ("outcome", .string(f.outcome.rawValue)),
                    ("message", .string(f.message)),
                    ("line", JSON.optional(f.line)),
                    ("section", JSON.optional(f.section?.rawValue)),
                    ("excerpt", JSON.optional(f.excerpt)),
                    ("deduction", .number(f.deduction)),
                    ("sources", .array(f.sources.map { .object([("file", .string($0.file)), ("line", .int($0.line))]) })),
                    ("fingerprint", .string(f.fingerprint)),
                    ("exempted", f.exemption.map { e in .object([("reason", .string(e.reason)), ("approved_by", .string(e.approvedBy)), ("expires", .string(e.expires))]) } ?? .null),
                ])
            })),
        ])
    }
}
