import AuditDocument
/// A message variant a check kind can report, and the placeholders it fills.
public struct VariantSpec: Sendable {
    public var name: String
    public var placeholders: [String]
}
