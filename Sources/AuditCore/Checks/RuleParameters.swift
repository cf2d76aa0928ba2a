import AuditDocument
/// A rule's parameters, as read by its check kind.
public struct RuleParameters: Sendable {
    public let kind: CheckKind
    let value: any Sendable

    /// The parameters as `type` (e.g. `NarrativeReuseCheck.Parameters.self`), when the rule is of that kind.
    public func of<P>(_ type: P.Type) -> P? { value as? P }
}
