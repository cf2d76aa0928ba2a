/// A message variant a check kind can report, and the placeholders it fills.
public struct VariantSpec: Sendable {
    public var name: String
    public var placeholders: [String]
}

/// The outcome of one observation a check makes.
public enum Outcome: String, Sendable {
    case pass, fail, unverifiable
    /// The rule does not apply to this report (its condition, or e.g. the fee rule on a 2019 report).
    case notApplicable = "not_applicable"
}

/// One thing a check found: a failure with evidence, or a reason it could not verify.
public struct Observation: Sendable {
    public var outcome: Outcome
    /// The message variant (`missing`, `imbalance`, …); unverifiable observations use `reason`.
    public var variant: String
    public var values: [String: Localized]
    public var line: Int?
    public var excerpt: String?
    /// What this observation costs, when the check computes it (e.g. a share of reused text);
    /// nil means the rule's `points_each` or `points`.
    public var cost: Double?
    /// Other places that hold the same evidence (the other reports of a reused passage).
    public var sources: [SourceRef] = []
    /// Every source line the evidence touches (e.g. each cell of a broken identity).
    public var relatedLines: [Int] = []

    public init(_ outcome: Outcome, variant: String, values: [String: Localized] = [:], line: Int? = nil, excerpt: String? = nil) {
        self.outcome = outcome; self.variant = variant; self.values = values; self.line = line; self.excerpt = excerpt
    }

    /// A "could not verify" observation with its reason.
    public static func unverifiable(_ reason: Localized, line: Int? = nil, excerpt: String? = nil) -> Observation {
        Observation(.unverifiable, variant: "", values: ["reason": reason], line: line, excerpt: excerpt)
    }
}

/// What a check concluded about one report.
public struct CheckResult: Sendable {
    public var outcome: Outcome
    public var observations: [Observation]

    public static let pass = CheckResult(outcome: .pass, observations: [])
    public static let notApplicable = CheckResult(outcome: .notApplicable, observations: [])

    /// Fail if anything failed; else unverifiable if anything could not be verified; else pass.
    public static func from(_ observations: [Observation]) -> CheckResult {
        if observations.contains(where: { $0.outcome == .fail }) { return CheckResult(outcome: .fail, observations: observations) }
        if observations.contains(where: { $0.outcome == .unverifiable }) { return CheckResult(outcome: .unverifiable, observations: observations) }
        return CheckResult(outcome: .pass, observations: observations)
    }
}

/// Typed parameters of a rule, one case per check kind.
public enum RuleParameters: Sendable {
    case requiredSections(RequiredSectionsCheck.Parameters)
    case statisticsPeriod(StatisticsPeriodCheck.Parameters)
    case feeDisclosure(FeeDisclosureCheck.Parameters)
    case tableBalance(TableBalanceCheck.Parameters)
    case narrativeReuse(NarrativeReuseCheck.Parameters)
    case narrativeNumbers(NarrativeNumbersCheck.Parameters)
    case reportDate(ReportDateCheck.Parameters)
    case problemsSubstance(ProblemsSubstanceCheck.Parameters)
    case pattern(ContentPatternCheck.Parameters)
    case staleYears(StaleYearsCheck.Parameters)
    case carryOver(CarryOverCheck.Parameters)
}

/// The check kinds a rule file can name. Adding one: a file in Checks/, a case here, and the
/// compiler points at every switch that must learn it.
public enum CheckKind: String, Sendable, CaseIterable {
    case requiredSections = "required_sections"
    case statisticsPeriod = "statistics_period"
    case feeDisclosure = "fee_disclosure"
    case tableBalance = "table_balance"
    case narrativeReuse = "narrative_reuse"
    case narrativeNumbers = "narrative_numbers"
    case reportDate = "report_date"
    case problemsSubstance = "problems_substance"
    case pattern = "pattern"
    case staleYears = "stale_years"
    case carryOver = "carry_over"

    /// Kinds that compare reports with each other run after every report is prepared.
    public var isCorpusWide: Bool {
        switch self {
        case .narrativeReuse, .carryOver: return true
        case .requiredSections, .statisticsPeriod, .feeDisclosure, .tableBalance, .narrativeNumbers, .reportDate, .problemsSubstance, .pattern, .staleYears: return false
        }
    }

    public var variants: [VariantSpec] {
        switch self {
        case .requiredSections: return RequiredSectionsCheck.variants
        case .statisticsPeriod: return StatisticsPeriodCheck.variants
        case .feeDisclosure: return FeeDisclosureCheck.variants
        case .tableBalance: return TableBalanceCheck.variants
        case .narrativeReuse: return NarrativeReuseCheck.variants
        case .narrativeNumbers: return NarrativeNumbersCheck.variants
        case .reportDate: return ReportDateCheck.variants
        case .problemsSubstance: return ProblemsSubstanceCheck.variants
        case .pattern: return ContentPatternCheck.variants
        case .staleYears: return StaleYearsCheck.variants
        case .carryOver: return CarryOverCheck.variants
        }
    }

    func parameters(_ params: [(key: String, value: YAMLValue)], ruleID: String, anchor: YAMLValue,
                    readFile: @escaping (String, String) -> RuleFileText?, issues: inout [RuleFileIssue]) -> RuleParameters {
        var reader = ParameterReader(params: params, ruleID: ruleID, anchor: anchor, readFile: readFile)
        let result: RuleParameters
        switch self {
        case .requiredSections: result = .requiredSections(RequiredSectionsCheck.Parameters(&reader))
        case .statisticsPeriod: result = .statisticsPeriod(StatisticsPeriodCheck.Parameters(&reader))
        case .feeDisclosure: result = .feeDisclosure(FeeDisclosureCheck.Parameters(&reader))
        case .tableBalance: result = .tableBalance(TableBalanceCheck.Parameters(&reader))
        case .narrativeReuse: result = .narrativeReuse(NarrativeReuseCheck.Parameters(&reader))
        case .narrativeNumbers: result = .narrativeNumbers(NarrativeNumbersCheck.Parameters(&reader))
        case .reportDate: result = .reportDate(ReportDateCheck.Parameters(&reader))
        case .problemsSubstance: result = .problemsSubstance(ProblemsSubstanceCheck.Parameters(&reader))
        case .pattern: result = .pattern(ContentPatternCheck.Parameters(&reader))
        case .staleYears: result = .staleYears(StaleYearsCheck.Parameters(&reader))
        case .carryOver: result = .carryOver(CarryOverCheck.Parameters(&reader))
        }
        reader.finish()
        issues += reader.issues
        return result
    }
}

/// Runs the check a rule names on one report. Pure. Corpus-wide kinds give nil: the engine runs
/// them over all reports at once.
public enum CheckRunner {
    public static func evaluate(_ rule: RuleDefinition, on report: Report) -> CheckResult? {
        guard rule.condition.applies(to: report) else { return .notApplicable }
        switch rule.parameters {
        case .narrativeReuse, .carryOver: return nil
        case .requiredSections(let p): return RequiredSectionsCheck.evaluate(report, p)
        case .statisticsPeriod(let p): return StatisticsPeriodCheck.evaluate(report, p)
        case .feeDisclosure(let p): return FeeDisclosureCheck.evaluate(report, p)
        case .tableBalance(let p): return TableBalanceCheck.evaluate(report, p)
        case .narrativeNumbers(let p): return NarrativeNumbersCheck.evaluate(report, p)
        case .reportDate(let p): return ReportDateCheck.evaluate(report, p)
        case .problemsSubstance(let p): return ProblemsSubstanceCheck.evaluate(report, p)
        case .pattern(let p): return ContentPatternCheck.evaluate(report, p)
        case .staleYears(let p): return StaleYearsCheck.evaluate(report, p)
        }
    }
}

/// Reads a rule's `params`, remembering which keys were used so unknown ones can be reported.
struct ParameterReader {
    let params: [(key: String, value: YAMLValue)]
    let ruleID: String
    let anchor: YAMLValue
    var used: Set<String> = []
    var known: [String] = []
    var issues: [RuleFileIssue] = []
    /// Reads a data file a parameter names, relative to the rule file that names it.
    let readFile: (String, String) -> RuleFileText?

    init(params: [(key: String, value: YAMLValue)], ruleID: String, anchor: YAMLValue, readFile: @escaping (String, String) -> RuleFileText? = { _, _ in nil }) {
        self.params = params; self.ruleID = ruleID; self.anchor = anchor; self.readFile = readFile
    }

    mutating func value(_ key: String) -> YAMLValue? {
        known.append(key); used.insert(key)
        return params.last { $0.key == key }?.value
    }

    /// A string parameter that must be one of `choices`.
    mutating func choice(_ key: String, _ choices: [String], default def: String) -> String {
        guard let v = value(key) else { return def }
        guard let s = v.string, choices.contains(s) else {
            issues.append(v.issue("rule '\(ruleID)': '\(key)' must be one of \(choices.joined(separator: ", "))")); return def
        }
        return s
    }

    /// A number parameter within `range` (finite: `nan` and `inf` are not numbers here).
    mutating func number(_ key: String, default def: Double, in range: ClosedRange<Double>) -> Double {
        guard let v = value(key) else { return def }
        guard let n = v.number, range.contains(n) else {
            fail(v, "'\(key)' must be a number from \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))"); return def
        }
        return n
    }

    /// A whole-number parameter within `range`; checked before conversion, so no value traps.
    mutating func integer(_ key: String, default def: Int, in range: ClosedRange<Int>) -> Int {
        guard let v = value(key) else { return def }
        guard let n = v.number, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            fail(v, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)"); return def
        }
        return Int(n)
    }

    mutating func fail(_ node: YAMLValue?, _ message: String) {
        issues.append((node ?? anchor).issue("rule '\(ruleID)': \(message)"))
    }

    mutating func finish() {
        for (k, v) in params where !used.contains(k) {
            issues.append(v.issue(Suggest.unknownKey(k, known: known, in: "the params of rule '\(ruleID)'")))
        }
    }
}
