/// What a table cell holds.
public enum CellValue: Sendable, Equatable {
    case number(Quantity)
    /// The cell exists but is empty.
    case blank
    /// `/`, `—`, `-`, `无`: not applicable or not given; never read as 0.
    case placeholder(String)
    /// Text where a number should be, e.g. an OCR-split `1 0`.
    case unreadable(String)
}
