import Foundation

/// `narrative_numbers`: figures stated in the narrative (共收到政府信息公开申请7件, 予以公开…件,
/// 结转…件, 行政复议…件) agree with the table cell they describe. A phrase that is not recognised
/// is not a finding; a recognised figure whose cell cannot be read is "could not verify".
public enum NarrativeNumbersCheck {
    public struct Parameters: Sendable {
        init(_ r: inout ParameterReader) {}
    }

    public static let variants = [VariantSpec(name: "mismatch", placeholders: ["stated", "quantity", "table_value", "cell"])]

    /// A quantity the narrative can state, the pattern that states it, and the cells that hold it.
    struct Claim {
        var name: Localized
        var pattern: NSRegularExpression
        /// Every match holds this word, at most `before` characters from its start; the figure
        /// follows it within 40.
        var anchor: String
        var before: Int
        var table: TableName
        /// Any of these sums (of row totals) makes the statement consistent.
        var readings: [[String]]
    }

    static func re(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p) }

    // The figure is the last group; the wording in between is kept short so a number cannot be
    // attached to the wrong noun.
    static let claims: [Claim] = [
        Claim(name: Localized(zh: "收到政府信息公开申请", en: "applications received"),
              pattern: re("(?:共|累计|全年)?(?:收到|受理|接收)(?:和处理|并处理|并办理)?(?:各类)?(?:政府信息公开|依申请公开)?申请(?:共|数量为|数量|总数为|为)?(\\d+)(?:件|份|条|个)"), anchor: "申请", before: 20, table: .application, readings: [["new"], ["new", "carry_in"]]),
        Claim(name: Localized(zh: "新收政府信息公开申请", en: "new applications"),
              pattern: re("新收(?:政府信息公开)?申请(?:共|数量为|为)?(\\d+)(?:件|份)"), anchor: "新收", before: 0, table: .application, readings: [["new"]]),
        Claim(name: Localized(zh: "上年结转申请", en: "applications carried over from last year"),
              pattern: re("上年结转(?:政府信息公开)?(?:申请)?(?:共|为)?(\\d+)件"), anchor: "上年结转", before: 0, table: .application, readings: [["carry_in"]]),
        Claim(name: Localized(zh: "结转下年度办理的申请", en: "applications carried over to next year"),
              pattern: re("结转(?:至)?下(?:一)?年度?(?:继续)?(?:办理)?(?:的申请)?(?:共|为)?(\\d+)件"), anchor: "结转", before: 0, table: .application, readings: [["carry_over"]]),
        Claim(name: Localized(zh: "予以公开的申请", en: "applications granted"),
              pattern: re("(?<!部分)予以公开(?:的)?(?:申请)?(?:共|为)?(\\d+)件"), anchor: "予以公开", before: 0, table: .application, readings: [["granted"]]),
        Claim(name: Localized(zh: "被申请行政复议", en: "administrative reviews"),
              pattern: re("(?:被申请|发生|收到)?行政复议(?:案件|申请)?(?:共|为)?(\\d+)(?:件|起|宗)"), anchor: "行政复议", before: 3, table: .reviewLitigation, readings: [["review"]]),
        Claim(name: Localized(zh: "被提起行政诉讼", en: "lawsuits"),
              pattern: re("(?:被提起|发生)?行政诉讼(?:案件)?(?:共|为)?(\\d+)(?:件|起|宗)"), anchor: "行政诉讼", before: 3, table: .reviewLitigation, readings: [["suit_direct", "suit_after_review"]]),
    ]

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        // Narrative only: the tables restate the figures by construction.
        let segments = report.paragraphs.flatMap { para in (para.span.first...para.span.last).map { Segment(line: $0, text: report.line($0)) } }
        let joined = JoinedText(segments[...])
        var obs: [Observation] = []
        var seen: Set<String> = []
        for claim in claims {
            for m in joined.matches(claim.pattern, near: [claim.anchor], before: claim.before, after: 40) {
                guard let stated = joined.int(m.range(at: 1)) else { continue }
                let excerpt = joined.string(m.range)
                guard seen.insert("\(claim.name.zh)|\(stated)").inserted else { continue }
                let line = joined.line(at: m.range.location)
                guard let table = report.table(claim.table) else {
                    obs.append(.unverifiable(Localized(zh: "叙述称“\(excerpt)”，但\(claim.table.chineseName)未找到", en: "the narrative says '\(excerpt)' but \(claim.table.englishName) was not found"), line: line, excerpt: excerpt))
                    continue
                }
                var values: [Int64] = []
                var problem: Localized?
                for reading in claim.readings {
                    var sum: Int64 = 0
                    for row in reading {
                        guard case .read(let cells)? = table.reading(row: row), let last = cells.last, case .number(let q) = last.value, q.scale == 0 else {
                            let label = table.schema.row(row)?.label ?? row
                            problem = problem ?? Localized(zh: "“\(label)”行的总计读不出", en: "the total of row '\(row)' cannot be read")
                            sum = -1; break
                        }
                        sum += q.mantissa
                    }
                    if sum >= 0 { values.append(sum) }
                }
                if values.contains(Int64(stated)) { continue }
                if values.isEmpty || values.count < claim.readings.count && problem != nil {
                    obs.append(.unverifiable(Localized(zh: "叙述称“\(excerpt)”，无法与表格核对：\(problem?.zh ?? "")", en: "the narrative says '\(excerpt)' but the table cannot be checked: \(problem?.en ?? "")"), line: line, excerpt: excerpt))
                    continue
                }
                let rowLabel = claim.readings[0].compactMap { table.schema.row($0)?.label }.joined(separator: "＋")
                var o = Observation(.fail, variant: "mismatch",
                                    values: ["stated": Localized(zh: excerpt, en: excerpt), "quantity": claim.name,
                                             "table_value": Localized(zh: values.map(String.init).joined(separator: "或"), en: values.map(String.init).joined(separator: " or ")),
                                             "cell": Localized(zh: "\(claim.table.chineseName)“\(rowLabel)”行“总计”列", en: "\(claim.table.englishName), row '\(claim.readings[0].joined(separator: "+"))', total")],
                                    line: line, excerpt: excerpt)
                if case .read(let cells)? = table.reading(row: claim.readings[0][0]), let last = cells.last { o.relatedLines = [last.line] }
                obs.append(o)
            }
        }
        return .from(obs)
    }
}
