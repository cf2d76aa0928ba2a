import AuditDocument
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
