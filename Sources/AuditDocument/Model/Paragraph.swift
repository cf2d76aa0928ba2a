/// A run of narrative text (not table cells, not headings): whole source lines, or the parts of a
/// long flattened line between its headings and tables.
public struct Paragraph: Sendable {
    public var span: LineSpan
    public var section: SectionKind?
    /// The narrative text, piece by piece, in source order.
    public var pieces: [TextSpan] = []
    /// The logical lines (segments) it spans, to order it against headings on a shared line.
    public var segments: ClosedRange<Int> = 0...0
}
