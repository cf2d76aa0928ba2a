import Foundation

/// `fee_disclosure`: the report states its 信息处理费 situation (《政府信息公开信息处理费管理办法》,
/// charged from 2021-01-01). With `require: statement` any explicit statement passes, including
/// 未收取; with `require: count_and_amount` it must give the number of fee notices issued and the
/// amount actually collected, as the 2021 format asks. Which template it applies to is the rule
/// file's `when:`, not this code's.
public enum FeeDisclosureCheck {
    public struct Parameters: Sendable {
        public var requireCountAndAmount: Bool

        init(_ r: inout ParameterReader) {
            requireCountAndAmount = r.choice("require", ["statement", "count_and_amount"], default: "statement") == "count_and_amount"
        }
    }

    public static let variants = [
        VariantSpec(name: "missing", placeholders: []),
        VariantSpec(name: "incomplete", placeholders: ["missing_items", "statement"]),
    ]

    static let mentionRE = try! NSRegularExpression(pattern: "信息(?:公开)?处理费|收费通知|处理费用")
    static let countRE = try! NSRegularExpression(pattern:
        "收费通知(?:书|单)?[^。;；,，]{0,8}?(?:\\d+|零|一|两|二|三)件|(?:未|没有|无|未曾)(?:发出|开具|发放|出具|下达)(?:过)?(?:任何)?(?:信息处理费)?收费通知|发出(?:收费通知)?(?:\\d+|零)件")
    static let amountRE = try! NSRegularExpression(pattern:
        "收取[^。;；]{0,16}?(?:\\d+(?:\\.\\d+)?|零)万?元|(?:未|没有|无|未曾|均未|不)(?:实际)?收取|收费(?:金额|总额|总金额)[^。;；]{0,6}?\\d+(?:\\.\\d+)?万?元|(?:金额|费用)(?:为|共)?(?:0|零)元")

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        let joined = JoinedText(narrativeSegments(report)[...])
        // 申请人逾期未按收费通知要求缴纳费用 is a row label of table 三, in every 2021 report.
        let mentions = joined.matches(mentionRE, near: ["处理费", "收费通知"], before: 4, after: 4).filter { m in
            m.range.location < 2 || !["未按", "逾期"].contains(joined.string(NSRange(location: m.range.location - 2, length: 2)))
        }
        guard !mentions.isEmpty else { return .from([Observation(.fail, variant: "missing")]) }
        guard p.requireCountAndAmount else { return .pass }
        // The statement: the sentences that mention the fee.
        var sentences: [(text: String, line: Int)] = []
        for m in mentions {
            let s = sentence(around: m.range, in: joined)
            if !sentences.contains(where: { $0.text == s.text }) { sentences.append((s.text, joined.line(at: s.start))) }
        }
        let statement = sentences.map(\.text).joined()
        let ns = statement as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var missing: [Localized] = []
        if countRE.firstMatch(in: statement, range: whole) == nil { missing.append(Localized(zh: "发出收费通知的件数", en: "the number of fee notices issued")) }
        if amountRE.firstMatch(in: statement, range: whole) == nil { missing.append(Localized(zh: "实际收取的金额", en: "the amount actually collected")) }
        guard !missing.isEmpty else { return .pass }
        let list = Localized(zh: missing.map(\.zh).joined(separator: "、"), en: missing.map(\.en).joined(separator: " and "))
        return .from([Observation(.fail, variant: "incomplete", values: ["missing_items": list, "statement": Localized(zh: sentences[0].text, en: sentences[0].text)],
                                  line: sentences[0].line, excerpt: sentences[0].text)])
    }

    /// Every line but a heading on its own line (its words would run into the statement). Table
    /// rows stay: a flattened page has its whole body, tables and statement alike, on one line;
    /// the one table wording that names fees (a row label of table 三) is skipped where it matches.
    static func narrativeSegments(_ report: Report) -> [Segment] {
        let headings = Set(report.sections.map(\.headingLine))
        return report.lines.enumerated().compactMap { i, line in
            if headings.contains(i + 1) && line.unicodeScalars.count < 60 { return nil }
            return Segment(line: i + 1, text: line)
        }
    }

    /// The sentence (between 。；; or line-joined boundaries) that contains `range`.
    static func sentence(around range: NSRange, in joined: JoinedText) -> (text: String, start: Int) {
        let stops: Set<UInt16> = [0x3002, 0xFF1B, 0x3B, 0x21, 0xFF01]  // 。；;!！
        let u = joined.utf16
        var a = range.location, b = range.location + range.length
        while a > 0, !stops.contains(u[a - 1]), range.location - a < 120 { a -= 1 }
        while b < u.count, !stops.contains(u[b]), b - range.location < 160 { b += 1 }
        if b < u.count { b += 1 }
        return (joined.string(NSRange(location: a, length: b - a)), a)
    }
}
