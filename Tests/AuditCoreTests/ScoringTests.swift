import Testing
@testable import AuditCore
@testable import AuditDocument

@Suite("Scoring, ranking and writers")
struct ScoringTests {
    func audit(_ file: String, _ score: Double, agency: String? = nil) -> ReportAudit {
        ReportAudit(file: file, agency: agency, year: 2021, template: .v2021, publicationDate: nil, status: .parsed, findings: [],
                    outcomes: [], score: score, grade: "", verifiedRules: 4, applicableRules: 4, lines: [])
    }

    @Test("a baseline with an agency's reports of several years is compared year with year; with one year, with that one")
    func baselineYears() throws {
        let jsonl = [#"{"file":"a2020.txt","agency":"某某县农业农村局","year":2020,"score":98,"rank":1}"#,
                     #"{"file":"a2021.txt","agency":"某某县农业农村局","year":2021,"score":62,"rank":9}"#,
                     #"{"file":"b2020.txt","agency":"某某县教育局","year":2020,"score":80,"rank":3}"#].joined(separator: "\n")
        let baseline = try Baseline.parse(jsonl, source: "old/audit.jsonl")
        #expect(baseline.entry(for: audit("x.txt", 90, agency: "某某县农业农村局"))?.score == 62)   // the same year, 2021
        #expect(baseline.entry(for: audit("y.txt", 85, agency: "某某县教育局"))?.score == 80)      // its only year
        let (new, missing) = baseline.differences([audit("x.txt", 90, agency: "某某县农业农村局"), audit("z.txt", 70, agency: "某某县财政局")])
        #expect(new.map(\.file) == ["z.txt"] && missing.map(\.file).sorted() == ["a2020.txt", "b2020.txt"])
    }

    @Test("ties share a rank: 1, 2, 2, 4; then by name for a stable order")
    func ranks() {
        let ranked = Ranking.rank([audit("d", 70), audit("b", 90, agency: "乙"), audit("c", 90, agency: "甲"), audit("a", 100)])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(ranked.map(\.file) == ["a", "b", "c", "d"])   // by code point: 乙 (U+4E59) before 甲 (U+7532)
        #expect(Ranking.rank(ranked.reversed()).map(\.file) == ranked.map(\.file))
    }

    @Test("seed scores: 004 last under both sets; failures deduct their points, unverifiable a little")
    func seedScores() throws {
        for name in ["standard", "strict"] {
            let set = try Project.ruleSet(name)
            let audits = AuditEngine.auditAll(["000", "001", "002", "003", "004"].map { Project.seed($0) }, history: [], rules: set, language: .zh).audits
            let ranked = Ranking.rank(audits)
            #expect(ranked.last?.agency == "方正县政府办公室", "\(name)")
            let a004 = audits[4]
            // A rule that cannot be verified costs the small fixed deduction once, never its points.
            for rule in Set(a004.findings.filter { $0.outcome == .unverifiable }.map(\.rule)) {
                #expect(a004.findings.filter { $0.rule == rule }.reduce(0) { $0 + $1.deduction } == set.unverifiablePoints, "\(rule)")
            }
            #expect(a004.applicableRules == set.rules.count - 1)   // carry.consistent needs --history
            #expect(a004.verifiedRules == a004.applicableRules - 2)   // tables.balance and numbers.consistent
            #expect(audits[2].applicableRules == set.rules.count - 2)   // and fees do not apply to the 2019 template
        }
    }

    @Test("points_each scales per finding and is capped at points")
    func scaling() throws {
        let set = try Project.ruleSet("standard")
        // Three sections missing: 8 points each.
        let three = ReportParser.parse(text: "某某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n", source: "x")
        let sections = AuditEngine.audit(three, rules: set, language: .zh).findings.filter { $0.rule == "sections.required" }
        #expect(sections.count == 3)
        #expect(sections.reduce(0) { $0 + $1.deduction } == 24)
        // Five rows out of balance: 5 points each, capped at the rule's 20.
        var text = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n三、收到和处理政府信息公开申请情况\n"
        for label in ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "1.属于国家秘密", "（七）总计"] {
            text += "| \(label) | 1 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
        }
        let a = AuditEngine.audit(ReportParser.parse(text: text, source: "y"), rules: set, language: .zh)
        let tables = a.findings.filter { $0.rule == "tables.balance" && $0.outcome == .fail }
        #expect(tables.count >= 5)
        #expect(tables.reduce(0) { $0 + $1.deduction } == 20)
        #expect(a.score >= 0)
    }

    @Test("a report with almost no recognisable structure is not told it lacks every section")
    func noStructure() throws {
        let a = AuditEngine.audit(ReportParser.parse(text: "某某局2021年政府信息公开工作年度报告\n正文。\n", source: "x"), rules: try Project.ruleSet("standard"), language: .zh)
        #expect(a.outcomes.first { $0.rule == "sections.required" }?.outcome == .unverifiable)
        #expect(!a.findings.contains { $0.rule == "sections.required" && $0.outcome == .fail })
    }

    @Test("not a report: score 0 with a finding that says so")
    func notAReport() throws {
        let a = AuditEngine.audit(ReportParser.parse(text: "hello world\n", source: "x.txt"), rules: try Project.ruleSet("standard"), language: .zh)
        #expect(a.status == .notReport && a.score == 0 && a.findings.first?.rule == "input.report")
    }

    @Test("CSV: BOM, CRLF, quoting, and no formula injection")
    func csv() throws {
        var a = audit("x,y.txt", 88.5, agency: "=HYPERLINK(\"x\")")
        a.rank = 1
        let run = RunInfo(ruleSet: try Project.ruleSet("standard"), date: "2026-01-01", language: .zh)
        let text = RankingCSV.render([a], run)
        #expect(text.hasPrefix("\u{FEFF}排名,单位,年度,得分"))
        #expect(text.contains("\r\n"))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(text.contains(",88.5,") && text.contains("\"x,y.txt\""))
    }

    @Test("JSON escaping and field names")
    func json() throws {
        var a = audit("a\"b.txt", 100)
        a.findings = [Finding(rule: "r", severity: .error, outcome: .fail, message: "line1\nline2", line: 3, excerpt: nil, deduction: 2.5)]
        let run = RunInfo(ruleSet: try Project.ruleSet("standard"), date: "2026-01-01", language: .zh)
        let line = AuditJSONL.render([a], run)
        #expect(line.hasPrefix("{\"file\":\"a\\\"b.txt\",\"agency\":null,\"year\":2021,\"template\":\"2021\",\"score\":100,\"grade\":\"\",\"rank\":0"))
        #expect(RankingCSV.field("+10") == "+10" && RankingCSV.field("-2.5") == "-2.5" && RankingCSV.field("-1+1") == "'-1+1")
        #expect(line.contains("\"findings\":[{\"rule\":\"r\",\"severity\":\"error\",\"outcome\":\"fail\",\"message\":\"line1\\nline2\",\"line\":3,\"section\":null,\"excerpt\":null,\"deduction\":2.5,\"sources\":[],\"fingerprint\":\"\",\"exempted\":null}]"))
    }

    @Test("output names never leave the output folder")
    func names() {
        #expect(OutputNames.reportPage(for: "../../etc/passwd") == "passwd")
        #expect(OutputNames.reportPage(for: "a/..hidden.txt") == "_.hidden")
        let pages = OutputNames.pages(for: ["x/r.txt", "y/r.txt", "z/s.md"])
        #expect(pages["x/r.txt"] == "x__r" && pages["y/r.txt"] == "y__r" && pages["z/s.md"] == "s")
        #expect(Format.number(97.25) == "97.25" && Format.number(90) == "90" && Format.number(88.5) == "88.5")
    }
}
