/// A 1-based, inclusive range of source lines.
public struct LineSpan: Sendable, Equatable {
    public var first: Int
    public var last: Int
    public init(_ first: Int, _ last: Int) { self.first = first; self.last = last }
}
