/// One row of table 二 in one format: its label, and what each of its figures counts.
public struct ProactiveItemSpec: Sendable {
    public var id: String
    public var label: String
    /// Other labels real reports print for it (规范性文件 for 行政规范性文件).
    public var aliases: [String]
    public var columns: [String]
    /// The column holding the number of decisions made this year (处理决定数量), or of documents
    /// made this year (制发/新制作), when the row has one.
    public var countColumn: Int?
}
