/// The six canonical parts of an annual report, in their fixed order.
public enum SectionKind: Int, Sendable, CaseIterable, Comparable {
    case overview = 1, proactive, applications, reviewLitigation, problems, other

    public static func < (a: SectionKind, b: SectionKind) -> Bool { a.rawValue < b.rawValue }

    /// The Chinese numeral of the part, 一 … 六.
    public var numeral: String { TemplateLabels.sectionNumerals[rawValue - 1] }
    /// The official title of the part.
    public var officialTitle: String { TemplateLabels.sectionTitles[rawValue - 1] }
    public var englishTitle: String { TemplateLabels.sectionTitlesEnglish[rawValue - 1] }
}
