import AuditDocument
/// What happened to an input file before any rule ran.
public enum InputStatus: Sendable, Equatable {
    case parsed
    /// Read, but nothing in it looks like an annual report.
    case notReport
    /// Could not be read or decoded; the reason says why and what to do.
    case unreadable(Localized)
}
