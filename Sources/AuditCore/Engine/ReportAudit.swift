import AuditDocument
/// The audit of one input file: findings, score, grade; `rank` is set by `Ranking`.
public struct ReportAudit: Sendable {
    public var file: String
    public var agency: String?
    public var year: Int?
    public var template: TemplateVersion?
    public var publicationDate: ReportDate?
    public var status: InputStatus
    public var findings: [Finding]
    /// Each rule of the set and its outcome on this report, in rule-set order.
    public var outcomes: [(rule: String, outcome: Outcome)]
    public var score: Double
    public var grade: String
    public var rank: Int = 0
    /// Rules verified (pass or fail) out of those that apply.
    public var verifiedRules: Int
    public var applicableRules: Int
    /// The source lines, for writers that show evidence in context.
    public var lines: [String]
    /// Exemptions that matched a finding but had expired, so were not applied.
    public var expiredExemptions: [Exemption] = []

    public var errorCount: Int { findings.filter { $0.outcome == .fail && $0.exemption == nil && $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.outcome == .fail && $0.exemption == nil && $0.severity == .warning }.count }

    /// The name used in tables: the agency, else the file.
    public var displayName: String { agency ?? file }

    /// The costliest failure, for the ranking's 主要问题 column.
    public var mainProblem: String {
        let fails = findings.filter { $0.outcome == .fail && $0.exemption == nil }
        guard var best = fails.first else { return "" }
        for f in fails.dropFirst() where f.deduction > best.deduction { best = f }
        return best.message
    }
}
