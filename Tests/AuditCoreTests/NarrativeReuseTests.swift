import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Indexes seen from several threads (documents are rebuilt on every core).
final class Rebuilt: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ i: Int) { lock.lock(); seen.append(i); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return seen.sorted() }
}

@Suite("narrative.reuse")
struct NarrativeReuseTests {
    static let copied = "在政务公开工作中，我们注重创新思路，做到“四个结合”：一是把政务公开与目标考核相结合；二是把政务公开与社会服务承诺相结合；三是把政务公开与开展行风评议相结合；四是把政务公开与党风廉政建设相结合。"

    func parameters(_ set: String = "standard") throws -> NarrativeReuseCheck.Parameters {
        guard let p = try Project.ruleSet(set).rule("narrative.reuse")?.parameters.of(NarrativeReuseCheck.Parameters.self) else { throw TableFixture.FixtureError() }
        return p
    }

    func report(_ agency: String, _ year: Int, _ body: String, section: String = "一、总体情况") -> Report {
        ReportParser.parse(text: "\(agency)\(year)年政府信息公开工作年度报告\n\(section)\n\(body)\n", source: "\(agency)-\(year).txt")
    }

    func run(_ reports: [Report], history: [Report] = []) throws -> [CheckResult] {
        let p = try parameters()
        return NarrativeReuseCheck.evaluate(reports.map { p.settings.document($0) }, history: history.map { p.settings.document($0) }, p).results
    }

    @Test("reports whose text was released are rebuilt from their lines only when a pair needs them, with the same findings")
    func releasedText() throws {
        let rules = try Project.ruleSet("standard")
        let reports = [report("甲镇", 2021, "本镇情况。\n" + Self.copied), report("乙镇", 2021, Self.copied),
                       report("丙镇", 2021, "本镇聚焦老旧小区改造和社区养老服务，通过社区公告栏公开办事指南，群众满意度明显提升。")]
        var inMemory = reports.map { AuditEngine.prepare($0, rules: rules) }
        _ = AuditEngine.runCorpusRules(&inMemory, history: [], rules: rules)
        var released = reports.map { AuditEngine.prepare($0, rules: rules) }
        for i in released.indices { released[i].releaseText() }
        #expect(released.allSatisfy { $0.report == nil && $0.narrative == nil && $0.sketch != nil })
        let rebuilt = Rebuilt()
        _ = AuditEngine.runCorpusRules(&released, history: [], rules: rules) { i, report in
            rebuilt.add(i)
            return AuditEngine.narrativeDocument(report, lines: reports[i].lines, rules: rules)
        }
        #expect(rebuilt.all == [0, 1])   // 丙镇 shares nothing: never rebuilt
        let ri = try #require(rules.rules.firstIndex { $0.id == "narrative.reuse" })
        for i in reports.indices {
            #expect(released[i].results[ri]?.outcome == inMemory[i].results[ri]?.outcome)
            #expect(released[i].results[ri]?.observations.map(\.excerpt) == inMemory[i].results[ri]?.observations.map(\.excerpt))
            #expect(released[i].results[ri]?.observations.map(\.line) == inMemory[i].results[ri]?.observations.map(\.line))
        }
        #expect(inMemory[0].results[ri]?.outcome == .fail)
        // A report that cannot be rebuilt (its file changed) is "could not verify", not a pass.
        var changed = reports.map { AuditEngine.prepare($0, rules: rules) }
        for i in changed.indices { changed[i].releaseText() }
        _ = AuditEngine.runCorpusRules(&changed, history: [], rules: rules) { i, report in
            i == 1 ? nil : AuditEngine.narrativeDocument(report, lines: reports[i].lines, rules: rules)
        }
        #expect(changed[1].results[ri]?.outcome == .unverifiable)
        #expect(changed[0].results[ri]?.outcome == .pass)
    }

    @Test("normalization folds width, spacing, punctuation and digits")
    func normalization() {
        #expect(ReuseSettings.normalize("２０２１年，政务 公开！") == ReuseSettings.normalize("2022年政务公开"))
        #expect(ReuseSettings.normalize("ＡＢ c") == ReuseSettings.normalize("abc"))
    }

    @Test("an exact copy is found in both reports, with the other report's line")
    func exactCopy() throws {
        let r = try run([report("甲镇", 2021, "本镇情况。\n" + Self.copied), report("乙镇", 2021, Self.copied)])
        #expect(r[0].outcome == .fail && r[1].outcome == .fail)
        let o = try #require(r[0].observations.first)
        #expect(o.line == 4)
        #expect(o.sources == [SourceRef(file: "乙镇-2021.txt", line: 3)])
        #expect(o.values["others"]?.zh == "乙镇")
        #expect(o.excerpt?.contains("四个结合") == true)
        #expect((o.cost ?? 0) > 0)
    }

    @Test("a copy with small edits (四个/三个结合, 现在是我们/现在我们) still matches, with its similarity")
    func editedCopy() throws {
        let edited = Self.copied.replacingOccurrences(of: "四个结合", with: "三个结合").replacingOccurrences(of: "开展行风评议", with: "行风评议工作")
        let r = try run([report("甲镇", 2021, Self.copied), report("乙镇", 2021, edited)])
        #expect(r[0].outcome == .fail)
        let similarity = Int(r[0].observations.first?.values["similarity"]?.zh ?? "0") ?? 0
        #expect(similarity >= 80 && similarity < 100)
    }

    @Test("agency name and year substituted still match")
    func substituted() throws {
        let a = "2021年，甲镇" + Self.copied + "甲镇将继续加强政务公开工作。"
        let b = "2022年，乙街道" + Self.copied + "乙街道将继续加强政务公开工作。"
        #expect(try run([report("甲镇", 2021, a), report("乙街道", 2022, b)])[0].outcome == .fail)
    }

    @Test("template wording shared by every report is not reuse")
    func template() throws {
        let boiler = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕30号）要求编制本报告。本年度报告中所列数据统计期限为2021年1月1日至12月31日。本年度报告的电子版可以在本市人民政府门户网站政府信息公开专栏查阅下载，如对本报告有任何疑问，请与本机关联系，电话12345678。"
        let r = try run([report("甲镇", 2021, boiler + "\n本镇围绕乡村振兴公开惠农补贴。"), report("乙镇", 2021, boiler + "\n本镇聚焦安全生产公开检查结果。")])
        #expect(r.allSatisfy { $0.outcome == .pass })
        // Table labels never count either.
        let t1 = TableFixture.report(TableFixture.balanced()), t2 = TableFixture.report(TableFixture.balanced())
        #expect(try run([t1, t2]).allSatisfy { $0.outcome == .pass })
    }

    @Test("two unrelated reports are not flagged")
    func unrelated() throws {
        let r = try run([report("甲镇", 2021, "本年度我镇围绕乡村振兴重点任务，及时公开惠农补贴发放、农村人居环境整治和防汛抗旱信息，全年在镇政府网站发布信息三百余条。"),
                         report("乙街道", 2021, "本街道聚焦老旧小区改造、社区养老服务和就业帮扶，通过社区公告栏和微信公众号公开办事指南，回应居民关切问题六十余件。")])
        #expect(r.allSatisfy { $0.outcome == .pass })
    }

    @Test("a short shared phrase is below the length threshold")
    func short() throws {
        let phrase = "进一步提高政务公开工作水平。"
        #expect(try run([report("甲镇", 2021, "甲" + phrase), report("乙镇", 2021, "乙" + phrase)]).allSatisfy { $0.outcome == .pass })
    }

    @Test("with history, text carried over from the same agency's earlier report is flagged")
    func history() throws {
        let problems = "一是信息公开的及时性有待进一步加强，部分信息发布滞后；二是政务公开知识的学习宣传力度不够，群众对政务公开工作的主动参与意识不强；三是政策解读形式单一，图解和视频解读较少。"
        let current = report("甲镇人民政府", 2022, problems, section: "五、存在的主要问题及改进情况")
        let old = report("甲镇", 2021, problems, section: "五、存在的主要问题及改进情况")
        let other = report("乙镇", 2021, problems, section: "五、存在的主要问题及改进情况")
        let r = try run([current], history: [old, other])
        let o = try #require(r[0].observations.first)
        #expect(o.variant == "earlier_year")
        #expect(o.values["year"]?.zh == "2021")
        #expect(o.values["section"]?.zh == "第五部分")
        #expect(r[0].observations.count == 1)   // 乙镇 is another agency: not compared as history
        #expect(o.sources.first?.file == "甲镇-2021.txt")
    }

    @Test("one agency's report of one year in two files (other line ends, a page and its text) is not copied from itself, and is noted")
    func sameReportTwice() throws {
        let text = Project.text("examples/reports/000_67dfe248a59990d3.txt")
        let a = ReportParser.parse(text: text, source: "a.txt"), b = ReportParser.parse(text: text.replacingOccurrences(of: "\n", with: "\r\n"), source: "b.txt")
        var audits = AuditEngine.auditAll([a, b], history: [], rules: try Project.ruleSet("standard"), language: .zh).audits
        for audit in audits { #expect(audit.outcomes.first { $0.rule == "narrative.reuse" }?.outcome == .pass, "\(audit.file)") }
        AuditEngine.markSameReports(&audits, language: .zh)
        #expect(audits.allSatisfy { a in a.findings.contains { $0.rule == "input.duplicate" && $0.deduction == 0 && $0.message.contains("同一单位同一年度") } })
        // Another agency's copy of the same text is still copying.
        let c = ReportParser.parse(text: text.replacingOccurrences(of: "道外区团结镇", with: "道外区民主镇"), source: "c.txt")
        let copied = AuditEngine.auditAll([a, c], history: [], rules: try Project.ruleSet("standard"), language: .zh).audits
        #expect(copied.allSatisfy { $0.outcomes.first { $0.rule == "narrative.reuse" }?.outcome == .fail })
    }

    @Test("a saved page's browser title and menus above the article are not narrative two reports of one site share")
    func siteMenusAboveTheTitle() throws {
        let menus = ["沭阳县人民政府", "2025年12月30日\t星期二", "繁體版", "无障碍", "适老化", "智能问答", "首页", "走进沭阳", "办事服务", "政民互动",
                     "政府信息公开", "数据开放", "专题专栏", "当前位置：首页 > 政府信息公开 > 政府信息公开年报 > 正文", "字号：大 中 小"].joined(separator: "\n")
        let reports = ["001_4f4d1458c3fb7bc1", "002_22aa9dc67aee4612"].map { name -> Report in
            let text = Project.text("examples/reports/\(name).txt").trimmingCharacters(in: .newlines)
            let title = String(text.prefix { $0 != "\n" })
            return ReportParser.parse(text: title + "-沭阳县人民政府\n" + menus + "\n" + text, source: name)
        }
        let audits = AuditEngine.auditAll(reports, history: [], rules: try Project.ruleSet("strict"), language: .zh).audits
        for a in audits { #expect(!a.findings.contains { $0.rule == "narrative.reuse" }, "\(a.file): \(a.findings.filter { $0.rule == "narrative.reuse" }.map(\.message))") }
    }

    @Test("a paragraph in five of five reports is the place's convention; in four of four it is copying")
    func localConvention() throws {
        let paragraph = "按照区政务公开办的统一部署，本单位在门户网站开设政务公开专栏，设置机构职能、政策文件、规划计划、财政资金、重点领域等十二个子栏目，每月由专人对栏目内容逐项检查更新。"
        let names = try FileManager.default.contentsOfDirectory(atPath: Project.root.appendingPathComponent("examples/reports").path).filter { $0.hasSuffix(".txt") }.sorted()
        let reports = names.map { name -> Report in
            let text = Project.text("examples/reports/" + name)
            let at = text.range(of: "一、总体情况") ?? text.range(of: "总体情况")!
            var t = text
            t.insert(contentsOf: "\n" + paragraph + "\n", at: t.index(after: t[at.upperBound...].firstIndex(of: "\n") ?? at.upperBound))
            return ReportParser.parse(text: t, source: name)
        }
        #expect(reports.count == 5)
        func flagged(_ rs: [Report]) throws -> Int {
            let audits = AuditEngine.auditAll(rs, history: [], rules: try Project.ruleSet("standard"), language: .zh).audits
            return audits.filter { a in a.findings.contains { $0.rule == "narrative.reuse" && ($0.excerpt ?? "").contains("十二个子栏目") } }.count
        }
        #expect(try flagged(reports) == 0)
        #expect(try flagged(Array(reports.prefix(4))) == 4)
    }

    @Test("a department's text its government's later report compiles is not copied by the department; the government's office is not the government")
    func compiledByGovernment() throws {
        let work = "本局全面优化办事流程，多渠道提高政务服务透明度便利度。一是在民生服务方面，实施一窗通办改革，将社保、医保、公积金等二十三个事项纳入综合窗口，平均办理时间压缩至十五分钟。"
        func dated(_ agency: String, _ date: String, _ body: String) -> Report {
            ReportParser.parse(text: "\(agency)2021年政府信息公开工作年度报告\n一、总体情况\n\(body)\n\(agency)\n\(date)\n", source: agency)
        }
        let department = dated("某某县行政审批局", "2022年1月19日", work), government = dated("某某县人民政府", "2022年3月5日", "全县各部门扎实推进政务公开。" + work)
        let r = try run([department, government])
        #expect(r[0].observations.isEmpty, "\(r[0].observations)")
        #expect(r[1].observations.contains { $0.outcome == .fail })
        // The county office's report with the county government's earlier one in history: another agency, not its own earlier report.
        let office = report("某某县人民政府办公室", 2022, work), gov2021 = report("某某县人民政府", 2021, work)
        #expect(try run([office], history: [gov2021])[0].observations.allSatisfy { $0.variant != "earlier_year" })
    }

    @Test("seeds: 000 and 003 share three passages; 001, 002, 004 share none")
    func seeds() throws {
        let p = try parameters()
        let seeds = ["000", "001", "002", "003", "004"].map { Project.seed($0) }
        let (results, clusters) = NarrativeReuseCheck.evaluate(seeds.map { p.settings.document($0) }, history: [], p)
        #expect(results[0].observations.map(\.line) == [16, 17, 22])
        #expect(results[3].observations.map(\.line) == [96, 108, 110])
        for i in [1, 2, 4] { #expect(results[i].outcome == .pass, "\(i)") }
        #expect(clusters.count == 3)
        for o in results[0].observations + results[3].observations {
            #expect(!(o.excerpt ?? "").contains("本年新收政府信息公开申请数量"))
        }
    }
}
