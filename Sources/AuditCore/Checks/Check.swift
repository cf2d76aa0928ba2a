/// A check kind: how its parameters are read from a rule's `params`, which message variants it
/// reports, and how `audit explain` describes its parameters. A kind is one type in one file of
/// Checks/, conforming to `ReportCheck` or `CorpusCheck`, plus its case in `CheckKind` and its
/// arm in `CheckKind.check`; the compiler points at the arm when it is missing.
protocol Check {
    associatedtype Parameters: Sendable
    associatedtype Variant: CheckVariant
    /// Reads the parameters; problems go to the reader, with file and line.
    static func parameters(_ reader: inout ParameterReader) -> Parameters
    /// The parameters in one line (or a few), for `audit explain`.
    static func describe(_ parameters: Parameters) -> String
}

/// A check's message variants: the names a rule file's `message:` uses, each with the
/// placeholders the check fills in.
protocol CheckVariant: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    var placeholders: [String] { get }
}

/// A check that judges one report on its own; it runs in parallel, report by report.
protocol ReportCheck: Check {
    static func evaluate(_ report: Report, _ parameters: Parameters) -> CheckResult
}

/// A check that compares reports with each other or with earlier years' reports: it runs once
/// every report is prepared, and stores its result in each prepared report.
protocol CorpusCheck: Check {
    static func evaluate(_ prepared: inout [PreparedReport], rule: RuleDefinition, at ruleIndex: Int, _ parameters: Parameters,
                         context: CorpusContext) -> [ReuseCluster]
    /// Rows of table 三 the check reads after a report's text is released (the rest are dropped).
    static var rowsKept: Set<String> { get }
    /// In a rule's examples, the documents after the first are earlier years' reports (not peers).
    static var examplesCompareWithHistory: Bool { get }
}

/// What a corpus-wide check gets besides the prepared reports.
struct CorpusContext {
    /// Earlier years' reports (`--history`).
    var history: [HistoryReport]
    /// Rebuilds the narrative of prepared report `i`, whose text was released.
    var reload: (Int, Report) -> NarrativeDocument?
}

extension Check {
    static var variants: [VariantSpec] { Variant.allCases.map { VariantSpec(name: $0.rawValue, placeholders: $0.placeholders) } }

    /// The rule's parameters as this check's type (they were read by this check).
    static func typed(_ p: RuleParameters) -> Parameters { p.value as! Parameters }

    static func readParameters(_ reader: inout ParameterReader, kind: CheckKind) -> RuleParameters {
        RuleParameters(kind: kind, value: parameters(&reader))
    }

    static func describeParameters(_ p: RuleParameters) -> String { describe(typed(p)) }
}

extension ReportCheck {
    static func run(_ report: Report, _ p: RuleParameters) -> CheckResult { evaluate(report, typed(p)) }
}

extension CorpusCheck {
    static func run(_ prepared: inout [PreparedReport], rule: RuleDefinition, at ruleIndex: Int, context: CorpusContext) -> [ReuseCluster] {
        evaluate(&prepared, rule: rule, at: ruleIndex, typed(rule.parameters), context: context)
    }
}

/// A rule's parameters, as read by its check kind.
public struct RuleParameters: Sendable {
    public let kind: CheckKind
    let value: any Sendable

    /// The parameters as `type` (e.g. `NarrativeReuseCheck.Parameters.self`), when the rule is of that kind.
    public func of<P>(_ type: P.Type) -> P? { value as? P }
}

/// Runs the check a rule names on one report. Pure. Corpus-wide kinds give nil: the engine runs
/// them over all reports at once.
public enum CheckRunner {
    public static func evaluate(_ rule: RuleDefinition, on report: Report) -> CheckResult? {
        guard rule.condition.applies(to: report) else { return .notApplicable }
        guard let check = rule.kind.check as? any ReportCheck.Type else { return nil }
        return check.run(report, rule.parameters)
    }
}
