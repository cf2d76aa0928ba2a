import AuditDocument
import Foundation

/// `narrative_numbers`: figures stated in the narrative agree with the table cells they describe:
/// applications received (共收到政府信息公开申请7件), each kind of result (予以公开…件, 不予公开…件,
/// 无法提供…件, 其他处理…件, 办结…件), carried-over applications, reviews and lawsuits (表三、表四),
/// and the decisions and documents of table 二 (作出行政处罚决定305起, 制发行政规范性文件6件). A phrase
/// that is not recognised is not a finding; a recognised figure whose cell cannot be read is
/// "could not verify". Phrasings that count something else — items published (公示行政处罚信息57条),
/// documents by disclosure attribute (依申请公开274条) — are deliberately not read.
public enum NarrativeNumbersCheck: ReportCheck {
    public struct Parameters: Sendable {
        init(_ r: inout ParameterReader) {}
    }

    enum Variant: String, CheckVariant {
        case mismatch

        var placeholders: [String] {
            switch self {
            case .mismatch: return ["stated", "quantity", "table_value", "cell"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "the figures of tables 二, 三 and 四 stated in the narrative (applications, results, carry-overs, reviews, lawsuits, licences, penalties, normative documents)"
    }

    /// Where a figure stands in the tables: the total column of table 三 or 四 rows (summed), or
    /// one column of a table 二 item.
    enum Place {
        case application([String])
        case review([String])
        case proactive(item: String, column: Column)
        enum Column { case count, valid }
    }

    /// A quantity the narrative can state, the pattern that states it, and where the tables hold it.
    struct Claim {
        var name: Localized
        var pattern: NSRegularExpression
        /// Every match holds this word, at most `before` characters from its start; the figure
        /// follows it within 40.
        var anchor: String
        var before: Int
        /// Any of these readings makes the statement consistent (收到…申请 counts new, or new and
        /// carried-in applications together).
        var readings: [Place]
        /// A word that must stand within 40 characters before the figure: 办结 is said of 12345
        /// calls and proposals too, and only next to 申请 is it the table's figure.
        var context: String? = nil
        /// The sentence up to the figure must be about information disclosure: 行政复议案件5件 of
        /// all the agency's work, 予以公开答复80件 of netizens' messages are other quantities.
        var aboutDisclosure = false
        /// The figure is a total: after 其中 the same words count a part of it (其中通过网络收到3件).
        var total = false
    }

    /// Words that make a sentence about information disclosure.
    static let disclosureWords = ["信息公开", "公开申请", "依申请", "申请公开"]

    /// Whether the sentence holding offset `at`, up to it, speaks of information disclosure; a
    /// sentence opening with 其中 continues the one before it.
    static func aboutDisclosure(_ joined: JoinedText, at offset: Int) -> Bool {
        let u = joined.utf16
        let stops: Set<UInt16> = [0x3002, 0xFF1B, 0x3B, 0xFF01, 0x21, 0xFF1F, 0x3F]   // 。；;！!？?
        var start = offset
        var sentences = 0
        while start > 0, offset - start < 300 {
            if stops.contains(u[start - 1]) {
                sentences += 1
                let opening = joined.string(NSRange(location: start, length: min(2, offset - start)))
                if opening != "其中" || sentences > 1 { break }
            }
            start -= 1
        }
        let prefix = joined.string(NSRange(location: start, length: offset - start))
        return disclosureWords.contains { prefix.has($0) }
    }

    static func re(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p) }

    // The figure is the last group; the wording in between is kept short so a number cannot be
    // attached to the wrong noun, and units that count items (条) are excluded where the same
    // words also count published items.
    static let claims: [Claim] = [
        Claim(name: Localized(zh: "收到政府信息公开申请", en: "applications received"),
              pattern: re("(?:共|累计|全年|全区|全县|合计)?(?:收到|受理|接收|办理)(?:和处理|并处理|并办理|及处理)?(?:公民、?法人(?:和|或|及)其他组织(?:提出)?的?)?(?:各类)?(?:政府信息公开|依申请公开|信息公开|公开)?的?申请(?:共|数量为|数量|总数为|为|共计)?(\\d+)(?:件|份|条|个)"),
              anchor: "申请", before: 30, readings: [.application(["new"]), .application(["new", "carry_in"])], total: true),
        Claim(name: Localized(zh: "收到依申请公开事项", en: "applications received"),
              pattern: re("(?:收到|受理)依申请公开(?:事项|事宜)?(?:共|为)?(\\d+)(?:件|项)"),
              anchor: "依申请公开", before: 2, readings: [.application(["new"]), .application(["new", "carry_in"])], total: true),
        Claim(name: Localized(zh: "新收政府信息公开申请", en: "new applications"),
              pattern: re("新收(?:政府信息公开)?申请(?:共|数量为|为)?(\\d+)(?:件|份)"), anchor: "新收", before: 0, readings: [.application(["new"])], total: true),
        Claim(name: Localized(zh: "上年结转申请", en: "applications carried over from last year"),
              pattern: re("上年结转(?:政府信息公开)?(?:申请)?(?:共|为)?(\\d+)件"), anchor: "上年结转", before: 0, readings: [.application(["carry_in"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "结转下年度办理的申请", en: "applications carried over to next year"),
              pattern: re("结转(?:至)?下(?:一)?年度?(?:继续)?(?:办理)?(?:的申请)?(?:共|为)?(\\d+)件"), anchor: "结转", before: 0, readings: [.application(["carry_over"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "予以公开和部分公开的申请", en: "applications granted in whole or in part"),
              pattern: re("予以公开(?:及|和|、)部分公开(?:的)?(?:申请)?(?:共|为)?(\\d+)件"), anchor: "部分公开", before: 5,
              readings: [.application(["granted", "partly_granted"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "予以公开的申请", en: "applications granted"),
              pattern: re("(?<!部分)予以公开(?:的)?(?:申请)?(?:答复)?(?:共|为)?(\\d+)件"), anchor: "予以公开", before: 0, readings: [.application(["granted"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "部分公开的申请", en: "applications partly granted"),
              pattern: re("(?<!予以公开及)(?<!予以公开和)(?<!予以公开、)部分公开(?:的)?(?:申请)?(?:答复)?(?:共|为)?(\\d+)件"),
              anchor: "部分公开", before: 0, readings: [.application(["partly_granted"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "部分公开的申请", en: "applications partly granted"),
              pattern: re("区分处理后(?:予以)?公开(?:的)?(?:申请)?(?:答复)?(?:共|为)?(\\d+)件"),
              anchor: "区分处理", before: 0, readings: [.application(["partly_granted"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "不予公开的申请", en: "applications refused"),
              pattern: re("不予公开(?:的)?(?:申请)?(?:答复)?(?:共|为)?(\\d+)件"), anchor: "不予公开", before: 0, readings: [.application(["withheld"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "无法提供的申请", en: "applications the agency could not answer"),
              pattern: re("无法提供(?:相关)?(?:政府)?(?:信息)?(?:的)?(?:申请)?(?:答复)?(?:共|为)?(\\d+)件"), anchor: "无法提供", before: 0, readings: [.application(["unavailable"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "不予处理的申请", en: "applications not processed"),
              pattern: re("不予处理(?:的)?(?:申请)?(?:共|为)?(\\d+)件"), anchor: "不予处理", before: 0, readings: [.application(["not_processed"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "其他处理的申请", en: "applications otherwise handled"),
              pattern: re("其他处理(?:的)?(?:申请)?(?:共|为)?(\\d+)件"), anchor: "其他处理", before: 0, readings: [.application(["other_processing"])], aboutDisclosure: true),
        Claim(name: Localized(zh: "办结的申请", en: "applications concluded"),
              pattern: re("办结(?:申请)?(?:共|为)?(\\d+)件"), anchor: "办结", before: 0,
              // `受理申请54件，按时办结54件，办理上年结转2件`: what was concluded of this year's applications.
              readings: [.application(["results_total"]), .application(["new"])], context: "申请", aboutDisclosure: true),
        Claim(name: Localized(zh: "被申请行政复议", en: "administrative reviews"),
              pattern: re("(?:被申请|发生|收到)?行政复议(?:案件|申请)?(?:共|为)?(\\d+)(?:件|起|宗|条)"), anchor: "行政复议", before: 3, readings: [.review(["review"])], aboutDisclosure: true, total: true),
        Claim(name: Localized(zh: "被提起行政诉讼", en: "lawsuits"),
              pattern: re("(?:被提起|发生)?行政诉讼(?:案件)?(?:共|为)?(\\d+)(?:件|起|宗|条)"), anchor: "行政诉讼", before: 3, readings: [.review(["suit_direct", "suit_after_review"])], aboutDisclosure: true, total: true),
        Claim(name: Localized(zh: "作出的行政处罚决定", en: "administrative penalty decisions"),
              pattern: re("作出行政处罚决定(?:书)?(?:共)?(\\d+)(?:件|起|宗|个|份)"), anchor: "行政处罚", before: 2, readings: [.proactive(item: "penalties", column: .count)], total: true),
        Claim(name: Localized(zh: "作出的行政许可决定", en: "administrative licensing decisions"),
              pattern: re("作出(?:准予)?行政许可决定(?:书)?(?:共)?(\\d+)(?:件|项|个|份)"), anchor: "行政许可", before: 4, readings: [.proactive(item: "licensing", column: .count)], total: true),
        Claim(name: Localized(zh: "本年制发的规范性文件", en: "normative documents made this year"),
              pattern: re("(?:制定|制发|出台|印发)(?:了)?(?:的)?(?:行政)?规范性文件(?:共)?(\\d+)(?:件|份|个)"), anchor: "规范性文件", before: 6, readings: [.proactive(item: "normative", column: .count)], total: true),
        Claim(name: Localized(zh: "现行有效的规范性文件", en: "normative documents in force"),
              pattern: re("现行有效(?:的)?(?:行政)?规范性文件(?:共)?(\\d+)(?:件|份|个)"), anchor: "现行有效", before: 0, readings: [.proactive(item: "normative", column: .valid)]),
    ]

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        if let doubt = report.figuresInDoubt { return .from([.unverifiable(doubt)]) }
        // Narrative only: the tables restate the figures by construction.
        // The title is no part of a sentence: its 政府信息公开 must not make the next one about it.
        let segments = report.narrative.filter { !($0.span.line == report.titleLine && $0.text.unicodeScalars.count <= 80) }
            .map { Segment(line: $0.span.line, text: $0.text, column: $0.span.lo) }
        let joined = JoinedText(segments[...])
        var obs: [Observation] = []
        var seen: Set<String> = []
        for claim in claims {
            for m in joined.matches(claim.pattern, near: [claim.anchor], before: claim.before, after: 40) {
                guard let stated = joined.int(m.range(at: 1)) else { continue }
                if claim.aboutDisclosure, !aboutDisclosure(joined, at: m.range.location) { continue }
                if otherQuantity(joined, m.range, anchor: claim.anchor, total: claim.total, year: report.year) { continue }
                if let word = claim.context {
                    let from = max(0, m.range.location - 40)
                    guard joined.string(NSRange(location: from, length: m.range.location + m.range.length - from)).has(word) else { continue }
                }
                let excerpt = joined.string(m.range)
                guard seen.insert("\(claim.name.zh)|\(stated)").inserted else { continue }
                let line = joined.line(at: m.range.location)
                var values: [Int64] = []
                var problem: Localized?
                var lines: [Int] = []
                for place in claim.readings {
                    switch value(place, in: report) {
                    case .success(let v): values += v.values; lines += v.lines
                    case .failure(let why): problem = problem ?? why.reason
                    }
                }
                if values.contains(Int64(stated)) { continue }
                if values.isEmpty || problem != nil {
                    obs.append(.unverifiable(Localized(zh: "叙述称“\(excerpt)”，无法与表格核对：\(problem?.zh ?? "")", en: "the narrative says '\(excerpt)' but the table cannot be checked: \(problem?.en ?? "")"), line: line, excerpt: excerpt))
                    continue
                }
                var distinct: [Int64] = []
                for v in values where !distinct.contains(v) { distinct.append(v) }
                var o = Observation(.fail, Variant.mismatch,
                                    values: ["stated": Localized(zh: excerpt, en: excerpt), "quantity": claim.name,
                                             "table_value": Localized(zh: distinct.map(String.init).joined(separator: "或"), en: distinct.map(String.init).joined(separator: " or ")),
                                             "cell": describe(claim.readings[0], report)],
                                    line: line, excerpt: excerpt)
                o.relatedLines = lines
                obs.append(o)
            }
        }
        return .from(obs)
    }

    struct Unreadable: Error { var reason: Localized }

    /// What the tables hold at a place: the printed total, and — when that total is not the sum of
    /// its row's parts — the sum of the parts too (the narrative may state either; which of them is
    /// wrong is the table check's finding, not this one's).
    static func value(_ place: Place, in report: Report) -> Result<(values: [Int64], lines: [Int]), Unreadable> {
        switch place {
        case .application(let names), .review(let names):
            let tableName: TableName = { if case .application = place { return .application } else { return .reviewLitigation } }()
            guard let table = report.table(tableName) else {
                return .failure(Unreadable(reason: Localized(zh: "\(tableName.chineseName)未找到", en: "\(tableName.englishName) was not found")))
            }
            let rows = names.flatMap { table.schema.expandRows($0) ?? [] }
            guard !rows.isEmpty else {
                return .failure(Unreadable(reason: Localized(zh: "该表没有“\(names.joined(separator: "、"))”", en: "the table has no '\(names.joined(separator: ", "))'")))
            }
            var printed: Int64 = 0, parts: Int64 = 0, lines: [Int] = []
            for row in rows {
                guard case .read(let cells)? = table.reading(row: row), let last = cells.last, case .number(let q) = last.value, q.scale == 0 else {
                    let label = table.schema.row(row)?.label ?? row
                    return .failure(Unreadable(reason: Localized(zh: "“\(label)”行的总计读不出", en: "the total of row '\(row)' cannot be read")))
                }
                printed += q.mantissa
                lines.append(last.line)
                var sum: Int64 = 0
                for c in cells.dropLast() { if case .number(let p) = c.value, p.scale == 0 { sum += p.mantissa } else { sum = q.mantissa; break } }
                parts += sum
            }
            return .success((printed == parts ? [printed] : [printed, parts], Array(Set(lines)).sorted()))
        case .proactive(let item, let column):
            guard let table = report.proactiveTable, let entry = table.items.first(where: { $0.spec.id == item }) else {
                return .failure(Unreadable(reason: Localized(zh: "表二未找到", en: "table 2 was not found")))
            }
            let index: Int? = column == .count ? entry.spec.countColumn : (entry.spec.columns.count == 3 && entry.spec.columns[2].hasPrefix("现行有效") ? 2 : nil)
            guard let index else { return .failure(Unreadable(reason: Localized(zh: "表二没有该项", en: "table 2 has no such column"))) }
            guard case .read(let cells) = entry.reading, index < cells.count, case .number(let q) = cells[index].value, q.scale == 0 else {
                return .failure(Unreadable(reason: Localized(zh: "表二“\(entry.spec.label)”一行读不出", en: "table 2 row '\(entry.spec.label)' cannot be read")))
            }
            return .success(([q.mantissa], [cells[index].line]))
        }
    }

    static func describe(_ place: Place, _ report: Report) -> Localized {
        switch place {
        case .application(let names):
            let labels = names.map { n in TemplateLabels.applicationSchema(report.template ?? .v2021).row(n)?.label ?? groupLabel(n) }
            return Localized(zh: "\(TableName.application.chineseName)“\(labels.joined(separator: "＋"))”“总计”列", en: "\(TableName.application.englishName), '\(names.joined(separator: "+"))', total")
        case .review(let names):
            let labels = names.compactMap { TemplateLabels.reviewSchema.row($0)?.label }
            return Localized(zh: "\(TableName.reviewLitigation.chineseName)“\(labels.joined(separator: "＋"))”“总计”栏", en: "\(TableName.reviewLitigation.englishName), '\(names.joined(separator: "+"))', total")
        case .proactive(let item, let column):
            let spec = report.proactiveTable?.items.first { $0.spec.id == item }?.spec
            let col = column == .count ? spec?.countColumn.map { spec!.columns[$0] } ?? "" : "现行有效件数"
            return Localized(zh: "表二（主动公开政府信息情况）“\(spec?.label ?? item)”“\(col)”", en: "table 2, '\(item)'")
        }
    }

    static func groupLabel(_ group: String) -> String {
        ["withheld": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理", "other_processing": "（六）其他处理", "results": "三、本年度办理结果"][group] ?? group
    }
}
