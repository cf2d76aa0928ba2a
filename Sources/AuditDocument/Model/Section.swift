/// One of the six canonical parts as found in a report.
public struct Section: Sendable {
    public var kind: SectionKind
    /// The heading line as written (trimmed).
    public var heading: String
    public var headingLine: Int
    public var numbering: HeadingNumbering
    /// The number the report wrote before the title (`五、` is 5, `5、` is 5); nil for a bare title.
    public var writtenNumber: Int? = nil
    /// From the heading to the line before the next section (or the end).
    public var span: LineSpan
    /// The heading's position among the logical lines (segments): orders sections that share
    /// one physical line in a flattened page.
    public var headingPosition: Int = 0
    /// The section's body, heading excluded, as logical lines with their source line.
    public var body: [Segment] = []
}
