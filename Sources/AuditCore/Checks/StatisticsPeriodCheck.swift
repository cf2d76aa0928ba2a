import AuditDocument
import Foundation

/// `statistics_period`: a statistics period (统计期限 自Y年1月1日起至Y年12月31日止) is stated, covers
/// the whole report year, and — with `location: top` — stands before section 一 or in its first
/// paragraph, not only in 六. A cut-off such as 截至2021年12月31日 is not a period.
public enum StatisticsPeriodCheck: ReportCheck {
    public struct Parameters: Sendable {
        public var requireAtTop: Bool
        /// The accepted phrasings (`period.markers`, `period.founded`).
        public var phrases: PhraseBook?

        init(_ r: inout ParameterReader) {
            requireAtTop = r.choice("location", ["anywhere", "top"], default: "anywhere") == "top"
            phrases = r.phraseBook(required: ["period.markers", "period.founded"])
        }
    }

    enum Variant: String, CheckVariant {
        case missing
        case wrongYear = "wrong_year"
        case incomplete
        case notAtTop = "not_at_top"

        var placeholders: [String] {
            switch self {
            case .missing: return ["year"]
            case .wrongYear: return ["stated", "year"]
            case .incomplete: return ["stated"]
            case .notAtTop: return ["stated", "section"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "location: \(p.requireAtTop ? "top" : "anywhere")"
    }

    static func isWholeYear(_ p: StatisticsPeriod) -> Bool {
        p.startMonth == 1 && p.startDay == 1 && p.endMonth == 12 && p.endDay == 31 && p.endYear == p.startYear
    }

    public static func evaluate(_ report: Report, _ params: Parameters) -> CheckResult {
        judge(report, params).doubting(report.figuresInDoubt, variants: [Variant.wrongYear.rawValue, Variant.incomplete.rawValue])
    }

    static func judge(_ report: Report, _ params: Parameters) -> CheckResult {
        guard let book = params.phrases, let markers = book.concept("period.markers") else { return .notApplicable }
        let yearText = Localized(zh: report.year.map { "\($0)年" } ?? "本年", en: report.year.map(String.init) ?? "the report year")
        let joined = report.joined ?? JoinedText(report.segments[...])
        let anchored = markers.phrases.map { ($0.anchor, $0.re) }
        let periods = StatisticsPeriodReader.read(joined, markers: anchored)
        guard !periods.isEmpty else {
            if let garbled = StatisticsPeriodReader.unreadable(joined, markers: anchored) {
                return .from([.unverifiable(Localized(zh: "统计期限已写明，但日期无法识别（年、月丢失或数字有误）：“\(garbled.excerpt)”",
                                                      en: "a statistics period is stated, but its dates cannot be read (year or month lost, or a figure garbled): '\(garbled.excerpt)'"),
                                            line: garbled.line, excerpt: garbled.excerpt)])
            }
            return .from([Observation(.fail, Variant.missing, values: ["year": yearText])])
        }
        // Prefer a statement that is right, so one stray wrong date does not hide a correct one.
        let period = periods.first { isWholeYear($0) && $0.startYear == report.year }
            ?? periods.first(where: isWholeYear) ?? periods[0]
        let stated = Localized(zh: period.excerpt, en: period.excerpt)
        var obs: [Observation] = []
        if !isWholeYear(period) && !(startsLaterBecauseFounded(period, report, joined, book)) {
            obs.append(Observation(.fail, Variant.incomplete, values: ["stated": stated], line: period.line, excerpt: period.excerpt))
        }
        if let year = report.year {
            if period.startYear != year {
                obs.append(Observation(.fail, Variant.wrongYear, values: ["stated": stated, "year": yearText], line: period.line, excerpt: period.excerpt))
            }
        } else {
            obs.append(.unverifiable(Localized(zh: "无法确定报告年度，不能核对统计期限的年份", en: "the report year is unknown, so the period's year cannot be checked"),
                                     line: period.line, excerpt: period.excerpt))
        }
        if params.requireAtTop && !periods.contains(where: { isNearTop($0, report) }) {
            let kind = report.sectionKind(atLine: period.line)
            let section = kind == .overview ? Localized(zh: "“一、总体情况”的分项中", en: "the sub-items of section 1")
                : Localized(zh: kind.map { "第\($0.numeral)部分" } ?? "正文", en: kind.map { "section \($0.rawValue)" } ?? "the body")
            obs.append(Observation(.fail, Variant.notAtTop, values: ["stated": stated, "section": section], line: period.line, excerpt: period.excerpt))
        }
        return .from(obs)
    }

    /// A period from a later day of the report year to 31 December, in a report that says the
    /// agency was created or reorganised that year (`period.founded`): the whole of its existence.
    static func startsLaterBecauseFounded(_ p: StatisticsPeriod, _ report: Report, _ joined: JoinedText, _ book: PhraseBook) -> Bool {
        guard let year = report.year, p.startYear == year, p.endYear == year, p.endMonth == 12, p.endDay == 31 else { return false }
        return book.matches("period.founded", in: joined).contains { m in
            let y = m.range(withName: "year")
            return y.location == NSNotFound || joined.int(y) == year
        }
    }

    /// Before section 一 (the introduction), or in the opening of 一: its first paragraph, and
    /// the paragraphs after it up to the first sub-item (（一）主动公开…), at most three — a
    /// one-sentence overview or the 本报告根据…编制 formula often stands before the period.
    static func isNearTop(_ p: StatisticsPeriod, _ report: Report) -> Bool {
        // By position among logical lines: a flattened page has every section on one line.
        let firstSection = report.sections.map(\.headingPosition).min() ?? Int.max
        if p.position < firstSection { return true }
        guard let overview = report.section(.overview) else { return false }
        let next = report.sections.map(\.headingPosition).filter { $0 > overview.headingPosition }.min() ?? Int.max
        let opening = report.paragraphs.filter { $0.segments.lowerBound > overview.headingPosition && $0.segments.lowerBound < next }.prefix(3)
        for (k, paragraph) in opening.enumerated() {
            if k > 0, startsSubItem(report.segments[paragraph.segments.lowerBound].text) { break }
            if paragraph.segments.contains(p.position) { return true }
        }
        return false
    }

    /// A paragraph opening 一's sub-items: （一）, (一), 一是, 1.
    static func startsSubItem(_ text: String) -> Bool {
        let t = TextNormalizer.compact(text)
        return t.range(of: "^(?:[（(][一二三四五六七八九十1-9][)）]|[一二三四五六七八九十]是|[1-9][.、．])", options: .regularExpression) != nil
    }
}
