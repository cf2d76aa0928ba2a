import AuditDocument
/// An earlier year's report, prepared for comparison only (never audited).
public struct HistoryReport: Sendable {
    public var file: String
    /// The agency's own name (see `ownName`): a government and its office report figures and
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

    /// The agency's own name: compacted, a government named by its place (某某县人民政府, 某某县政府 and
    /// 某某县 are one), a sub-district's office as the sub-district (乙街道办事处 and 乙街道 are one);
    /// a government's office is not the government.
    static func ownName(_ name: String?) -> String? {
        guard let n = name.map(TextNormalizer.compact), !n.isEmpty else { return nil }
        var own = n.replacingOccurrences(of: "人民政府", with: "政府")
        if own.hasSuffix("街道办事处") { own = String(own.dropLast(3)) }
        // 甲镇人民政府 is 甲镇 (but 某县政府办公室 stays the office).
        if own.hasSuffix("政府"), own.count > 3 { own = String(own.dropLast(2)) }
        return own
    }

    public init(_ report: Report, narrative: NarrativeDocument?) {
        file = report.source
        agencyName = Self.ownName(report.agency)
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
