import AuditDocument
/// The check kinds a rule file can name, and the one registry that maps each to its type.
/// Adding a kind: its file in Checks/, a case here and an arm in `check` (the switch is
/// exhaustive, so the compiler reports a missing arm). Nothing else in the engine names kinds.
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

    /// The registry.
    var check: any Check.Type {
        switch self {
        case .requiredSections: return RequiredSectionsCheck.self
        case .statisticsPeriod: return StatisticsPeriodCheck.self
        case .feeDisclosure: return FeeDisclosureCheck.self
        case .tableBalance: return TableBalanceCheck.self
        case .narrativeReuse: return NarrativeReuseCheck.self
        case .narrativeNumbers: return NarrativeNumbersCheck.self
        case .reportDate: return ReportDateCheck.self
        case .problemsSubstance: return ProblemsSubstanceCheck.self
        case .pattern: return ContentPatternCheck.self
        case .staleYears: return StaleYearsCheck.self
        case .carryOver: return CarryOverCheck.self
        }
    }

    /// Kinds that compare reports with each other run after every report is prepared.
    public var isCorpusWide: Bool { check is any CorpusCheck.Type }

    public var variants: [VariantSpec] { check.variants }

    func parameters(_ params: [(key: String, value: YAMLValue)], ruleID: String, anchor: YAMLValue,
                    readFile: @escaping (String, String) -> RuleFileText?, issues: inout [RuleFileIssue]) -> RuleParameters {
        var reader = ParameterReader(params: params, ruleID: ruleID, anchor: anchor, readFile: readFile)
        let result = check.readParameters(&reader, kind: self)
        reader.finish()
        issues += reader.issues
        return result
    }

    /// The parameters in words, for `audit explain`.
    func describe(_ p: RuleParameters) -> String { check.describeParameters(p) }
}
