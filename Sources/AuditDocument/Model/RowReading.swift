/// What became of one expected row of a table.
public enum RowReading: Sendable, Equatable {
    /// Every column read, each cell in `cells`.
    case read([Cell])
    /// The label was not found.
    case missing
    /// The label was found but its values could not be assigned to columns with confidence.
    case unreliable(reason: Localized, labelLine: Int)
}
