import Foundation
import Testing
import TestSupport
import Yams
@testable import AuditCore
@testable import AuditDocument

/// The real-world regression corpus: real reports in the shapes offices receive (flattened web
/// pages, PDF/OCR Markdown, HTML), each labelled by reading it (Corpus/labels), and the outcome
/// every rule must give derived from those labels (Corpus/expectations.yaml). Any deviation —
/// a false fail above all — fails the test.
@Suite("Real-world corpus")
struct RealWorldCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Expectation {
        var file: String
        var agency: String?
        var year: Int?
        var template: String?
        /// rule set -> rule -> (expected outcome, also accepted, evidence)
        var rules: [String: [String: (outcome: String, accept: [String], evidence: String)]]
    }

    static func expectations() throws -> [Expectation] {
        let text = try String(contentsOf: root.appendingPathComponent("Tests/RealWorldTests/Corpus/expectations.yaml"), encoding: .utf8)
        guard let list = try Yams.load(yaml: text) as? [[String: Any]] else { throw CorpusError("expectations.yaml is not a list") }
        return list.map { item in
            var rules: [String: [String: (String, [String], String)]] = [:]
            for set in ["standard", "strict"] {
                for (rule, value) in item[set] as? [String: Any] ?? [:] {
                    if let s = value as? String { rules[set, default: [:]][rule] = (s, [], "") }
                    else if let d = value as? [String: Any] {
                        rules[set, default: [:]][rule] = (d["outcome"] as? String ?? "?", d["accept"] as? [String] ?? [], d["evidence"] as? String ?? "")
                    }
                }
            }
            return Expectation(file: item["file"] as! String, agency: item["agency"] as? String, year: item["year"] as? Int,
                               template: item["template"] as? String, rules: rules)
        }
    }

    struct CorpusError: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    static func report(_ file: String) throws -> Report { try ProjectFiles.report(file) }

    static func ruleSet(_ name: String) throws -> RuleSet { try ProjectFiles.ruleSet(name) }

    @Test("every real report: agency, year and template as labelled")
    func metadata() throws {
        for e in try Self.expectations() {
            let r = try Self.report(e.file)
            #expect(r.agency == e.agency, "\(e.file)")
            #expect(r.year == e.year, "\(e.file)")
            #expect(r.template?.rawValue == e.template, "\(e.file)")
        }
    }

    @Test("every rule of both rule sets gives the labelled outcome on every real report", arguments: ["standard", "strict"])
    func outcomes(_ setName: String) throws {
        let expected = try Self.expectations()
        let set = try Self.ruleSet(setName)
        let reports = try expected.map { try Self.report($0.file) }
        let audits = AuditEngine.auditAll(reports, history: [], rules: set, language: .zh).audits
        var confusion: [String: [String: [String: Int]]] = [:]     // rule -> expected -> actual -> count
        var deviations: [String] = []
        for (e, audit) in zip(expected, audits) {
            for (rule, actual) in audit.outcomes {
                guard let want = e.rules[setName]?[rule] else { deviations.append("\(e.file): \(rule) has no expectation"); continue }
                confusion[rule, default: [:]][want.outcome, default: [:]][actual.rawValue, default: 0] += 1
                if actual.rawValue != want.outcome && !want.accept.contains(actual.rawValue) {
                    let findings = audit.findings.filter { $0.rule == rule }.map { "    · \($0.message)" }.joined(separator: "\n")
                    deviations.append("\(e.file) [\(setName)] \(rule): expected \(want.outcome) (\(want.evidence)), got \(actual.rawValue)\n\(findings)")
                }
            }
        }
        let table = Self.confusionTable(confusion, set: setName)
        print(table)
        for d in deviations { print("DEVIATION " + d) }
        if let out = ProcessInfo.processInfo.environment["AUDIT_CONFUSION_OUT"] {
            try? table.write(toFile: out + "-\(setName).md", atomically: true, encoding: .utf8)
        }
        #expect(deviations.isEmpty, Comment(rawValue: "\(deviations.count) deviation(s):\n" + deviations.joined(separator: "\n")))
    }

    /// Per rule: how many reports the labels call pass / fail / could-not-verify / not applicable,
    /// against what the audit said.
    static func confusionTable(_ c: [String: [String: [String: Int]]], set: String) -> String {
        let outcomes = ["pass", "fail", "unverifiable", "not_applicable"]
        var lines = ["| rule (\(set)) | labelled | audit pass | audit fail | audit could not verify | not applicable |", "|---|---|---:|---:|---:|---:|"]
        for rule in c.keys.sorted() {
            for want in outcomes {
                guard let row = c[rule]?[want] else { continue }
                lines.append("| \(rule) | \(want) | " + outcomes.map { String(row[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
