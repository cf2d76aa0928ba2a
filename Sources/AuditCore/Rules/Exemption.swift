import AuditDocument
import Foundation
import Yams

/// A reviewed exception: this finding of this report is accepted, for a written reason, by a
/// named person, until a date. Reports are published documents, so this file is the only place
/// an exception can be recorded.
public struct Exemption: Sendable, Equatable {
    public var file: String?
    public var agency: String?
    public var rule: String
    public var fingerprint: String
    public var reason: String
    public var approvedBy: String
    /// YYYY-MM-DD; the exemption applies up to and including this day.
    public var expires: String
    /// `file:line` in the exemptions file.
    public var origin: String

    func matches(_ audit: (file: String, agency: String?), rule: String, fingerprint: String) -> Bool {
        guard self.rule == rule, self.fingerprint == fingerprint else { return false }
        if let f = file { return f == audit.file || audit.file.hasSuffix("/" + f) }
        if let a = agency { return AgencyName.key(a) == AgencyName.key(audit.agency) }
        return false
    }
}
