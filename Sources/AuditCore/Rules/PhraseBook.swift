import AuditDocument
import Foundation
import Yams

/// Accepted phrasings by concept (`fee.statement`, `period.markers`, …), from the YAML phrase
/// file a rule names (`phrase_file`): the ways real reports say "no fee was charged" or state
/// their statistics period are data, each with examples that must and must not match.
public struct PhraseBook: @unchecked Sendable {
    /// One pattern and a literal every match contains (only the text around it is scanned).
    public struct Phrase {
        public var anchor: String
        public var source: String
        var re: NSRegularExpression
    }

    public struct Concept {
        public var name: String
        public var phrases: [Phrase]
        public var match: [String]
        public var noMatch: [String]
        /// The longest match any phrase of the concept can have, for the scanning window.
        var reach = 80
    }

    public var file: String
    public var concepts: [String: Concept]

    /// `{year}` in a pattern stands for a four-digit year that the check compares with the report's.
    static let yearPlaceholder = "{year}"

    public func concept(_ name: String) -> Concept? { concepts[name] }

    /// Every match of the concept's patterns in a compact text, in text order.
    func matches(_ name: String, in joined: JoinedText) -> [NSTextCheckingResult] {
        guard let c = concepts[name] else { return [] }
        var out: [NSTextCheckingResult] = []
        for p in c.phrases where joined.text.has(p.anchor) { out += joined.matches(p.re, near: [p.anchor], before: c.reach, after: c.reach) }
        return out.sorted { ($0.range.location, $0.range.length) < ($1.range.location, $1.range.length) }
    }

    /// Whether any pattern of the concept matches anywhere in the text: stops at the first.
    func occurs(_ name: String, in joined: JoinedText) -> Bool {
        guard let c = concepts[name] else { return false }
        for p in c.phrases where joined.text.has(p.anchor) {
            if !joined.matches(p.re, near: [p.anchor], before: c.reach, after: c.reach).isEmpty { return true }
        }
        return false
    }

    /// Whether any pattern of the concept matches a short compact text (examples, one sentence).
    public func matches(_ name: String, text: String) -> Bool {
        guard let c = concepts[name] else { return false }
        let compact = TextNormalizer.compact(text)
        let range = NSRange(location: 0, length: (compact as NSString).length)
        return c.phrases.contains { $0.re.firstMatch(in: compact, range: range) != nil }
    }

    /// Reads a phrase file; every problem is reported with file and line. `required` names the
    /// concepts the rule's check uses.
    static func load(_ file: RuleFileText, required: [String]) -> (PhraseBook?, [RuleFileIssue]) {
        var issues: [RuleFileIssue] = []
        let root: Node?
        do { root = try Yams.compose(yaml: file.text) } catch {
            return (nil, [RuleFileIssue(file: file.path, line: nil, column: nil, message: "not valid YAML: \(error)")])
        }
        guard let top = root.map({ YAMLValue(node: $0, file: file.path) }), let groups = top.entries else {
            return (nil, [RuleFileIssue(file: file.path, line: 1, column: 1, message: "a phrase file is a mapping of groups (fee:, period:) to concepts")])
        }
        var concepts: [String: Concept] = [:]
        for (group, _, groupValue) in groups {
            guard let entries = groupValue.entries else { issues.append(groupValue.issue("'\(group)' must map concept names to their patterns")); continue }
            for (name, nameNode, value) in entries {
                let full = "\(group).\(name)"
                guard let fields = value.entries else { issues.append(value.issue("concept '\(full)' must have 'patterns' (and 'match', 'no_match' examples)")); continue }
                var concept = Concept(name: full, phrases: [], match: [], noMatch: [])
                for (key, keyNode, v) in fields {
                    switch key {
                    case "patterns":
                        for item in v.items ?? [] {
                            guard let e = item.entries, let anchor = e.first(where: { $0.key == "anchor" })?.value.string,
                                  let pattern = e.first(where: { $0.key == "pattern" })?.value.string, !anchor.isEmpty else {
                                issues.append(item.issue("a pattern is { anchor: a literal every match contains, pattern: a regular expression }")); continue
                            }
                            for (k, kn, _) in e where k != "anchor" && k != "pattern" { issues.append(kn.issue(Suggest.unknownKey(k, known: ["anchor", "pattern"], in: "a pattern"))) }
                            let expanded = pattern.replacingOccurrences(of: yearPlaceholder, with: "(?<year>\\d{4})")
                            do {
                                let re = try NSRegularExpression(pattern: expanded)
                                if let problem = RegexSafety.problem(expanded, re) {
                                    issues.append(item.issue("pattern '\(pattern)' \(problem)")); continue
                                }
                                concept.phrases.append(Phrase(anchor: TextNormalizer.compact(anchor), source: pattern, re: re))
                            } catch {
                                issues.append(item.issue("'\(pattern)' is not a valid regular expression: \(error.localizedDescription)"))
                            }
                        }
                    case "match": concept.match = v.strings ?? []
                    case "no_match": concept.noMatch = v.strings ?? []
                    default: issues.append(keyNode.issue(Suggest.unknownKey(key, known: ["patterns", "match", "no_match"], in: "concept '\(full)'")))
                    }
                }
                if concept.phrases.isEmpty { issues.append(nameNode.issue("concept '\(full)' has no usable pattern")) }
                concepts[full] = concept
            }
        }
        for name in required where concepts[name] == nil {
            issues.append(RuleFileIssue(file: file.path, line: nil, column: nil, message: "the phrase file has no concept '\(name)', which the rule needs"))
        }
        return (issues.isEmpty ? PhraseBook(file: file.path, concepts: concepts) : nil, issues)
    }
}

extension ParameterReader {
    /// The phrase file named by `phrase_file` (beside the rule file), with the concepts a check needs.
    mutating func phraseBook(required: [String]) -> PhraseBook? {
        guard let node = value("phrase_file") else {
            fail(nil, "'params: phrase_file' is required: the file of accepted phrasings (e.g. phrases.yaml)"); return nil
        }
        guard let name = node.string, let text = readFile(name, node.file) else {
            fail(node, "phrase_file '\(node.string ?? "")' was not found beside the rule file"); return nil
        }
        if let why = text.unreadable { fail(node, "phrase_file: \(why)"); return nil }
        let (book, problems) = PhraseBook.load(text, required: required)
        issues += problems
        return book
    }
}
