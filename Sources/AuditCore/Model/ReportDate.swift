/// A date written in the report, e.g. the signature date at the end.
public struct ReportDate: Sendable, Equatable, Comparable {
    public var year: Int, month: Int, day: Int
    public var line: Int
    public init(year: Int, month: Int, day: Int, line: Int) {
        self.year = year; self.month = month; self.day = day; self.line = line
    }
    public static func < (a: ReportDate, b: ReportDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}
