/// One expected row of a statistical table.
public struct RowSpec: Sendable {
    /// Stable name used in rule files (`new`, `carry_in`, `results_total`, …).
    public var id: String
    /// The label as printed in the template, for messages.
    public var label: String
    public var englishLabel: String
    /// The compact label core the parser matches (see `TemplateLabels.labelCore`).
    public var cores: [String]
    /// The group the row belongs to (`withheld`, `unavailable`, …), if any.
    public var group: String?
}
