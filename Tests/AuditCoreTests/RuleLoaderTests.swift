import Testing
@testable import AuditCore
@testable import AuditDocument

@Suite("Loading rule files")
struct RuleLoaderTests {
    let minimalRule = """
      - id: fees.disclosed
        kind: fee_disclosure
        points: 10
        basis: 办法
        message:
          missing:
            zh: 未说明
            en: missing
          incomplete:
            zh: "不完整{missing_items}"
            en: incomplete
        examples:
          pass: ["六、其他需要报告的事项\\n未收取信息处理费。"]
          fail: ["六、其他需要报告的事项\\n无。"]
    """

    func issues(_ yaml: String, others: [String: String] = [:]) -> [RuleFileIssue] {
        do { _ = try loadInline(yaml, others: others); return [] } catch let e as AuditError { return e.issues } catch { return [] }
    }

    @Test("the shipped sets load, strict extends standard and tightens it")
    func shipped() throws {
        let standard = try Project.ruleSet("standard"), strict = try Project.ruleSet("strict")
        for id in ["sections.required", "period.stated", "fees.disclosed", "tables.balance"] {
            #expect(standard.rule(id) != nil && strict.rule(id) != nil, "\(id)")
        }
        #expect(strict.files == ["rules/standard.yaml", "rules/strict.yaml"])
        guard let p = strict.rule("fees.disclosed")?.parameters.of(FeeDisclosureCheck.Parameters.self) else { Issue.record("kind"); return }
        #expect(p.requireCountAndAmount)
        #expect(strict.rule("fees.disclosed")?.points == 10)   // inherited
        #expect(standard.grade(for: 90) == "优秀" && standard.grade(for: 59.5) == "不合格")
    }

    @Test("YAML syntax error names file and line")
    func syntax() {
        let found = issues("name: x\nrules:\n  - id: a\n    kind: [unclosed\n")
        #expect(found.count == 1)
        #expect(found.first?.file == "test.yaml")
        #expect(found.first?.line != nil)
        #expect(found.first?.message.contains("YAML syntax error") == true)
    }

    @Test("unknown kind, with a suggestion")
    func unknownKind() {
        let found = issues("name: x\nrules:\n  - id: a\n    kind: fee_disclosur\n    points: 1\n")
        #expect(found.contains { $0.message.contains("unknown kind 'fee_disclosur'") && $0.message.contains("did you mean 'fee_disclosure'") && $0.line == 4 })
    }

    @Test("misspelt field, with the right one suggested")
    func misspelt() {
        let found = issues("name: x\nrules:\n" + minimalRule.replacingOccurrences(of: "    points: 10", with: "    pionts: 10"))
        #expect(found.contains { $0.message.contains("unknown key 'pionts'") && $0.message.contains("did you mean 'points'") && $0.line == 5 })
    }

    @Test("misspelt parameter")
    func misspeltParameter() {
        let yaml = "name: x\nrules:\n" + minimalRule + "\n    params:\n      requre: statement\n"
        #expect(issues(yaml).contains { $0.message.contains("'requre'") && $0.message.contains("did you mean 'require'") })
    }

    @Test("duplicate rule id")
    func duplicate() {
        let found = issues("name: x\nrules:\n" + minimalRule + "\n" + minimalRule)
        #expect(found.contains { $0.message.contains("duplicate rule id 'fees.disclosed'") })
    }

    @Test("extends cycle")
    func cycle() {
        let found = issues("name: a\nextends: b\nrules: []\n", others: ["b": "name: b\nextends: test\nrules: []\n", "test": "name: a\nextends: b\nrules: []\n"])
        #expect(found.contains { $0.message.contains("cycle") })
    }

    @Test("extends naming nothing")
    func extendsMissing() {
        #expect(issues("name: a\nextends: nothere\nrules: []\n").contains { $0.message.contains("'extends: nothere' names no rule set") && $0.line == 2 })
    }

    @Test("an identity naming a cell that does not exist")
    func badCell() throws {
        var yaml = Project.text("rules/standard.yaml")
        yaml = yaml.replacingOccurrences(of: "equals: [results_total, carry_over]", with: "equals: [results_totl, carry_over]")
        let found = issues(yaml)
        #expect(found.contains { $0.message.contains("no row 'results_totl'") && $0.message.contains("did you mean 'results_total'") && $0.line != nil })
    }

    @Test("a 2021-only row in an identity for both templates is rejected")
    func templateOnlyRow() {
        var yaml = Project.text("rules/standard.yaml")
        yaml = yaml.replacingOccurrences(of: "sum: [results]", with: "sum: [other_1]")
        #expect(issues(yaml).contains { $0.message.contains("2019 template") && $0.message.contains("'templates:'") })
    }

    @Test("a rule without examples, and a message with an unknown placeholder")
    func examplesAndPlaceholders() {
        let yaml = "name: x\nrules:\n" + minimalRule.replacingOccurrences(of: "不完整{missing_items}", with: "不完整{nothing}")
            .replacingOccurrences(of: "fail: [\"六、其他需要报告的事项\\n无。\"]", with: "")
        let found = issues(yaml)
        #expect(found.contains { $0.message.contains("{nothing}") })
        #expect(found.contains { $0.message.contains("needs at least one 'pass' and one 'fail' example") })
    }

    @Test("all problems are reported at once")
    func all() {
        let found = issues("name: x\nbogus: 1\nrules:\n  - id: a\n    kind: nope\n  - id: b\n    kind: table_balance\n    colour: red\n")
        #expect(found.count >= 3)
    }
}
