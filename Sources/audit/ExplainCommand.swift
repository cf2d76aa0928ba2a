import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

extension Audit {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule's purpose, basis, parameters and examples.")

        @OptionGroup var ruleOptions: RuleOptions

        @Argument(help: "A rule id, e.g. tables.balance.")
        var ruleID: String

        func run() throws {
            let set = try ruleOptions.loadRuleSet()
            guard let rule = set.rule(ruleID) else {
                let ids = set.rules.map(\.id)
                throw AuditError.usage("规则集“\(set.name)”中没有规则“\(ruleID)”；它的规则有：\(ids.joined(separator: "、"))。\n       rule set '\(set.name)' has no rule '\(ruleID)'; its rules are: \(ids.joined(separator: ", ")).")
            }
            print(RuleExplanation.render(rule, in: set, language: ruleOptions.lang))
        }
    }
}
