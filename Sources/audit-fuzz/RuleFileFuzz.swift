import AuditCore
import AuditDocument
import Foundation

/// Rule files and phrase files as an office might write them, mistakes and all: loading must
/// give a rule set or errors with file and line, never a crash, and a rule set that loads must
/// audit a report (its patterns under their time budget) and run its own examples.
enum RuleFileFuzz {
    static let dir = ProcessInfo.processInfo.environment["AUDIT_RULES_DIR"] ?? "rules"
    /// The shipped files an input may name, read once.
    static let shipped: [String: String] = {
        var out: [String: String] = [:]
        for name in ["standard.yaml", "strict.yaml", "template-phrases.txt", "data/phrases.yaml"] {
            out[name] = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        return out
    }()
    static let report = ReportParser.parse(text: (try? String(contentsOfFile: dir + "/../examples/reports/003_bae77339b0aba9fa.txt", encoding: .utf8)) ?? "", source: "003.txt")

    static func resolve(_ name: String, _ from: String) -> RuleFileText? {
        let key = name.contains(".") ? name.replacingOccurrences(of: "./", with: "") : name + ".yaml"
        if key == "fuzz.yaml" { return nil }
        return shipped[key].map { RuleFileText(path: key, text: $0) }
    }

    static func run(_ data: Data) {
        ContentPatternCheck.patternBudget = 0.05
        guard let selector = data.first else { return }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        if selector % 4 == 3 {
            // As a phrase file, through the rule that names it.
            let phrases = RuleFileText(path: "data/phrases.yaml", text: text)
            _ = try? RuleSetLoader.load(RuleFileText(path: "standard.yaml", text: shipped["standard.yaml"] ?? "")) { name, from in
                name.hasSuffix("phrases.yaml") ? phrases : resolve(name, from)
            }
            return
        }
        let set: RuleSet
        do { set = try RuleSetLoader.load(RuleFileText(path: "fuzz.yaml", text: text), resolve: resolve) } catch let e as AuditError {
            // Every problem names the file; none is empty.
            for issue in e.issues where issue.file.isEmpty || issue.message.isEmpty { fatalError("an issue without file or message: \(issue)") }
            return
        } catch { fatalError("unexpected error type: \(error)") }
        _ = AuditEngine.auditAll([report], history: [], rules: set, language: .zh)
        for rule in set.rules {
            for example in (rule.examples.pass + rule.examples.fail).prefix(4) { _ = ExampleRunner.run(rule, in: set, example: String(example.prefix(2000))) }
        }
    }
}
