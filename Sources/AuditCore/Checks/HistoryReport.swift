import AuditDocument
/// An earlier year's report, prepared for comparison only (never audited).
public struct HistoryReport: Sendable {
    public var file: String
    public var agencyKey: String?
    /// The agency's own name (see `ownName`): a government and its office share an agency key
    /// (the office often publishes the government's report) but report figures of their own.
    public var agencyName: String?
    public var year: Int?
    public var narrative: NarrativeDocument?
    /// The 结转下年度继续办理 row, one value per column (nil where the cell is not a number).
    public var carryOver: [Quantity?]?
    public var carryOverLine: Int?
    /// Why its figures are not used (a scan whose OCR was not confident of every figure).
    public var figuresInDoubt: Localized?

    /// The agency's name compacted, 人民政府 written 政府 (某某县人民政府 and 某某县政府 are one).
    static func ownName(_ name: String?) -> String? {
        guard let n = name.map(TextNormalizer.compact), !n.isEmpty else { return nil }
        return n.replacingOccurrences(of: "人民政府", with: "政府")
    }

    public init(_ report: Report, narrative: NarrativeDocument?) {
        file = report.source
        agencyKey = NarrativeDocument.agencyKey(report.agency)
        agencyName = Self.ownName(report.agency)
        year = report.year
        self.narrative = narrative
        figuresInDoubt = report.figuresInDoubt
        if figuresInDoubt == nil, case .read(let cells)? = report.applicationTable?.reading(row: "carry_over") {
            carryOver = cells.map { if case .number(let q) = $0.value { return q } else { return nil } }
            carryOverLine = cells.first?.line
        }
    }
}
