import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// A finding quotes the line as the report writes it, so that the agency finds it with a search:
/// the checks read folded text (，→, （→( “→"), the quote must not.
@Suite("Quotes as written")
struct SourceQuoteTests {
    @Test("a quote read from folded text is given back with the line's own characters")
    func foldedQuote() {
        #expect(SourceQuote.find("要求,指导推动(全县)\"行政机关\"", in: "我县认真落实要求，指导推动（全县）“行政机关”按规定收取费用。") == "要求，指导推动（全县）“行政机关”")
        // Spaces PDF extraction put inside a phrase are part of the written stretch.
        #expect(SourceQuote.find("2021年1月1日", in: "统计期限为 2021 年 1 月 1 日至") == "2021 年 1 月 1 日")
        #expect(SourceQuote.find("不在此行", in: "我县认真落实要求，指导推动") == nil)
    }

    @Test("strict: the fee finding quotes, as written, the sentence that gives the fee's facts")
    func feeFindingQuotesTheFacts() throws {
        let text = PageFamilyTests.report(six: "我县认真落实《政府信息公开信息处理费管理办法》要求，指导推动全县行政机关按规定收取费用。全县行政机关收取信息处理费共计380元，其中民政局1件，收取380元。")
        let a = AuditEngine.audit(ReportParser.parse(text: text, source: "x.txt"), rules: try Project.ruleSet("strict"), language: .zh)
        let f = try #require(a.findings.first { $0.rule == "fees.disclosed" })
        #expect(f.excerpt == "全县行政机关收取信息处理费共计380元，其中民政局1件，收取380元。")
        #expect(f.message.contains("共计380元，其中"))
        let line = try #require(f.line)
        #expect(text.components(separatedBy: "\n")[line - 1].contains(f.excerpt ?? "?"))
    }
}
