/// One cell as read from the source, with the line it came from.
public struct Cell: Sendable, Equatable {
    public var value: CellValue
    public var text: String
    public var line: Int
    public var split: DigitSplit
    public init(value: CellValue, text: String, line: Int, split: DigitSplit = .none) {
        self.value = value; self.text = text; self.line = line; self.split = split
    }
}
