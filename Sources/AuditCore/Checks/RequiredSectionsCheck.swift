import AuditDocument
/// `required_sections`: the six canonical sections are present; with `numbering: strict`, each
/// heading is also numbered 一、…六、 in order (`5、`, a bare title or a wrong numeral is irregular).
public enum RequiredSectionsCheck: ReportCheck {
    public struct Parameters: Sendable {
        public var strictNumbering: Bool

        init(_ r: inout ParameterReader) {
            strictNumbering = r.choice("numbering", ["lenient", "strict"], default: "lenient") == "strict"
        }
    }

    enum Variant: String, CheckVariant {
        case missing
        case numbering

        var placeholders: [String] {
            switch self {
            case .missing: return ["number", "title", "title_en"]
            case .numbering: return ["number", "heading"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "numbering: \(p.strictNumbering ? "strict" : "lenient")"
    }

    /// Fewer sections than this recognised: the report's structure is not the template's (or not
    /// readable), so a section cannot be called missing.
    static let minimumStructure = 3

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        var obs: [Observation] = []
        let absent = SectionKind.allCases.filter { report.section($0) == nil }
        if !absent.isEmpty, report.sections.count < minimumStructure {
            let found = report.sections.map { "第\($0.kind.numeral)部分" }.joined(separator: "、")
            return .from([.unverifiable(Localized(zh: "只识别出\(report.sections.count)个部分\(found.isEmpty ? "" : "（\(found)）")，无法判断报告结构，不能认定缺少哪些部分",
                                                  en: "only \(report.sections.count) section(s) were recognised, so the report's structure cannot be judged"))])
        }
        for kind in absent {
            // Its content is there without a heading we can read: not a missing part.
            if let e = report.sectionEvidence[kind] {
                obs.append(.unverifiable(Localized(zh: "未识别出第\(kind.numeral)部分“\(kind.officialTitle)”的标题，但第\(e.line)行有该部分的内容（“\(e.excerpt)”）",
                                                   en: "no heading of section \(kind.rawValue) ('\(kind.englishTitle)') was recognised, but line \(e.line) holds its content ('\(e.excerpt)')"),
                                         line: e.line, excerpt: e.excerpt))
                continue
            }
            // Cite the heading that follows the gap, so the agency sees where the part belongs.
            let next = report.sections.first { $0.kind > kind }
            obs.append(Observation(.fail, Variant.missing,
                                   values: ["number": Localized(zh: kind.numeral, en: String(kind.rawValue)),
                                            "title": Localized(zh: kind.officialTitle, en: kind.englishTitle),
                                            "title_en": Localized(zh: kind.englishTitle, en: kind.englishTitle)],
                                   line: next?.headingLine, excerpt: next?.heading))
        }
        if p.strictNumbering {
            for s in report.sections where s.numbering != .chinese || s.writtenNumber != s.kind.rawValue {
                obs.append(Observation(.fail, Variant.numbering,
                                       values: ["number": Localized(zh: s.kind.numeral, en: String(s.kind.rawValue)),
                                                "heading": Localized(zh: s.heading, en: s.heading)],
                                       line: s.headingLine, excerpt: s.heading))
            }
        }
        return .from(obs)
    }
}
