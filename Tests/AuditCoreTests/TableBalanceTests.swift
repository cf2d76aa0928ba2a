import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Builds a 2021-format report whose tables balance, with cells overridden to break them.
enum TableFixture {
    static let labels: [(String, String)] = [
        ("new", "一、本年新收政府信息公开申请数量"), ("carry_in", "二、上年结转政府信息公开申请数量"),
        ("granted", "（一）予以公开"), ("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("withheld_1", "1.属于国家秘密"), ("withheld_2", "2.其他法律行政法规禁止公开"), ("withheld_3", "3.危及“三安全一稳定”"),
        ("withheld_4", "4.保护第三方合法权益"), ("withheld_5", "5.属于三类内部事务信息"), ("withheld_6", "6.属于四类过程性信息"),
        ("withheld_7", "7.属于行政执法案卷"), ("withheld_8", "8.属于行政查询事项"),
        ("unavailable_1", "1.本机关不掌握相关政府信息"), ("unavailable_2", "2.没有现成信息需要另行制作"), ("unavailable_3", "3.补正后申请内容仍不明确"),
        ("not_processed_1", "1.信访举报投诉类申请"), ("not_processed_2", "2.重复申请"), ("not_processed_3", "3.要求提供公开出版物"),
        ("not_processed_4", "4.无正当理由大量反复申请"), ("not_processed_5", "5.要求行政机关确认或重新出具已获取信息"),
        ("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), ("other_3", "3.其他"),
        ("results_total", "（七）总计"), ("carry_over", "四、结转下年度继续办理"),
    ]

    /// Balanced values: 5 new (3 natural persons, 2 companies), 1 carried in, 4 granted,
    /// 1 not held, 1 carried over.
    static func balanced() -> [String: [String]] {
        var v: [String: [String]] = [:]
        for (id, _) in labels { v[id] = ["0", "0", "0", "0", "0", "0", "0"] }
        v["new"] = ["3", "2", "0", "0", "0", "0", "5"]
        v["carry_in"] = ["1", "0", "0", "0", "0", "0", "1"]
        v["granted"] = ["2", "2", "0", "0", "0", "0", "4"]
        v["unavailable_1"] = ["1", "0", "0", "0", "0", "0", "1"]
        v["results_total"] = ["3", "2", "0", "0", "0", "0", "5"]
        v["carry_over"] = ["1", "0", "0", "0", "0", "0", "1"]
        return v
    }

    static func report(_ values: [String: [String]], review: [String] = ["1", "0", "0", "0", "1"] + Array(repeating: "0", count: 10),
                       separator: String = "\t", header: [[String]] = [], reviewHeader: [[String]] = []) -> Report {
        var text = "某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        for row in header { text += row.joined(separator: separator) + "\n" }
        // Pipe rows are closed as Markdown closes them (`| 四、… | 1 |  |`), so a blank last cell is a cell.
        let pipe = separator.trimmingCharacters(in: .whitespaces) == "|"
        for (id, label) in labels { text += (pipe ? "| " : "") + ([label] + values[id]!).joined(separator: separator) + (pipe ? " |" : "") + "\n" }
        text += "四、政府信息公开行政复议、行政诉讼情况\n"
        for row in reviewHeader { text += row.joined(separator: separator) + "\n" }
        text += review.joined(separator: separator) + "\n"
        return ReportParser.parse(text: text, source: "fixture")
    }

    static func standardParameters() throws -> TableBalanceCheck.Parameters {
        let set = try Project.ruleSet("standard")
        guard let p = set.rule("tables.balance")?.parameters.of(TableBalanceCheck.Parameters.self) else { throw FixtureError() }
        return p
    }
    struct FixtureError: Error {}
}

@Suite("tables.balance identities")
struct TableBalanceTests {
    func run(_ r: Report) throws -> CheckResult { TableBalanceCheck.evaluate(r, try TableFixture.standardParameters()) }

    @Test("a balanced table passes every identity")
    func balanced() throws {
        #expect(try run(TableFixture.report(TableFixture.balanced())).outcome == .pass)
        #expect(try run(TableFixture.report(TableFixture.balanced(), separator: " | ")).outcome == .pass)
    }

    @Test("column identity: 一 + 二 = （七） + 四")
    func columns() throws {
        var v = TableFixture.balanced()
        v["carry_over"] = ["2", "0", "0", "0", "0", "0", "2"]   // rows still add up; columns do not
        let result = try run(TableFixture.report(v))
        #expect(result.outcome == .fail)
        let fails = result.observations.filter { $0.outcome == .fail }
        #expect(fails.count == 2)   // 自然人 and 总计 columns
        #expect(fails.first?.values["where"]?.zh == "“自然人”列")
        #expect(fails.first?.line != nil)
    }

    @Test("row identity: 总计 = the six applicant columns")
    func rows() throws {
        var v = TableFixture.balanced()
        v["granted"] = ["2", "2", "0", "0", "0", "0", "5"]
        let result = try run(TableFixture.report(v))
        let fails = result.observations.filter { $0.outcome == .fail }
        #expect(fails.contains { $0.values["where"]?.zh == "“（一）予以公开”行" })
        #expect(fails.contains { $0.excerpt?.contains("=5") == true })
    }

    @Test("results identity: （七）总计 = the sum of the result rows")
    func results() throws {
        var v = TableFixture.balanced()
        v["withheld_3"] = ["1", "0", "0", "0", "0", "0", "1"]   // a result with no matching total
        let result = try run(TableFixture.report(v))
        let fails = result.observations.filter { $0.outcome == .fail }
        #expect(fails.count == 2)
        #expect(fails.allSatisfy { $0.values["identity"]?.zh.contains("（七）总计") == true })
    }

    @Test("review identity: each 总计 = its four results")
    func review() throws {
        let r = TableFixture.report(TableFixture.balanced(), review: ["1", "0", "0", "0", "1", "0", "1", "0", "0", "2"] + Array(repeating: "0", count: 5))
        let fails = try run(r).observations.filter { $0.outcome == .fail }
        #expect(fails.count == 1)
        #expect(fails.first?.values["where"]?.zh == "“行政诉讼（未经复议直接起诉）”行")
    }

    @Test("blank, placeholder and OCR-split cells make an identity unverifiable, never failed")
    func placeholders() throws {
        for bad in ["/", "—", "-", "1 0"] {
            var v = TableFixture.balanced()
            v["new"] = ["3", "2", "0", "0", "0", bad, "9"]
            let result = try run(TableFixture.report(v))
            #expect(!result.observations.contains { $0.outcome == .fail && $0.values["where"]?.zh.contains("一、本年新收") == true }, "\(bad)")
            #expect(result.observations.contains { $0.outcome == .unverifiable }, "\(bad)")
        }
    }

    @Test("columns headed in another order are unverifiable, never an imbalance read by position")
    func columnOrder() throws {
        let applicants = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        // The format's own headers pass: 总计 in the first header row before 自然人, or on one flattened line.
        for header in [[["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "总计"], ["自然人", "法人或其他组织"],
                        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]],
                       [["申请人情况", "总计", "自然人", "法人或其他组织"] + applicants.dropFirst().dropLast()]] {
            #expect(try run(TableFixture.report(TableFixture.balanced(), header: header)).outcome == .pass)
        }
        // The kinds of organisation swapped: 3 companies read as research institutes would be silently wrong.
        let swapped = [["", "自然人", "科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他", "总计"]]
        let result = try run(TableFixture.report(TableFixture.balanced(), header: swapped))
        #expect(result.outcome == .unverifiable)
        #expect(result.observations.contains { $0.values["reason"]?.zh.contains("申请人栏目排列与格式不同") == true })

        // The 总计 column first under the format's own header words: the rows' first figures are
        // their totals, which read by position would be imbalances everywhere.
        let totalFirstRows = TableFixture.balanced().mapValues { [$0[6]] + $0.dropLast() }
        let moved = try run(TableFixture.report(totalFirstRows, header: [["申请人情况"], ["总计", "自然人", "法人或其他组织"], Array(applicants.dropFirst().dropLast())]))
        #expect(moved.outcome == .unverifiable)
        #expect(!moved.observations.contains { $0.outcome == .fail })
        #expect(moved.observations.contains { $0.values["reason"]?.zh.contains("“总计”列排在申请人各列之前") == true })

        // Table 四 with 总计 heading each block on its line: 1 0 0 0 1 read by position would be an imbalance.
        let review = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let totalFirst = [["行政复议", "行政诉讼"], ["总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结"]]
        let reversed = ["1", "1", "0", "0", "0"] + Array(repeating: "0", count: 10)
        let four = try run(TableFixture.report(TableFixture.balanced(), review: reversed, reviewHeader: totalFirst)).observations
        #expect(!four.contains { $0.outcome == .fail })
        #expect(four.contains { $0.outcome == .unverifiable && $0.values["reason"]?.zh.contains("“总计”列在“结果维持”之前") == true })
        // The format's order, also with labels broken over two lines (结 / 果维持) by extraction, still verifies.
        for header in [[["行政复议", "行政诉讼"], review + review + review],
                       [["结", "结", "其", "尚"], ["果维持", "果纠正", "他结果", "未审结", "总计"] + review + review]] {
            #expect(try run(TableFixture.report(TableFixture.balanced(), reviewHeader: header)).outcome == .pass)
        }
    }

    @Test("a missing table is unverifiable with the reason")
    func missingTable() throws {
        let r = ReportParser.parse(text: "某某局2021年政府信息公开工作年度报告\n一、总体情况\n无。\n", source: "x")
        let result = try run(r)
        #expect(result.outcome == .unverifiable)
        #expect(result.observations.first?.values["reason"]?.zh.contains("未找到第三部分") == true)
    }

    @Test("pipe rows that leave zero cells blank: the filled cells keep their columns, a blank is never a zero")
    func blankPipeCells() throws {
        // Blank instead of 0 in the applicant columns, as pages often print them; 总计 filled.
        var v = TableFixture.balanced()
        for (id, _) in TableFixture.labels { v[id] = v[id]!.map { $0 == "0" ? "" : $0 } }
        for id in ["withheld_1", "carry_over"] where v[id]![6].isEmpty { v[id]![6] = "0" }
        let r = TableFixture.report(v, separator: " | ")
        #expect(r.applicationTable?.values("new") == ["3", "2", "", "", "", "", "5"])
        let result = try run(r)
        #expect(result.outcome == .unverifiable && !result.observations.contains { $0.outcome == .fail })
        // The 总计 column is read, so its imbalance is found.
        v["results_total"]![6] = "6"
        #expect(try run(TableFixture.report(v, separator: " | ")).outcome == .fail)
        // A row with one place too many (an extra empty cell at its end) is read as before: blanks skipped.
        let extra = TableFixture.report(TableFixture.balanced(), separator: " | ")
        #expect(try run(extra).outcome == .pass)
    }

    @Test("addends left blank read as 0: an identity that then holds is verified, one that does not is could-not-verify, a blank total never reads so")
    func blanksAsZero() throws {
        // Zeros printed as blanks in the applicant columns only where a row has figures; 总计 filled throughout.
        var v = TableFixture.balanced()
        for id in ["new", "carry_in", "granted", "unavailable_1", "carry_over"] { v[id] = v[id]!.enumerated().map { $0.offset < 6 && $0.element == "0" ? "" : $0.element } }
        let result = try run(TableFixture.report(v, separator: " | "))
        #expect(result.outcome == .pass, "\(result.observations.map { $0.values["reason"]?.zh ?? $0.variant })")
        // Read as 0 the blanks leave an identity that does not hold: a figure may be left out, so it is not verified — and never failed.
        var short = v
        short["new"]![1] = ""
        let s = try run(TableFixture.report(short, separator: " | "))
        #expect(s.outcome == .unverifiable && !s.observations.contains { $0.outcome == .fail })
        #expect(s.observations.contains { $0.values["reason"]?.zh.contains("按0计算不平衡，可能漏填") == true })
        // A total left blank is never read as 0.
        var total = v
        total["carry_over"]![6] = ""
        let t = try run(TableFixture.report(total, separator: " | "))
        #expect(t.outcome == .unverifiable && t.observations.contains { $0.values["reason"]?.zh.contains("“总计”列空白（未填数字）") == true }, "\(t.observations.map { $0.values["reason"]?.zh ?? "" })")
    }

    @Test("a row whose 总计 is 0 has its blank cells at 0 (counts are never negative), in pipe rows and one cell a line closed by pipes")
    func zeroTotalRows() throws {
        var v = TableFixture.balanced()
        for (id, _) in TableFixture.labels where v[id]![6] == "0" { v[id] = ["", "", "", "", "", "", "0"] }
        #expect(try run(TableFixture.report(v, separator: " | ")).outcome == .pass)
        // One cell a line, each closed by a pipe, a blank cell a bare pipe, a row ended by `||`.
        var text = "某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        for (id, label) in TableFixture.labels { text += "\(label) |\n" + v[id]!.map { $0.isEmpty ? "|" : "\($0) |" }.joined(separator: "\n") + "\n||\n" }
        text += "四、政府信息公开行政复议、行政诉讼情况\n" + (["1", "0", "0", "0", "1"] + Array(repeating: "0", count: 10)).joined(separator: "\t") + "\n"
        let r = ReportParser.parse(text: text, source: "fixture")
        #expect(r.applicationTable?.values("withheld_1") == ["", "", "", "", "", "", "0"])
        #expect(try run(r).outcome == .pass)
        // A blank beside a total that is not 0 stays unknown.
        var w = v
        w["new"] = ["3", "", "0", "0", "0", "0", "5"]
        #expect(try run(TableFixture.report(w, separator: " | ")).outcome == .unverifiable)
    }

    @Test("seed 004 is unverifiable and seed 002 is never a false imbalance")
    func seeds() throws {
        #expect(try run(Project.seed("004")).outcome == .unverifiable)
        #expect(try run(Project.seed("002")).outcome == .unverifiable)
        for p in ["000", "001", "003"] { #expect(try run(Project.seed(p)).outcome == .pass, "\(p)") }
    }

    @Test("amounts compare within printed precision, counts exactly")
    func precision() {
        func q(_ s: String) -> Quantity { Quantity(s)! }
        #expect(Quantity.sumsAgree([q("1.23"), q("2.35")], [q("3.6")]))     // 3.58 ± 0.01 overlaps 3.6 ± 0.05
        #expect(!Quantity.sumsAgree([q("1.23"), q("2.35")], [q("3.70")]))
        #expect(Quantity.sumsAgree([q("2"), q("3")], [q("5")]))
        #expect(!Quantity.sumsAgree([q("2"), q("3")], [q("6")]))
        #expect(!Quantity.sumsAgree([q("1"), q("1"), q("1"), q("1")], [q("5")]))   // counts never get a tolerance
    }
}
