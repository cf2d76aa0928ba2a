import AuditCore
import AuditDocument
import Foundation
import Testing
import TestSupport

/// Real saved web pages (the CMS's whole HTML: site menus, breadcrumbs, the report with its
/// tables, a long footer) of reports whose text crawls are in the corpus: each must audit like
/// its crawl — same agency, year, template, publication date and outcome of every rule — so the
/// site around a report never changes what is said about it.
@Suite("Saved web pages audit like their text crawls")
struct PageFormTests {
    static let pairs = [
        ("pages/pingtan-2019-committee-80576.html", "reports/more/pingtan-2019-committee-80576.txt"),
        ("pages/pingtan-2021-finance-80600.html", "reports/more/pingtan-2021-finance-80600.txt"),
        ("pages/pingtan-2023-finance-86688.html", "reports/more/pingtan-2023-finance-86688.txt"),
    ]

    @Test("same metadata and outcomes", arguments: pairs.map { $0.0 })
    func samePage(_ page: String) throws {
        let crawl = Self.pairs.first { $0.0 == page }!.1
        let base = "Tests/RealWorldTests/Corpus/"
        let html = try ProjectFiles.report(base + page), text = try ProjectFiles.report(base + crawl)
        #expect(html.agency == text.agency && html.year == text.year && html.template == text.template)
        #expect(html.publicationDate.map { ($0.year, $0.month, $0.day) } ?? (0, 0, 0) == text.publicationDate.map { ($0.year, $0.month, $0.day) } ?? (0, 0, 0))
        for set in ["standard", "strict"] {
            let rules = try ProjectFiles.ruleSet(set)
            let a = AuditEngine.audit(html, rules: rules, language: .zh), b = AuditEngine.audit(text, rules: rules, language: .zh)
            for ((rule, x), (_, y)) in zip(a.outcomes, b.outcomes) {
                #expect(x == y, "\(set) \(rule): page \(x.rawValue), crawl \(y.rawValue): \(a.findings.filter { $0.rule == rule }.map(\.message))")
            }
        }
    }
}
