import Foundation

/// A place in a source line that may be a section heading, and how it was read.
package struct HeadingCandidate: Sendable {
    package var line: Int
    /// Scalar offsets in the line: where the heading starts (its numeral) and where its title ends.
    package var start: Int
    package var end: Int
    package var kind: SectionKind
    /// The number the report wrote (`三、` is 3, `5、` is 5); a bare title's is its kind's.
    package var order: Int
    package var numbering: HeadingNumbering
    /// The heading is a short line of its own (not found inside a longer line).
    package var wholeLine: Bool
    /// The title is the official wording.
    package var official: Bool
    /// A sub-item such as `（一）…存在问题的改进情况`; stands in only for a section without a heading.
    package var subItem: Bool
    package var text: String
    /// A sub-item whose parenthesised numeral is its section's (`（三）收到和处理…`): with four or
    /// more in order, and no better chain, they are the report's own numbering of its parts.
    package var parenNumbered = false
}
