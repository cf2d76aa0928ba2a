/// One column of a statistical table.
public struct ColumnSpec: Sendable {
    public var id: String
    public var label: String
    public var englishLabel: String
}
