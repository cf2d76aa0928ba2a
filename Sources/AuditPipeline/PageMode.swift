import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which reports get a page of their own in `reports/`.
public enum PageMode: String, CaseIterable, Sendable {
    case all, findings, none

    /// Beyond this many reports, the default is `findings`: a page per report costs more than
    /// auditing it, and tens of thousands of pages are not read one by one.
    public static let automaticLimit = 5_000

    func wants(_ a: ReportAudit) -> Bool {
        switch self {
        case .all: return true
        case .findings: return !a.findings.isEmpty
        case .none: return false
        }
    }
}
