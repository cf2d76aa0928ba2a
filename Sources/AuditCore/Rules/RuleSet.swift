/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable {
    case error, warning, info
}

/// When a rule applies: template versions and report years. A report whose template is unknown
/// is outside a condition that names templates; a report whose year is unknown is inside year
/// bounds (the year may simply not have been read).
public struct RuleCondition: Sendable, Equatable {
    public var templates: [TemplateVersion]?
    public var yearMin: Int?
    public var yearMax: Int?

    public static let always = RuleCondition(templates: nil, yearMin: nil, yearMax: nil)

    public func applies(to report: Report) -> Bool {
        if let templates {
            guard let t = report.template, templates.contains(t) else { return false }
        }
        // A year bound excludes reports known to be outside it; an unknown year is no proof.
        if let y = report.year {
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

/// One message variant of a rule: the text of a finding in both languages, and optionally its own
/// severity and per-finding deduction (e.g. irregular numbering is a warning worth less).
public struct MessageVariant: Sendable {
    public var zh: String
    public var en: String
    public var severity: Severity?
    public var pointsEach: Double?

    public func render(_ language: Language, _ values: [String: Localized]) -> String {
        var text = language == .en ? en : zh
        for (k, v) in values.sorted(by: { $0.key < $1.key }) {
            text = text.replacingIfPresent("{\(k)}", with: v.text(language))
        }
        return text
    }
}

/// Short report snippets that must pass or fail the rule; the test suite runs them all.
public struct RuleExamples: Sendable {
    public var pass: [String] = []
    public var fail: [String] = []
    public var unverifiable: [String] = []
    /// Where each example stands in its rule file (`file:line`), by expected outcome, in order.
    public var places: [Outcome: [String]] = [:]
    public var isEmpty: Bool { pass.isEmpty && fail.isEmpty && unverifiable.isEmpty }

    /// Every example with the outcome it must give and where it is written.
    public var all: [(expected: Outcome, text: String, place: String)] {
        [(Outcome.pass, pass), (.fail, fail), (.unverifiable, unverifiable)].flatMap { outcome, texts in
            texts.enumerated().map { (outcome, $1, places[outcome]?[safe: $0] ?? "") }
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// A rule instance as written in a rule file: which check, how severe, how many points, with
/// which parameters and messages.
public struct RuleDefinition: Sendable {
    public var id: String
    public var kind: CheckKind
    public var severity: Severity
    /// The most this rule can deduct from a report.
    public var points: Double
    /// Deduction per failing finding (e.g. per missing section); nil means the full `points`.
    public var pointsEach: Double?
    /// Deduction when the rule cannot be verified; nil means the rule set's default.
    public var unverifiablePoints: Double?
    public var parameters: RuleParameters
    public var messages: [String: MessageVariant]
    public var title: Localized
    public var basis: String
    public var condition: RuleCondition
    public var examples: RuleExamples
    /// Where the rule was (last) defined: `file:line`.
    public var origin: String
}

/// A grade band: a report with at least `minimum` points gets `name`.
public struct GradeBand: Sendable, Equatable {
    public var name: String
    public var minimum: Double
}

/// A loaded, validated rule set with its inheritance resolved.
public struct RuleSet: Sendable {
    public var name: String
    public var description: String
    public var grades: [GradeBand]
    /// Default deduction for a rule that applies but cannot be verified.
    public var unverifiablePoints: Double
    public var rules: [RuleDefinition]
    /// The files read, the set itself last.
    public var files: [String]

    public func rule(_ id: String) -> RuleDefinition? { rules.first { $0.id == id } }

    public func grade(for score: Double) -> String {
        for band in grades.sorted(by: { $0.minimum > $1.minimum }) where score >= band.minimum { return band.name }
        return grades.min(by: { $0.minimum < $1.minimum })?.name ?? ""
    }
}
