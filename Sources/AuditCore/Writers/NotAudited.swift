import AuditDocument
/// A file or folder among the inputs that was deliberately not audited, and why.
public struct NotAudited: Sendable, Equatable {
    public var path: String
    public var reason: Localized
    public init(path: String, reason: Localized) { self.path = path; self.reason = reason }
}
