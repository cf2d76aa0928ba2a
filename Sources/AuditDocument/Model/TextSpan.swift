/// A stretch of one source line, in Unicode scalars: part of a long line that holds table text
/// and narrative together. `hi` is `TextSpan.lineEnd` for a stretch that runs to the end of its
/// line, so that a whole line is its text without counting its characters.
public struct TextSpan: Sendable, Equatable {
    public static let lineEnd = Int.max
    public var line: Int
    public var lo: Int
    public var hi: Int
    public init(line: Int, lo: Int, hi: Int) { self.line = line; self.lo = lo; self.hi = hi }
}
