import Foundation

/// A logical line: usually one source line, but a long line that holds several sections (a web
/// page flattened onto one line) is cut at each section heading, before and after its title.
public struct Segment: Sendable {
    public var line: Int
    public var text: String
    /// Where the segment starts in its source line, in Unicode scalars (0 for a whole line).
    public var column: Int = 0
    /// The segment runs to the end of its line (every whole line does; of a cut line, the last piece).
    public var endsLine = true

    public init(line: Int, text: String, column: Int = 0, endsLine: Bool = true) {
        self.line = line; self.text = text; self.column = column; self.endsLine = endsLine
    }
}
