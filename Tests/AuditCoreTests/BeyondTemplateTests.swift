import Testing
@testable import AuditCore
@testable import AuditDocument

@Suite("Checks beyond the template")
struct BeyondTemplateTests {
    func rule(_ set: String, _ id: String) throws -> RuleDefinition { try #require(try Project.ruleSet(set).rule(id)) }

    @Test("a 2021 report still on the 2019 tables must state the fee like any report of 2021 on")
    func feeFromReportYear() throws {
        let r = ReportParser.parse(text: Project.text("Tests/AuditCoreTests/Fixtures/templates/2021-on-2019-tables.txt"), source: "t")
        #expect(r.year == 2021 && r.template == .v2019)
        let audit = AuditEngine.audit(r, rules: try Project.ruleSet("standard"), language: .zh)
        #expect(audit.outcomes.first { $0.rule == "fees.disclosed" }?.outcome == .fail)
    }

    @Test("seed 004's narrative figure (7 applications) is checked against its table: the row is unreadable, so could not verify")
    func seed004() throws {
        let r = try #require(CheckRunner.evaluate(try rule("standard", "numbers.consistent"), on: Project.seed("004")))
        #expect(r.outcome == .unverifiable)
        #expect(r.observations.first?.excerpt == "共收到和处理政府信息公开申请7件")
        #expect(r.observations.first?.line == 8)
    }

    @Test("a crafted mismatch cites the narrative line and the table cell; a consistent figure is not flagged")
    func crafted() throws {
        var v = TableFixture.balanced()
        func report(_ sentence: String) -> Report {
            var text = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n" + sentence + "\n三、收到和处理政府信息公开申请情况\n"
            for (id, label) in TableFixture.labels { text += ([label] + v[id]!).joined(separator: "\t") + "\n" }
            return ReportParser.parse(text: text, source: "x")
        }
        let r = try rule("standard", "numbers.consistent")
        // 5 new, 1 carried over: "收到…6件" counts both and is consistent too.
        #expect(CheckRunner.evaluate(r, on: report("2021年共收到政府信息公开申请5件，予以公开4件。"))?.outcome == .pass)
        #expect(CheckRunner.evaluate(r, on: report("2021年共收到政府信息公开申请6件。"))?.outcome == .pass)
        let bad = try #require(CheckRunner.evaluate(r, on: report("2021年共收到政府信息公开申请8件，予以公开3件，结转下年度继续办理1件。")))
        #expect(bad.outcome == .fail)
        #expect(bad.observations.filter { $0.outcome == .fail }.count == 2)   // 8 and 3; the carry-over is right
        #expect(bad.observations.first?.line == 3 && bad.observations.first?.relatedLines.isEmpty == false)
        // 办结 said of this year's applications, the carried-in one handled apart; any other figure is wrong.
        let saved = v
        v["results_total"] = ["4", "2", "0", "0", "0", "0", "6"]
        #expect(CheckRunner.evaluate(r, on: report("2021年共受理政府信息公开申请5件，按时办结5件，办理上年结转1件。"))?.outcome == .pass)
        #expect(CheckRunner.evaluate(r, on: report("2021年共受理政府信息公开申请5件，办结7件。"))?.outcome == .fail)
        v = saved
        v["new"] = ["3", "2", "0", "0", "0", "0", "—"]
        #expect(CheckRunner.evaluate(r, on: report("2021年共收到政府信息公开申请8件。"))?.outcome == .unverifiable)
    }

    @Test("agency levels from names")
    func levels() {
        #expect(AgencyLevel.classify("方正县政府办公室") == .department)
        #expect(AgencyLevel.classify("某某县教育局") == .department)
        #expect(AgencyLevel.classify("沭阳县人民政府") == .government)
        #expect(AgencyLevel.classify("保安镇人民政府") == .township)
        #expect(AgencyLevel.classify("南岗区花园街道办事处") == .township)
        #expect(AgencyLevel.classify("道外区团结镇") == .township)
        #expect(AgencyLevel.classify("平潭综合实验区") == .government)   // a zone's administrative committee
        #expect(AgencyLevel.classify("某某协会") == nil)
    }

    @Test("stale years: not in citations, document numbers or comparisons")
    func staleYears() throws {
        let r = try rule("strict", "years.current")
        func outcome(_ body: String) -> Outcome? {
            CheckRunner.evaluate(r, on: ReportParser.parse(text: "某某镇人民政府2021年政府信息公开工作年度报告\n一、总体情况\n\(body)\n", source: "x"))?.outcome
        }
        #expect(outcome("2020年，我镇共发布信息245条。") == .fail)
        #expect(outcome("与2020年相比，信息发布量增长12%。") == .pass)
        #expect(outcome("根据《某某县2020年政务公开工作要点》开展工作。") == .pass)
        #expect(outcome("按照某政办发〔2020〕12号文件要求开展工作。") == .pass)
        #expect(outcome("2022年，我镇将继续加强政务公开。") == .pass)
        for seed in ["000", "001", "002", "003", "004"] { #expect(CheckRunner.evaluate(r, on: Project.seed(seed))?.outcome == .pass, "\(seed)") }
    }

    @Test("section 五 substance on the seeds: all state problems and improvements")
    func substance() throws {
        let r = try rule("strict", "problems.substantive")
        for seed in ["000", "001", "002", "003", "004"] { #expect(CheckRunner.evaluate(r, on: Project.seed(seed))?.outcome == .pass, "\(seed)") }
    }

    @Test("an invalid pattern is rejected when the rule file is loaded, with its line")
    func invalidPattern() {
        let yaml = """
        name: local
        extends: standard
        rules:
          - id: local.rule
            kind: pattern
            points: 1
            basis: 本地规定
            params:
              regex: true
              require: "政策(解读"
            message:
              missing: { zh: 缺少, en: missing }
              forbidden: { zh: 出现, en: found }
            examples:
              pass: ["一、总体情况\\n政策解读"]
              fail: ["一、总体情况\\n无"]
        """
        do {
            _ = try loadInline(yaml, others: ["standard": Project.text("rules/standard.yaml"), "template-phrases.txt": Project.text("rules/template-phrases.txt")])
            Issue.record("an invalid regular expression must be rejected")
        } catch let e as AuditError {
            #expect(e.issues.contains { $0.message.contains("not a valid regular expression") && $0.line == 10 })
        } catch { Issue.record("\(error)") }
    }
}
