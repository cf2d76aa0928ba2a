import AuditDocument
/// Where else a passage appears.
public struct SourceRef: Sendable, Equatable {
    public var file: String
    public var line: Int
}
