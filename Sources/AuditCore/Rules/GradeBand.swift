import AuditDocument
/// A grade band: a report with at least `minimum` points gets `name`.
public struct GradeBand: Sendable, Equatable {
    public var name: String
    public var minimum: Double
}
