import AuditDocument
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

extension Check {
    static var variants: [VariantSpec] { Variant.allCases.map { VariantSpec(name: $0.rawValue, placeholders: $0.placeholders) } }

    /// The rule's parameters as this check's type (they were read by this check).
    static func typed(_ p: RuleParameters) -> Parameters { p.value as! Parameters }

    static func readParameters(_ reader: inout ParameterReader, kind: CheckKind) -> RuleParameters {
        RuleParameters(kind: kind, value: parameters(&reader))
    }

    static func describeParameters(_ p: RuleParameters) -> String { describe(typed(p)) }
}
