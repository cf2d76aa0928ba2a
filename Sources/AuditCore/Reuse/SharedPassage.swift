import AuditDocument
import Foundation

/// A passage shared by two documents: a span in each, and how alike they are.
public struct SharedPassage: Sendable {
    public var a: Int, b: Int
    public var aStart: Int, aEnd: Int, bStart: Int, bEnd: Int
    /// Matching characters that are not template wording.
    public var matched: Int
    public var similarity: Double
}
