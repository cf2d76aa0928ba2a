/// How a cell was cut from digits printed without separators (`3000000` in a page flattened
/// onto one line).
public enum DigitSplit: String, Sendable, Equatable {
    /// Printed apart from its neighbours.
    case none
    /// Run together, but only one reading fits the row's cells (as many digits as cells, or no
    /// other reading without a number starting with 0).
    case unique
    /// Run together with several readings; the one whose total equals the sum of its parts was
    /// taken, so that total cannot be checked against its parts.
    case byTotal = "by_total"
}
