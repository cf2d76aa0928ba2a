import AuditDocument
import Foundation

/// `pattern`: an office's own content rule, written only in YAML: phrases or regular
/// expressions that a section must contain (at least `min_count` times) or must not contain.
public enum ContentPatternCheck: ReportCheck {
    public struct Parameters: @unchecked Sendable {
        public var section: SectionKind?
        public var required: [(source: String, re: NSRegularExpression)]
        public var forbidden: [(source: String, re: NSRegularExpression)]
        public var minCount: Int

        init(_ r: inout ParameterReader) {
            let sectionName = r.value("section")?.string ?? "any"
            let numerals = ["一", "二", "三", "四", "五", "六"]
            section = numerals.firstIndex(of: sectionName).flatMap { SectionKind(rawValue: $0 + 1) }
            if section == nil && sectionName != "any" { r.fail(r.value("section"), "'section' must be one of 一 二 三 四 五 六 or any") }
            let isRegex = r.value("regex")?.bool ?? false
            minCount = r.integer("min_count", default: 1, in: 1...10_000)
            func compile(_ key: String) -> [(String, NSRegularExpression)] {
                guard let node = r.value(key) else { return [] }
                guard let list = node.strings else { r.fail(node, "'\(key)' must be a phrase or a list of phrases"); return [] }
                return list.compactMap { p in
                    let pattern = isRegex ? p : NSRegularExpression.escapedPattern(for: TextNormalizer.compact(p))
                    do {
                        let re = try NSRegularExpression(pattern: pattern)
                        if let problem = RegexSafety.problem(pattern, re) { r.fail(node, "'\(p)' \(problem)"); return nil }
                        return (p, re)
                    } catch {
                        r.fail(node, "'\(p)' is not a valid regular expression (\(error.localizedDescription)); fix it or set regex: false")
                        return nil
                    }
                }
            }
            required = compile("require")
            forbidden = compile("forbid")
            if r.params.allSatisfy({ $0.key != "require" && $0.key != "forbid" }) { r.fail(nil, "a pattern rule needs 'require' or 'forbid'") }
        }
    }

    enum Variant: String, CheckVariant {
        case missing
        case forbidden

        var placeholders: [String] {
            switch self {
            case .missing: return ["pattern", "section", "count", "min_count"]
            case .forbidden: return ["pattern", "match", "section"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "section: \(p.section.map { $0.numeral } ?? "any"), require: \(p.required.map(\.source)), forbid: \(p.forbidden.map(\.source)), min_count: \(p.minCount)"
    }

    /// Seconds all the patterns of one rule may take on one report (the fuzzer lowers it).
    nonisolated(unsafe) public static var patternBudget = 0.5

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        let sectionName = Localized(zh: p.section.map { "第\($0.numeral)部分" } ?? "全文", en: p.section.map { "section \($0.rawValue)" } ?? "the report")
        var segments: [Segment]
        if let kind = p.section {
            guard let s = report.section(kind) else { return .notApplicable }
            segments = s.body
        } else {
            segments = report.lines.enumerated().map { Segment(line: $0.offset + 1, text: $0.element) }
        }
        // Patterns match compact text (no spaces, widths folded), as phrases are written.
        let joined = JoinedText(segments[...])
        var obs: [Observation] = []
        let whole = NSRange(location: 0, length: joined.utf16.count)
        /// An office's patterns get a time budget per report: one that backtracks without end
        /// on some text is "could not verify" for that report, not a hung run.
        let deadline = Date().addingTimeInterval(patternBudget)
        func matches(_ source: String, _ re: NSRegularExpression) -> [NSTextCheckingResult]? {
            if let m = RegexSafety.matches(re, in: joined.text, range: whole, budget: max(0, deadline.timeIntervalSinceNow)) { return m }
            obs.append(.unverifiable(Localized(zh: "规则的表达式“\(source)”在本报告上运行超时（超过 \(Format.number(patternBudget)) 秒），请简化该表达式",
                                               en: "the rule's pattern '\(source)' ran out of time on this report (over \(Format.number(patternBudget)) s); simplify the pattern")))
            return nil
        }
        for (source, re) in p.required {
            guard let found = matches(source, re) else { continue }
            let n = found.count
            if n < p.minCount {
                obs.append(Observation(.fail, Variant.missing, values: ["pattern": Localized(zh: source, en: source), "section": sectionName,
                                                                            "count": Localized(zh: String(n), en: String(n)), "min_count": Localized(zh: String(p.minCount), en: String(p.minCount))],
                                       line: p.section.flatMap { report.section($0)?.headingLine }))
            }
        }
        for (source, re) in p.forbidden {
            for m in matches(source, re) ?? [] {
                let text = joined.string(m.range)
                obs.append(Observation(.fail, Variant.forbidden, values: ["pattern": Localized(zh: source, en: source), "match": Localized(zh: text, en: text), "section": sectionName],
                                       line: joined.line(at: m.range.location), excerpt: text))
            }
        }
        return .from(obs)
    }
}
