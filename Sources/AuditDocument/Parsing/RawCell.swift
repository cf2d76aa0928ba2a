import Foundation

/// A table cell as cut from a segment.
package struct RawCell {
    package enum Kind { case value(CellValue), text }
    package var kind: Kind
    package var text: String
    package var line: Int
    /// How the cell was cut from digits run together, if it was.
    package var split: DigitSplit = .none

    package var isValue: Bool { if case .value = kind { return true } else { return false } }
}
