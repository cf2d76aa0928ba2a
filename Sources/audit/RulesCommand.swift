import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

extension Audit {
    struct ListRules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the shipped rule sets and their rules.")

        @Option(name: .long, help: "Language of the titles.")
        var lang: Language = .zh

        func run() throws {
            let language = lang
            let names = RuleSetLocator.shippedNames()
            if names.isEmpty { throw AuditError.usage("找不到规则集；请在项目文件夹中运行，或把 AUDIT_RULES_DIR 设为其 rules/ 文件夹。\n       no rule sets found; run from the project folder or set AUDIT_RULES_DIR to its rules/ folder.") }
            for name in names {
                let set = try RuleSetLocator.load(name)
                print("\(set.name) — \(set.description)")
                print("  files: \(set.files.joined(separator: ", "))")
                print("  grades: " + set.grades.map { "\($0.name) ≥ \(Int($0.minimum))" }.joined(separator: ", ") + "; unverifiable costs \(Format.score(set.unverifiablePoints))")
                for r in set.rules {
                    print("  \(r.id)  [\(r.kind.rawValue), \(r.severity.rawValue), ≤\(Format.score(r.points)) points, \(r.condition.summary)]  \(r.title.text(language))")
                }
                print("")
            }
        }
    }
}
