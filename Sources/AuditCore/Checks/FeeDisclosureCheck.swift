import AuditDocument
import Foundation

/// `fee_disclosure`: the report states its 信息处理费 situation (《政府信息公开信息处理费管理办法》,
/// charged from 2021-01-01). With `require: statement` any explicit statement passes, including
/// 未收取; with `require: count_and_amount` it must give the number of fee notices issued and the
/// amount actually collected, as the 2021 format asks. Which template it applies to is the rule
/// file's `when:`, not this code's.
public enum FeeDisclosureCheck: ReportCheck {
    public struct Parameters: Sendable {
        public var requireCountAndAmount: Bool
        /// The accepted phrasings (`fee.statement`, `fee.notice_count`, `fee.amount_collected`).
        public var phrases: PhraseBook?

        init(_ r: inout ParameterReader) {
            requireCountAndAmount = r.choice("require", ["statement", "count_and_amount"], default: "statement") == "count_and_amount"
            phrases = r.phraseBook(required: ["fee.statement", "fee.notice_count", "fee.amount_collected"])
        }
    }

    enum Variant: String, CheckVariant {
        case missing
        case incomplete

        var placeholders: [String] {
            switch self {
            case .missing: return []
            case .incomplete: return ["missing_items", "statement"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "require: \(p.requireCountAndAmount ? "count_and_amount" : "statement")"
    }

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        guard let book = p.phrases else { return .notApplicable }
        // Whether a statement is made at all: one search of the report's text, stopping at the first.
        if let all = report.joined, !book.occurs("fee.statement", in: all) { return .from([Observation(.fail, Variant.missing)]) }
        guard p.requireCountAndAmount else { return report.joined == nil ? evaluateStatement(report, book) : .pass }
        return evaluateStatement(report, book, requireCountAndAmount: true)
    }

    static func evaluateStatement(_ report: Report, _ book: PhraseBook, requireCountAndAmount: Bool = false) -> CheckResult {
        // Heading segments are left out here: their words would run into the statement quoted.
        let joined = JoinedText(narrativeSegments(report)[...])
        let mentions = book.matches("fee.statement", in: joined)
        guard !mentions.isEmpty else { return .from([Observation(.fail, Variant.missing)]) }
        guard requireCountAndAmount else { return .pass }
        // The statement: the sentences that mention the fee.
        var sentences: [(text: String, line: Int)] = []
        for m in mentions {
            let s = sentence(around: m.range, in: joined)
            if !sentences.contains(where: { $0.text == s.text }) { sentences.append((s.text, joined.line(at: s.start))) }
        }
        let statement = sentences.map(\.text).joined()
        var missing: [Localized] = []
        if !book.matches("fee.notice_count", text: statement) { missing.append(Localized(zh: "发出收费通知的件数", en: "the number of fee notices issued")) }
        if !book.matches("fee.amount_collected", text: statement) { missing.append(Localized(zh: "实际收取的金额", en: "the amount actually collected")) }
        guard !missing.isEmpty else { return .pass }
        let list = Localized(zh: missing.map(\.zh).joined(separator: "、"), en: missing.map(\.en).joined(separator: " and "))
        // Quoted: the sentence that gives what is given (a sentence that only cites the fee
        // rules, `认真落实《…信息处理费管理办法》`, shows the agency nothing).
        let quoted = sentences.first { book.matches("fee.amount_collected", text: $0.text) || book.matches("fee.notice_count", text: $0.text) } ?? sentences[0]
        return .from([Observation(.fail, Variant.incomplete, values: ["missing_items": list, "statement": Localized(zh: quoted.text, en: quoted.text)],
                                  line: quoted.line, excerpt: quoted.text)])
    }

    /// Every line but a heading on its own line (its words would run into the statement). Table
    /// rows stay: a flattened page has its whole body, tables and statement alike, on one line;
    /// the one table wording that names fees (a row label of table 三) is skipped where it matches.
    static func narrativeSegments(_ report: Report) -> [Segment] {
        let headings = Set(report.sections.map(\.headingPosition))
        return report.segments.enumerated().compactMap { i, seg in headings.contains(i) ? nil : seg }
    }

    /// The sentence (between 。；; or line-joined boundaries) that contains `range`.
    static func sentence(around range: NSRange, in joined: JoinedText) -> (text: String, start: Int) {
        let stops: Set<UInt16> = [0x3002, 0xFF1B, 0x3B, 0x21, 0xFF01]  // 。；;!！
        let u = joined.utf16
        // The sentence where the mention starts: a phrase may match on into the next sentence.
        var a = range.location, b = range.location
        // Nor does it reach back over a line that ends in a figure, as a table's last row does, into
        // the table (a figure's unit wrapped onto the next line, `12` / `件`, is the same sentence).
        let units = Set("件条个元项次人家份".utf16)
        while a > 0, !stops.contains(u[a - 1]), range.location - a < 120,
              !(joined.startsSegment(a) && (0x30...0x39).contains(u[a - 1]) && !units.contains(u[a])) { a -= 1 }
        while b < u.count, !stops.contains(u[b]), b - range.location < 160 + range.length { b += 1 }
        if b < u.count { b += 1 }
        return (joined.string(NSRange(location: a, length: b - a)), a)
    }
}
