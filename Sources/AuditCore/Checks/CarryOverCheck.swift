import AuditDocument
/// `carry_over`: with earlier years' reports (`--history`), this year's 上年结转 equals last
/// year's 结转下年度继续办理 for the same agency, column by column. Corrections and
/// re-classification can break it legitimately, so it is a warning. Without last year's report
/// of the same agency the rule does not apply; with unreadable rows it cannot be verified.
public enum CarryOverCheck: CorpusCheck {
    public struct Parameters: Sendable {
        init(_ r: inout ParameterReader) {}
    }

    enum Variant: String, CheckVariant {
        case mismatch

        var placeholders: [String] {
            switch self {
            case .mismatch: return ["column", "this_year", "last_year", "last_file", "year"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "compares with the same agency's report of the previous year, when --history gives it"
    }

    /// The only table rows this check reads of the audited report.
    static let examplesCompareWithHistory = true

    static let rowsKept: Set<String> = ["carry_in"]

    static func evaluate(_ prepared: inout [PreparedReport], rule: RuleDefinition, at ri: Int, _ p: Parameters,
                         context: CorpusContext) -> [ReuseCluster] {
        for i in prepared.indices where prepared[i].notReport == nil {
            prepared[i].results[ri] = rule.condition.applies(to: prepared[i].released) ? evaluate(prepared[i].released, history: context.history) : .notApplicable
        }
        return []
    }

    public static func evaluate(_ report: Report, history: [HistoryReport]) -> CheckResult {
        evaluate(ReleasedReport(report, keepingRows: rowsKept), history: history)
    }

    public static func evaluate(_ report: ReleasedReport, history: [HistoryReport]) -> CheckResult {
        // The same agency's own report: a government's office is not the government.
        guard let year = report.year, let name = AgencyName.key(report.agency) else { return .notApplicable }
        // A report before the 2019 format has no carried-over row to compare with.
        let candidates = history.filter { $0.agencyName == name && $0.year == year - 1 && $0.template != nil }.sorted { $0.file < $1.file }
        guard var last = candidates.first else { return .notApplicable }
        if let doubt = report.figuresInDoubt { return .from([.unverifiable(doubt)]) }
        // Two reports of that year (a draft and its final, a corrected version): the one that
        // counts is not known, unless they give the same figures.
        let read = candidates.filter { $0.carryOver != nil }
        if let first = read.first {
            if read.contains(where: { $0.carryOver! != first.carryOver! }) {
                let files = read.map(\.file).joined(separator: "、")
                return .from([.unverifiable(Localized(zh: "本单位\(year - 1)年有\(read.count)份报告（\(files)），其结转下年度数不同，无法确定以哪份为准",
                                                      en: "the agency has \(read.count) reports for \(year - 1) (\(files)) with different carried-over figures"))])
            }
            last = first
        }
        guard let table = report.applicationTable, case .read(let cells)? = table.reading(row: "carry_in") else {
            return .from([.unverifiable(Localized(zh: "本年“二、上年结转政府信息公开申请数量”行读不出", en: "this year's carried-in row cannot be read"))])
        }
        guard let previous = last.carryOver else {
            if let doubt = last.figuresInDoubt { return .from([.unverifiable(Localized(zh: "\(last.file)：" + doubt.zh, en: "\(last.file): " + doubt.en))]) }
            return .from([.unverifiable(Localized(zh: "\(last.file)的“四、结转下年度继续办理”行读不出", en: "the carried-over row of \(last.file) cannot be read"))])
        }
        var obs: [Observation] = []
        for (c, column) in table.schema.columns.enumerated() where c < previous.count && c < cells.count {
            guard case .number(let now) = cells[c].value, let before = previous[c] else { continue }
            if now != before {
                var o = Observation(.fail, Variant.mismatch, values: [
                    "column": Localized(zh: column.label, en: column.englishLabel), "this_year": Localized(zh: now.description, en: now.description),
                    "last_year": Localized(zh: before.description, en: before.description), "last_file": Localized(zh: last.file, en: last.file),
                    "year": Localized(zh: String(year - 1), en: String(year - 1))], line: cells[c].line, excerpt: cells[c].text)
                o.sources = [SourceRef(file: last.file, line: last.carryOverLine ?? 1)]
                obs.append(o)
            }
        }
        return .from(obs)
    }
}
