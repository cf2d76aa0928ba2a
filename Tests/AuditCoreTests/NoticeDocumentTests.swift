import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// The draft 通报: read back with the project's own .docx reader, it says what was audited, ranks
/// every report, lists each agency's problems with their evidence, and is the same bytes each time.
@Suite("notice.docx, the draft 通报")
struct NoticeDocumentTests {
    static func audited(_ setName: String) throws -> ([ReportAudit], RunInfo) {
        let set = try Project.ruleSet(setName)
        let reports = ["000", "001", "002", "003", "004"].map(Project.seed)
        let (audits, _) = AuditEngine.auditAll(reports, history: [], rules: set, language: .zh)
        return (Ranking.rank(audits), RunInfo(ruleSet: set, date: "2026-03-01", language: .zh))
    }

    @Test("title, what was audited, the grades, every report ranked, each agency's problems with evidence")
    func content() throws {
        let (ranked, run) = try Self.audited("strict")
        let data = try NoticeDocument.docx(ranked, run, options: .init(issuer: "某某区政务公开办"))
        let text = try DocxText.text(fromDOCX: data)
        #expect(text.contains("关于2021年度政府信息公开工作年度报告审核情况的通报（草稿）"))
        #expect(text.contains("某某区政务公开办于2026年3月1日对5份2021年度政府信息公开工作年度报告进行了审核（规则集：strict）"))
        for heading in ["一、总体情况", "二、审核排名", "三、存在的主要问题", "四、工作要求"] { #expect(text.contains(heading), "\(heading)") }
        // The ranking: one table row per report, in rank order, with score and grade.
        let rows = text.split(separator: "\n").filter { $0.contains("\t") }
        #expect(rows.count == ranked.count + 1)
        for (row, a) in zip(rows.dropFirst(), ranked) {
            #expect(row.hasPrefix("\(a.rank)\t\(a.displayName)\t\(a.year.map(String.init) ?? "—")\t\(Format.number(a.score))\t\(a.grade)"), "\(row)")
        }
        // Every agency with a problem has its part, its problems named by rule title, with the line.
        for a in ranked where a.findings.contains(where: { $0.outcome == .fail }) {
            #expect(text.contains("\(a.displayName)（\(Format.number(a.score))分，\(a.grade)）"), "\(a.displayName)")
            let costliest = a.findings.filter { $0.outcome == .fail }.max { $0.deduction < $1.deduction }!
            #expect(text.contains(Format.ruleTitle(costliest.rule, run) + "：" + costliest.message), "\(costliest.message)")
        }
        #expect(text.contains("第五部分标题编号不规范") && text.contains("第521行"))
        #expect(text.hasSuffix("某某区政务公开办\n2026年3月1日") || text.contains("某某区政务公开办\n2026年3月1日"))
    }

    @Test("a file that is no report (or unreadable) is named, not counted, ranked or listed with problems as a report")
    func filesThatAreNoReports() throws {
        let (ranked, run) = try Self.audited("strict")
        let notice = AuditEngine.audit(ReportParser.parse(text: "关于报送2021年政府信息公开工作年度报告的函\n县政务公开办：\n现将我局报告随文报送。\n", source: "报送函.txt"),
                                       rules: run.ruleSet, language: .zh)
        #expect(notice.status == .notReport)
        let all = Ranking.rank(ranked + [notice])
        let text = try DocxText.text(fromDOCX: try NoticeDocument.docx(all, run))
        #expect(text.contains("对5份2021年度政府信息公开工作年度报告进行了审核") && text.contains("本次共审核报告5份"))
        #expect(text.contains("另有1个文件无法读取或不是年度报告（报送函.txt），未计入审核和排名"))
        #expect(text.split(separator: "\n").filter { $0.contains("\t") }.count == 6)
        #expect(!text.contains("报送函.txt（0分"))
    }

    @Test("the same run gives the same bytes; a mixed batch names no year; text is escaped")
    func deterministic() throws {
        let (ranked, run) = try Self.audited("standard")
        #expect(try NoticeDocument.docx(ranked, run) == NoticeDocument.docx(ranked, run))
        var mixed = ranked
        for i in mixed.indices { mixed[i].year = 2019 + i }
        mixed[0].agency = "A&B<局>"
        let text = try DocxText.text(fromDOCX: NoticeDocument.docx(mixed, run))
        #expect(text.contains("关于政府信息公开工作年度报告审核情况的通报（草稿）"))
        #expect(text.contains("A&B<局>"))
        #expect(text.contains("××政务公开办"))
    }
}
