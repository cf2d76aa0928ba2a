import Foundation

/// A place in a source line that may be a section heading, and how it was read.
struct HeadingCandidate: Sendable {
    var line: Int
    /// Scalar offsets in the line: where the heading starts (its numeral) and where its title ends.
    var start: Int
    var end: Int
    var kind: SectionKind
    /// The number the report wrote (`三、` is 3, `5、` is 5); a bare title's is its kind's.
    var order: Int
    var numbering: HeadingNumbering
    /// The heading is a short line of its own (not found inside a longer line).
    var wholeLine: Bool
    /// The title is the official wording.
    var official: Bool
    /// A sub-item such as `（一）…存在问题的改进情况`; stands in only for a section without a heading.
    var subItem: Bool
    var text: String
    /// A sub-item whose parenthesised numeral is its section's (`（三）收到和处理…`): with four or
    /// more in order, and no better chain, they are the report's own numbering of its parts.
    var parenNumbered = false
}
