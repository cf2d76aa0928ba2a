import AuditDocument
/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable {
    case error, warning, info
}
