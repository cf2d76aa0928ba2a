/// Which official format a report follows; decides the table schema and which rules apply.
public enum TemplateVersion: String, Sendable, Codable, CaseIterable {
    /// 国办公开办函〔2021〕30号: reports for 2021 onward.
    case v2021 = "2021"
    /// 国办公开办函〔2019〕60号: reports for 2019 and 2020.
    case v2019 = "2019"
}

/// How the template version was decided, so a guess is never presented as a reading.
public enum TemplateEvidence: String, Sendable {
    case tableLabels = "table labels"
    case reportYear = "report year"
}

/// The six canonical parts of an annual report, in their fixed order.
public enum SectionKind: Int, Sendable, CaseIterable, Comparable {
    case overview = 1, proactive, applications, reviewLitigation, problems, other

    public static func < (a: SectionKind, b: SectionKind) -> Bool { a.rawValue < b.rawValue }

    /// The Chinese numeral of the part, 一 … 六.
    public var numeral: String { TemplateLabels.sectionNumerals[rawValue - 1] }
    /// The official title of the part.
    public var officialTitle: String { TemplateLabels.sectionTitles[rawValue - 1] }
    public var englishTitle: String { TemplateLabels.sectionTitlesEnglish[rawValue - 1] }
}

/// How a section heading was numbered in the source; anything but `.chinese` is irregular.
public enum HeadingNumbering: Sendable, Equatable {
    case chinese          // 一、
    case arabic(String)   // 5、 or 5.
    case none             // a bare title
}

/// A 1-based, inclusive range of source lines.
public struct LineSpan: Sendable, Equatable {
    public var first: Int
    public var last: Int
    public init(_ first: Int, _ last: Int) { self.first = first; self.last = last }
}

/// A stretch of one source line, in Unicode scalars: part of a long line that holds table text
/// and narrative together. `hi` is `TextSpan.lineEnd` for a stretch that runs to the end of its
/// line, so that a whole line is its text without counting its characters.
public struct TextSpan: Sendable, Equatable {
    public static let lineEnd = Int.max
    public var line: Int
    public var lo: Int
    public var hi: Int
    public init(line: Int, lo: Int, hi: Int) { self.line = line; self.lo = lo; self.hi = hi }
}

/// One of the six canonical parts as found in a report.
public struct Section: Sendable {
    public var kind: SectionKind
    /// The heading line as written (trimmed).
    public var heading: String
    public var headingLine: Int
    public var numbering: HeadingNumbering
    /// The number the report wrote before the title (`五、` is 5, `5、` is 5); nil for a bare title.
    public var writtenNumber: Int? = nil
    /// From the heading to the line before the next section (or the end).
    public var span: LineSpan
    /// The heading's position among the logical lines (segments): orders sections that share
    /// one physical line in a flattened page.
    public var headingPosition: Int = 0
    /// The section's body, heading excluded, as logical lines with their source line.
    public var body: [Segment] = []
}

/// A run of narrative text (not table cells, not headings): whole source lines, or the parts of a
/// long flattened line between its headings and tables.
public struct Paragraph: Sendable {
    public var span: LineSpan
    public var section: SectionKind?
    /// The narrative text, piece by piece, in source order.
    public var pieces: [TextSpan] = []
    /// The logical lines (segments) it spans, to order it against headings on a shared line.
    public var segments: ClosedRange<Int> = 0...0
}

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

/// A parsed annual report: pure value, built from text by `ReportParser`.
public struct Report: Sendable {
    /// The source name, as the user gave it.
    public var source: String
    /// The source lines, as written (line n is `lines[n-1]`).
    public var lines: [String]
    public var agency: String?
    public var year: Int?
    /// The line the title (agency and year) was read from.
    public var titleLine: Int?
    public var template: TemplateVersion?
    public var templateEvidence: TemplateEvidence?
    public var publicationDate: ReportDate?
    public var sections: [Section]
    /// The logical lines: source lines, with long flattened lines cut at their headings.
    public var segments: [Segment] = []
    /// The compact text of all segments, built once for the phrase searches of several checks.
    var joined: JoinedText? = nil
    public var paragraphs: [Paragraph]
    public var applicationTable: StatisticalTable?
    public var reviewTable: StatisticalTable?
    /// Table 二, when it was found.
    public var proactiveTable: ProactiveTable? = nil
    /// Sections with no heading found whose content is there (their table, their wording): the
    /// line that shows it. A part missing its heading is not a part missing.
    public var sectionEvidence: [SectionKind: (line: Int, excerpt: String)] = [:]
    /// Why a table could not be found at all, by table name.
    public var tableProblems: [TableName: String]

    public func section(_ kind: SectionKind) -> Section? { sections.first { $0.kind == kind } }

    /// The statistics periods stated, read with the built-in markers (the period rule reads them
    /// with its phrase file's); empty once the text is released.
    public var periods: [StatisticsPeriod] {
        guard let j = joined ?? (segments.isEmpty ? nil : JoinedText(segments[...])) else { return [] }
        return StatisticsPeriodReader.read(j)
    }

    /// The canonical section a line belongs to, or nil before the first section.
    public func sectionKind(atLine line: Int) -> SectionKind? {
        sections.last { $0.span.first <= line && line <= $0.span.last }?.kind
    }

    public func table(_ name: TableName) -> StatisticalTable? {
        switch name {
        case .application: return applicationTable
        case .reviewLitigation: return reviewTable
        }
    }

    public func line(_ n: Int) -> String { n >= 1 && n <= lines.count ? lines[n - 1] : "" }

    /// The text of a stretch of a line.
    public func text(_ span: TextSpan) -> String { Report.slice(line(span.line), span) }

    static func slice(_ line: String, _ span: TextSpan) -> String {
        let u = line.unicodeScalars
        if span.lo == 0 && span.hi == TextSpan.lineEnd { return line }
        let lo = u.index(u.startIndex, offsetBy: span.lo, limitedBy: u.endIndex) ?? u.endIndex
        let hi = span.hi == TextSpan.lineEnd ? u.endIndex : u.index(lo, offsetBy: max(0, span.hi - span.lo), limitedBy: u.endIndex) ?? u.endIndex
        return String(u[lo..<hi])
    }

    /// The narrative pieces of every paragraph, with their text.
    public var narrative: [(span: TextSpan, text: String, section: SectionKind?)] {
        paragraphs.flatMap { p in p.pieces.map { ($0, text($0), p.section) } }
    }

    /// The report without its text (lines and section bodies) and without the table rows not
    /// named: metadata, sections and paragraph spans stay, so the narrative can be rebuilt from
    /// the lines alone.
    public func withoutText(keepingRows kept: Set<String>) -> Report {
        var r = self
        r.lines = []
        r.segments = []
        r.joined = nil
        for i in r.sections.indices { r.sections[i].body = [] }
        r.applicationTable = r.applicationTable?.keepingRows(kept)
        r.reviewTable = r.reviewTable?.keepingRows(kept)
        return r
    }
}
