/// The statistical tables that carry arithmetic identities.
public enum TableName: String, Sendable, CaseIterable, Hashable {
    /// 三、收到和处理政府信息公开申请情况
    case application
    /// 四、政府信息公开行政复议、行政诉讼情况
    case reviewLitigation = "review"

    public var chineseName: String {
        switch self {
        case .application: return "表三（收到和处理政府信息公开申请情况）"
        case .reviewLitigation: return "表四（行政复议、行政诉讼情况）"
        }
    }
    public var englishName: String {
        switch self {
        case .application: return "table 3 (applications received and handled)"
        case .reviewLitigation: return "table 4 (administrative review and litigation)"
        }
    }
}

/// A number as printed: an integer mantissa and the count of decimals printed.
/// Counts are exact; an amount printed with decimals stands for an interval of ± half a unit
/// in its last printed place (as XBRL calculation checks treat reported precision).
public struct Quantity: Sendable, Equatable, CustomStringConvertible {
    public var mantissa: Int64
    public var scale: Int

    public init(mantissa: Int64, scale: Int) { self.mantissa = mantissa; self.scale = scale }

    /// Parses `12`, `0.5`, `4068.208`, `1,234`; nil for anything else.
    public init?(_ text: String) {
        var mantissa: Int64 = 0, scale = 0, digits = 0, seenPoint = false
        for ch in text.unicodeScalars {
            switch ch {
            case "0"..."9":
                let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m.addingReportingOverflow(Int64(ch.value - 48))
                if o1 || o2 || digits >= 18 { return nil }
                mantissa = m2; digits += 1
                if seenPoint { scale += 1 }
            case ".":
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            case ",":
                if seenPoint || digits == 0 { return nil }
            default: return nil
            }
        }
        if digits == 0 || (seenPoint && scale == 0) { return nil }
        self.mantissa = mantissa; self.scale = scale
    }

    public var description: String {
        if scale == 0 { return String(mantissa) }
        var s = String(mantissa)
        while s.count <= scale { s = "0" + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -scale))
        return s
    }
}

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

/// What became of one expected row of a table.
public enum RowReading: Sendable, Equatable {
    /// Every column read, each cell in `cells`.
    case read([Cell])
    /// The label was not found.
    case missing
    /// The label was found but its values could not be assigned to columns with confidence.
    case unreliable(reason: Localized, labelLine: Int)
}

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
    func keepingRows(_ kept: Set<String>) -> StatisticalTable {
        var t = self
        for (i, row) in schema.rows.enumerated() where !kept.contains(row.id) { t.rows[i] = .missing }
        return t
    }
}

/// A short text in both languages: findings and reasons are shown in the user's language.
public struct Localized: Sendable, Equatable, Hashable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
    public func text(_ language: Language) -> String { language == .en ? en : zh }
}

/// The language of finding messages.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// Table 二 (主动公开政府信息情况): each item's figures as printed. No identity holds between
/// them; the narrative's figures are compared with them.
public struct ProactiveTable: Sendable {
    public struct Item: Sendable {
        public var spec: ProactiveItemSpec
        public var reading: RowReading
    }
    public var items: [Item]
    public var firstLine: Int

    public func reading(_ id: String) -> RowReading? { items.first { $0.spec.id == id }?.reading }
}

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
