import AuditDocument
/// An earlier year's report, prepared for comparison only (never audited).
public struct HistoryReport: Sendable {
    public var file: String
    /// The agency's own name (see `AgencyName.key`): a government and its office report figures and
    /// narratives of their own.
    public var agencyName: String?
    public var year: Int?
    /// Nil for a report before the 2019 format (no table 三, so no carried-over row).
    public var template: TemplateVersion?
    public var narrative: NarrativeDocument?
    /// The 结转下年度继续办理 row, one value per column (nil where the cell is not a number).
    public var carryOver: [Quantity?]?
    public var carryOverLine: Int?
    /// Why its figures are not used (a scan whose OCR was not confident of every figure).
    public var figuresInDoubt: Localized?

    public init(_ report: Report, narrative: NarrativeDocument?) {
        file = report.source
        agencyName = AgencyName.key(report.agency)
        year = report.year
        template = report.template
        self.narrative = narrative
        figuresInDoubt = report.figuresInDoubt
        if figuresInDoubt == nil, case .read(let cells)? = report.applicationTable?.reading(row: "carry_over") {
            carryOver = cells.map { if case .number(let q) = $0.value { return q } else { return nil } }
            carryOverLine = cells.first?.line
        }
    }
}
