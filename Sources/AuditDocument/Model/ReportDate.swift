/// A date written in the report, e.g. the signature date at the end. A signature may give only
/// the month (`2024年1月`): its day is then unknown, and the date stands for the month's first
/// day in comparisons, so a month is late only when all of it is past the deadline.
public struct ReportDate: Sendable, Equatable, Comparable {
    public var year: Int, month: Int, day: Int
    public var line: Int
    public var dayKnown: Bool
    public init(year: Int, month: Int, day: Int, line: Int) {
        self.year = year; self.month = month; self.day = day; self.line = line; dayKnown = true
    }
    /// A month without its day (`2024年1月`).
    public init(year: Int, month: Int, line: Int) {
        self.year = year; self.month = month; day = 1; self.line = line; dayKnown = false
    }
    public static func < (a: ReportDate, b: ReportDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
    /// 2024-01-15, or 2024-01 when the day is not written.
    public var iso: String {
        dayKnown ? String(format: "%04d-%02d-%02d", year, month, day) : String(format: "%04d-%02d", year, month)
    }
    /// 2024年1月15日, or 2024年1月.
    public var chinese: String {
        dayKnown ? "\(year)年\(month)月\(day)日" : "\(year)年\(month)月"
    }
}
