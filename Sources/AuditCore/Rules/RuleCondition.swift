import AuditDocument
/// When a rule applies: template versions and report years. A report whose template is unknown
/// is outside a condition that names templates; a report whose year is unknown is inside year
/// bounds (the year may simply not have been read).
public struct RuleCondition: Sendable, Equatable {
    public var templates: [TemplateVersion]?
    public var yearMin: Int?
    public var yearMax: Int?

    public static let always = RuleCondition(templates: nil, yearMin: nil, yearMax: nil)

    public func applies(to report: Report) -> Bool { applies(template: report.template, year: report.year) }

    public func applies(to report: ReleasedReport) -> Bool { applies(template: report.template, year: report.year) }

    func applies(template: TemplateVersion?, year: Int?) -> Bool {
        if let templates {
            guard let t = template, templates.contains(t) else { return false }
        }
        // A year bound excludes reports known to be outside it; an unknown year is no proof.
        if let y = year {
            if let lo = yearMin, y < lo { return false }
            if let hi = yearMax, y > hi { return false }
        }
        return true
    }

    public var summary: String {
        var parts: [String] = []
        if let templates { parts.append("template " + templates.map(\.rawValue).joined(separator: "/")) }
        if let yearMin { parts.append("year ≥ \(yearMin)") }
        if let yearMax { parts.append("year ≤ \(yearMax)") }
        return parts.isEmpty ? "always" : parts.joined(separator: ", ")
    }
}
