import Testing
@testable import AuditCore
@testable import AuditDocument

/// The page-family suites audit small reports under a named rule set and read one rule's outcome.
protocol AuditsPages {}

extension AuditsPages {
    func audit(_ text: String, _ set: String = "standard") throws -> ReportAudit {
        AuditEngine.audit(ReportParser.parse(text: text, source: "x.txt"), rules: try Project.ruleSet(set), language: .zh)
    }

    func outcome(_ a: ReportAudit, _ rule: String) -> Outcome? { a.outcomes.first { $0.rule == rule }?.outcome }
}
