import AuditDocument
import Yams

/// The text of a rule file and the name to cite it by.
public struct RuleFileText: Sendable {
    public var path: String
    public var text: String
    /// Why the file could not be used (a folder, not text), reported against whoever names it.
    public var unreadable: String?
    public init(path: String, text: String, unreadable: String? = nil) { self.path = path; self.text = text; self.unreadable = unreadable }
}
