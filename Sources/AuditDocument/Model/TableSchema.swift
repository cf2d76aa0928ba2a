/// The rows, columns and row groups of a table in one template version. Rule files name cells
/// by these ids; the loader rejects ids that are not here.
public struct TableSchema: Sendable {
    public var table: TableName
    public var rows: [RowSpec]
    public var columns: [ColumnSpec]
    /// Named groups of rows, in template order.
    public var groups: [(name: String, rows: [String])]

    public func rowIndex(_ id: String) -> Int? { rows.firstIndex { $0.id == id } }
    public func columnIndex(_ id: String) -> Int? { columns.firstIndex { $0.id == id } }

    /// Expands a row name or a group name into row ids; nil if it names neither.
    public func expandRows(_ name: String) -> [String]? {
        if rows.contains(where: { $0.id == name }) { return [name] }
        return groups.first { $0.name == name }?.rows
    }

    public func row(_ id: String) -> RowSpec? { rows.first { $0.id == id } }
    public func column(_ id: String) -> ColumnSpec? { columns.first { $0.id == id } }
}
