/// A report whose text was dropped: what scoring, the corpus-wide rules and reuse verification
/// need of it, and no text. A large run keeps tens of thousands of these instead of whole
/// reports; holding one, code cannot quote a line it no longer has. `restored(lines:)` gives the
/// report back (without its logical lines) when its text is read again.
public struct ReleasedReport: Sendable {
    public let source: String
    public let agency: String?
    public let year: Int?
    public let template: TemplateVersion?
    public let publicationDate: ReportDate?
    public let origin: TextOrigin
    public let traditionalScript: Bool
    /// The sections' headings and spans, without their bodies.
    public let sections: [Section]
    /// Only the rows a corpus-wide rule reads.
    public let applicationTable: StatisticalTable?
    public let reviewTable: StatisticalTable?
    let titleLine: Int?
    let templateEvidence: TemplateEvidence?
    /// Paragraph spans: with the lines read again, the narrative is rebuilt from them.
    let paragraphs: [Paragraph]

    /// `kept`: the table rows to keep (by row key); the others are dropped with the text.
    public init(_ report: Report, keepingRows kept: Set<String>) {
        source = report.source
        agency = report.agency
        year = report.year
        template = report.template
        publicationDate = report.publicationDate
        origin = report.origin
        traditionalScript = report.traditionalScript
        sections = report.sections.map { var s = $0; s.body = []; return s }
        applicationTable = report.applicationTable?.keepingRows(kept)
        reviewTable = report.reviewTable?.keepingRows(kept)
        titleLine = report.titleLine
        templateEvidence = report.templateEvidence
        paragraphs = report.paragraphs
    }

    /// The canonical section a line belongs to, or nil before the first section.
    public func sectionKind(atLine line: Int) -> SectionKind? {
        sections.last { $0.span.first <= line && line <= $0.span.last }?.kind
    }

    /// The report again, with its lines read anew: enough for its narrative (paragraphs, sections,
    /// title and signature lines). Its logical lines, phrase index and table 二 are not restored.
    public func restored(lines: [String]) -> Report {
        var report = Report(source: source, lines: lines, agency: agency, year: year, titleLine: titleLine, template: template,
               templateEvidence: templateEvidence, publicationDate: publicationDate, sections: sections, paragraphs: paragraphs,
               applicationTable: applicationTable, reviewTable: reviewTable, tableProblems: [:], origin: origin)
        report.traditionalScript = traditionalScript
        return report
    }
}
