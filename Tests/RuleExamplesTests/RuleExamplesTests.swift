import Foundation
import Testing
import TestSupport
@testable import AuditCore
@testable import AuditDocument

/// Every example of every rule in every shipped rule set: `pass` must pass, `fail` must fail,
/// `unverifiable` must be unverifiable. The examples are the rules' documentation and tests.
struct RuleExample: Sendable, CustomTestStringConvertible {
    var set: String, rule: String, expected: Outcome, index: Int, text: String
    var testDescription: String { "\(set) \(rule) \(expected.rawValue) #\(index + 1)" }
}

enum ShippedRules {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")

    static func load(_ name: String) throws -> RuleSet { try ProjectFiles.ruleSet(name) }

    /// The shipped sets in rules/ and the example sets in rules/examples/.
    static var setNames: [String] {
        func names(_ sub: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.map { (sub.isEmpty ? "" : sub + "/") + String($0.dropLast(5)) }
        }
        return (names("") + names("examples")).sorted()
    }

    static var examples: [RuleExample] {
        var out: [RuleExample] = []
        for name in setNames {
            guard let set = try? load(name) else { continue }
            for rule in set.rules {
                for (expected, list) in [(Outcome.pass, rule.examples.pass), (.fail, rule.examples.fail), (.unverifiable, rule.examples.unverifiable)] {
                    for (i, t) in list.enumerated() { out.append(RuleExample(set: name, rule: rule.id, expected: expected, index: i, text: t)) }
                }
            }
        }
        return out
    }
}

@Suite("Rule examples")
struct RuleExamplesTests {
    @Test("every shipped rule set loads", arguments: ShippedRules.setNames)
    func loads(name: String) throws {
        let set = try ShippedRules.load(name)
        #expect(!set.rules.isEmpty)
        #expect(set.rules.allSatisfy { !$0.examples.pass.isEmpty && !$0.examples.fail.isEmpty })
    }

    @Test("there are examples to run")
    func nonEmpty() {
        #expect(ShippedRules.examples.count >= 16)
    }

    @Test("example gives its expected outcome", arguments: ShippedRules.examples)
    func example(_ ex: RuleExample) throws {
        let set = try ShippedRules.load(ex.set)
        let rule = try #require(set.rule(ex.rule))
        let result = ExampleRunner.run(rule, in: set, example: ex.text)
        #expect(result.outcome == ex.expected, "\(ex.testDescription): got \(result.outcome) \(result.observations.map { $0.variant + " " + ($0.values["reason"]?.zh ?? "") })")
        if ex.expected == .fail {
            // A failing example must produce a finding with a message, as a user would see it.
            var expired: [Exemption] = []
            let findings = Scoring.findings(result, rule: rule, set: set, language: .zh, expired: &expired)
            #expect(findings.contains { $0.outcome == .fail && !$0.message.isEmpty && !$0.message.contains("{") })
        }
    }
}

@Suite("Phrase files")
struct PhraseFileTests {
    /// Every phrase book a shipped rule names.
    static var books: [PhraseBook] {
        var out: [String: PhraseBook] = [:]
        for name in ShippedRules.setNames {
            guard let set = try? ShippedRules.load(name) else { continue }
            for rule in set.rules {
                for book in [rule.parameters.of(FeeDisclosureCheck.Parameters.self)?.phrases, rule.parameters.of(StatisticsPeriodCheck.Parameters.self)?.phrases] {
                    if let book { out[book.file] = book }
                }
            }
        }
        return out.keys.sorted().map { out[$0]! }
    }

    @Test("each concept's examples: every `match` is found, no `no_match` is")
    func examples() throws {
        let books = Self.books
        #expect(!books.isEmpty)
        for book in books {
            for name in book.concepts.keys.sorted() {
                let concept = try #require(book.concept(name))
                #expect(!concept.match.isEmpty, "\(name) has no match examples")
                for text in concept.match { #expect(book.matches(name, text: text), "\(book.file) \(name) should match: \(text)") }
                for text in concept.noMatch { #expect(!book.matches(name, text: text), "\(book.file) \(name) should not match: \(text)") }
            }
        }
    }
}
