/// A stated statistics period (统计期限 …).
public struct StatisticsPeriod: Sendable, Equatable {
    public var startYear: Int, startMonth: Int, startDay: Int
    /// The end year; when the report omits it ("至12月31日") it is the start year.
    public var endYear: Int, endMonth: Int, endDay: Int
    public var line: Int
    public var excerpt: String
    /// Position among the logical lines (segments), to order it against section headings.
    public var position: Int = 0
}
