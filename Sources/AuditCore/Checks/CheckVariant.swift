import AuditDocument
/// A check's message variants: the names a rule file's `message:` uses, each with the
/// placeholders the check fills in.
protocol CheckVariant: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    var placeholders: [String] { get }
}
