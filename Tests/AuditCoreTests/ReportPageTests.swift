import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Each report's page speaks the official's language: rule titles (ids only in a tooltip or
/// beside), findings grouped by the part of the report they are in.
@Suite("Report pages: rule titles, findings by section")
struct ReportPageTests {
    static func audit(_ seed: String, _ setName: String) throws -> (ReportAudit, RunInfo) {
        let set = try Project.ruleSet(setName)
        let reports = ["000", "001", "002", "003", "004"].map(Project.seed)
        let (audits, _) = AuditEngine.auditAll(reports, history: [], rules: set, language: .zh)
        let ranked = Ranking.rank(audits)
        let a = try #require(ranked.first { $0.file.hasPrefix(seed) })
        return (a, RunInfo(ruleSet: set, date: "2026-01-01", language: .zh))
    }

    @Test("a finding on a line inside one part names that part; a whole-report finding names none")
    func sectionOfFinding() throws {
        let (a, _) = try Self.audit("000", "strict")
        let numbering = try #require(a.findings.first { $0.rule == "sections.required" && $0.line != nil })
        #expect(numbering.section == .problems)
        let undated = try #require(a.findings.first { $0.rule == "report.dated" })
        #expect(undated.line == nil && undated.section == nil)
        for f in a.findings where f.rule == "narrative.reuse" { #expect(f.section == .overview) }
    }

    @Test("Markdown and HTML pages group findings by part, in part order, numbered down the page")
    func grouped() throws {
        let (a, run) = try Self.audit("000", "strict")
        let md = ReportMarkdown.render(a, run)
        let one = try #require(md.range(of: "### 第一部分 总体情况"))
        let five = try #require(md.range(of: "### 第五部分 存在的主要问题及改进情况"))
        let whole = try #require(md.range(of: "### 全文及其他"))
        #expect(one.lowerBound < five.lowerBound && five.lowerBound < whole.lowerBound)
        let numbers = md.split(separator: "\n").compactMap { line -> Int? in
            guard let dot = line.firstIndex(of: "."), line[line.startIndex] != "#" else { return nil }
            return Int(line[..<dot])
        }
        #expect(numbers == Array(1...a.findings.count))
        let html = HTMLReport.page(a, run, pages: [:])
        #expect(html.contains("<h3>第一部分 总体情况</h3>") && html.contains("<h3>全文及其他</h3>"))
    }

    @Test("rule titles in the chosen language, ids beside or in a tooltip")
    func titles() throws {
        let (a, run) = try Self.audit("000", "strict")
        let md = ReportMarkdown.render(a, run)
        #expect(md.contains("| 年度报告六个部分齐全 | `sections.required` | 不通过 |"))
        #expect(md.contains("**[警告] 注明日期且按期发布**（`report.dated`）"))
        let html = HTMLReport.page(a, run, pages: [:])
        #expect(html.contains("<strong title=\"report.dated\">注明日期且按期发布</strong>"))
        #expect(!html.contains("<code>report.dated</code>"))
        let index = HTMLReport.index([a], run, pages: [:])
        #expect(index.contains("<title>sections.required</title>年度报告六个部分齐全</text>"))
        var english = run
        english.language = .en
        #expect(ReportMarkdown.render(a, english).contains("| All six sections are present | `sections.required` |"))
        #expect(Format.ruleTitle("input.readable", run) == "文件能够读取")
        #expect(Format.ruleTitle("no.such.rule", run) == "no.such.rule")
    }
}
