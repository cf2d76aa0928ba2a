import Foundation

/// A table cell as cut from a segment.
struct RawCell {
    enum Kind { case value(CellValue), text }
    var kind: Kind
    var text: String
    var line: Int
    /// How the cell was cut from digits run together, if it was.
    var split: DigitSplit = .none

    var isValue: Bool { if case .value = kind { return true } else { return false } }
}
