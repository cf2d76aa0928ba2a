import AuditCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A mistake in how the command was called, said in a full sentence with what to do.
public struct UsageError: Error {
    public var message: String
    public init(message: String) { self.message = message }
}
