/// `required_sections`: the six canonical sections are present; with `numbering: strict`, each
/// heading is also numbered 一、…六、 in order (`5、`, a bare title or a wrong numeral is irregular).
public enum RequiredSectionsCheck {
    public struct Parameters: Sendable {
        public var strictNumbering: Bool

        init(_ r: inout ParameterReader) {
            strictNumbering = r.choice("numbering", ["lenient", "strict"], default: "lenient") == "strict"
        }
    }

    public static let variants = [
        VariantSpec(name: "missing", placeholders: ["number", "title", "title_en"]),
        VariantSpec(name: "numbering", placeholders: ["number", "heading"]),
    ]

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        var obs: [Observation] = []
        for kind in SectionKind.allCases where report.section(kind) == nil {
            // Cite the heading that follows the gap, so the agency sees where the part belongs.
            let next = report.sections.first { $0.kind > kind }
            obs.append(Observation(.fail, variant: "missing",
                                   values: ["number": Localized(zh: kind.numeral, en: String(kind.rawValue)),
                                            "title": Localized(zh: kind.officialTitle, en: kind.englishTitle),
                                            "title_en": Localized(zh: kind.englishTitle, en: kind.englishTitle)],
                                   line: next?.headingLine, excerpt: next?.heading))
        }
        if p.strictNumbering {
            for s in report.sections where s.numbering != .chinese {
                obs.append(Observation(.fail, variant: "numbering",
                                       values: ["number": Localized(zh: s.kind.numeral, en: String(s.kind.rawValue)),
                                                "heading": Localized(zh: s.heading, en: s.heading)],
                                       line: s.headingLine, excerpt: s.heading))
            }
        }
        return .from(obs)
    }
}
