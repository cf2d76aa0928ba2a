import AuditDocument
/// Runs every example of every rule of a rule set, and every example of the phrase files its
/// rules name, as `audit test-rules` and the test suite do: an office checks its own rule file
/// without a Swift toolchain.
public enum RuleFileTester {
    public struct Result: Sendable {
        /// The rule id, or the phrase concept (`phrases.yaml fee.statement`).
        public var subject: String
        /// Where the example is written (`file:line`), or the phrase file.
        public var place: String
        public var expected: String
        public var actual: String
        public var text: String
        public var passed: Bool { expected == actual }
    }

    /// Results in rule-set order; `files`, when given, keeps only rules defined in those files
    /// (a local file's own rules, not those it inherits).
    public static func run(_ set: RuleSet, files: Set<String>? = nil) -> [Result] {
        var out: [Result] = []
        var books: [String: PhraseBook] = [:]
        for rule in set.rules {
            let file = String(rule.origin.prefix { $0 != ":" })
            if let files, !files.contains(file) { continue }
            for ex in rule.examples.all {
                let actual = ExampleRunner.run(rule, in: set, example: ex.text).outcome
                out.append(Result(subject: rule.id, place: ex.place, expected: ex.expected.rawValue, actual: actual.rawValue, text: ex.text))
            }
            for book in [rule.parameters.of(FeeDisclosureCheck.Parameters.self)?.phrases, rule.parameters.of(StatisticsPeriodCheck.Parameters.self)?.phrases] {
                if let book { books[book.file] = book }
            }
        }
        for file in books.keys.sorted() {
            let book = books[file]!
            for name in book.concepts.keys.sorted() {
                guard let concept = book.concept(name) else { continue }
                for text in concept.match {
                    out.append(Result(subject: name, place: file, expected: "match", actual: book.matches(name, text: text) ? "match" : "no_match", text: text))
                }
                for text in concept.noMatch {
                    out.append(Result(subject: name, place: file, expected: "no_match", actual: book.matches(name, text: text) ? "match" : "no_match", text: text))
                }
            }
        }
        return out
    }
}
