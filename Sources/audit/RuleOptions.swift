import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

/// Options shared by the commands that load a rule set.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rule set: a name from rules/ (standard, strict) or a path to a .yaml file.")
    var rules: String = "standard"

    @Option(name: .long, help: "Language of findings and messages.")
    var lang: Language = .zh

    func loadRuleSet() throws -> RuleSet {
        try RuleSetLocator.load(rules)
    }
}

extension Language: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
extension PageMode: ExpressibleByArgument {}
