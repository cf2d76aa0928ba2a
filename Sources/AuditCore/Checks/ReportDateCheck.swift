import AuditDocument
/// `report_date`: the report is dated, and dated by the legal deadline (条例 第四十九条:
/// 县级以上人民政府部门 publish by 1月31日, a 县级以上 government's own report by 3月31日; 乡镇
/// and 街道 follow local deadlines, so each level's deadline is a parameter, and a level without
/// one is only checked for a date). Year Y's report is due in year Y + 1. Reports for 2018 and
/// earlier were due under the 2008 条例 (第三十一条: every agency by 3月31日): `deadline_before_2019`.
public enum ReportDateCheck: ReportCheck {
    public struct Parameters: Sendable {
        public var deadlines: [AgencyLevel: (month: Int, day: Int)]
        /// The one deadline of every checked level for reports of 2018 and earlier, if given.
        public var deadlineBefore2019: (month: Int, day: Int)?

        init(_ r: inout ParameterReader) {
            deadlines = [:]
            if let v = r.value("deadline_before_2019"), !v.isNull {
                deadlineBefore2019 = Self.monthDay(v.string)
                if deadlineBefore2019 == nil { r.fail(v, "deadline_before_2019 must be MM-DD or null") }
            }
            guard let node = r.value("deadlines") else { r.fail(nil, "'params: deadlines' is required, e.g. { department: \"01-31\", government: \"03-31\", township: null }"); return }
            guard let entries = node.entries else { r.fail(node, "'deadlines' must be a mapping of agency level to MM-DD"); return }
            for (k, kn, v) in entries {
                guard let level = AgencyLevel(rawValue: k) else {
                    r.issues.append(kn.issue(Suggest.unknownKey(k, known: AgencyLevel.allCases.map(\.rawValue), in: "'deadlines'"))); continue
                }
                if v.isNull { continue }
                guard let d = Self.monthDay(v.string) else { r.fail(v, "deadline for \(k) must be MM-DD or null"); continue }
                deadlines[level] = d
            }
        }

        static func monthDay(_ text: String?) -> (month: Int, day: Int)? {
            let parts = (text ?? "").split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { return nil }
            return (parts[0], parts[1])
        }
    }

    enum Variant: String, CheckVariant {
        case missing
        case late

        var placeholders: [String] {
            switch self {
            case .missing: return []
            case .late: return ["date", "deadline", "level"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "deadlines: " + AgencyLevel.allCases.map { l in "\(l.rawValue) " + (p.deadlines[l].map { String(format: "%02d-%02d", $0.month, $0.day) } ?? "not checked") }.joined(separator: ", ")
            + (p.deadlineBefore2019.map { String(format: "; reports of 2018 and earlier: %02d-%02d", $0.month, $0.day) } ?? "")
    }

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        judge(report, p).doubting(report.figuresInDoubt, variants: [Variant.late.rawValue])
    }

    static func judge(_ report: Report, _ p: Parameters) -> CheckResult {
        guard let date = report.publicationDate else { return .from([Observation(.fail, Variant.missing)]) }
        guard let year = report.year else {
            return .from([.unverifiable(Localized(zh: "无法确定报告年度，不能核对发布期限", en: "the report year is unknown"), line: date.line)])
        }
        guard let level = AgencyLevel.classify(report.agency) else {
            // Whatever the level, a report dated by the earliest deadline of any level is on time.
            let earliest = year <= 2018 ? p.deadlineBefore2019 : p.deadlines.values.min { ($0.month, $0.day) < ($1.month, $1.day) }
            if let e = earliest, date <= ReportDate(year: year + 1, month: e.month, day: e.day, line: 0) { return .pass }
            return .from([.unverifiable(Localized(zh: "无法从单位名称判断机关层级，不能确定发布期限", en: "the agency's level (and so its deadline) cannot be told from its name"), line: date.line)])
        }
        guard let levelDeadline = p.deadlines[level] else { return .pass }
        let d = year <= 2018 ? p.deadlineBefore2019 ?? levelDeadline : levelDeadline
        let deadline = ReportDate(year: year + 1, month: d.month, day: d.day, line: 0)
        guard date > deadline else { return .pass }
        return .from([Observation(.fail, Variant.late, values: [
            "date": Localized(zh: date.chinese, en: date.iso),
            "deadline": Localized(zh: deadline.chinese, en: deadline.iso),
            "level": level.name,
        ], line: date.line, excerpt: report.line(date.line).trimmingCharacters(in: .whitespaces))])
    }
}
