import AuditDocument
/// A loaded, validated rule set with its inheritance resolved.
public struct RuleSet: Sendable {
    public var name: String
    public var description: String
    public var grades: [GradeBand]
    /// Default deduction for a rule that applies but cannot be verified.
    public var unverifiablePoints: Double
    public var rules: [RuleDefinition]
    /// The files read, the set itself last.
    public var files: [String]

    public func rule(_ id: String) -> RuleDefinition? { rules.first { $0.id == id } }

    public func grade(for score: Double) -> String {
        for band in grades.sorted(by: { $0.minimum > $1.minimum }) where score >= band.minimum { return band.name }
        return grades.min(by: { $0.minimum < $1.minimum })?.name ?? ""
    }
}
