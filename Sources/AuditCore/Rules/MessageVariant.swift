import AuditDocument
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
