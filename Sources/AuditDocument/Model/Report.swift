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
    package var joined: JoinedText? = nil
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
    /// The document's own text, or OCR of a scan.
    public var origin: TextOrigin = .document
    /// Written in traditional characters and read converted to simplified ones (`TraditionalScript`).
    public var traditionalScript = false

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

    package static func slice(_ line: String, _ span: TextSpan) -> String {
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
}
