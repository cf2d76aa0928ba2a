/// A table as read: each expected row of its schema, and its cells.
public struct StatisticalTable: Sendable {
    public var name: TableName
    public var schema: TableSchema
    /// One entry per schema row, in schema order.
    public var rows: [RowReading]
    /// The first line of the table in the source.
    public var firstLine: Int
    /// Why the table as a whole is unreliable, if it is.
    public var tableProblem: Localized?

    public func reading(row id: String) -> RowReading? {
        guard let i = schema.rowIndex(id) else { return nil }
        return rows[i]
    }

    /// The table with only the named rows' readings kept (the others read as missing), for a
    /// report held in memory after its own rules ran.
    package func keepingRows(_ kept: Set<String>) -> StatisticalTable {
        var t = self
        for (i, row) in schema.rows.enumerated() where !kept.contains(row.id) { t.rows[i] = .missing }
        return t
    }
}
