import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// The families of layouts real pages have, each in a small crafted report: a fix for one real
/// report must hold for its whole family.
@Suite("Layout families")
struct LayoutFamilyTests {
    /// A whole report on one line, as a web page flattened by a crawler: headings glued to the
    /// numbers before them, table cells glued into runs of digits.
    static func flattened(table3 new: String = "3000003", results: String = "3000003", afterFees: String = "行政事业性收费0",
                          six: String = "本年度政府信息公开未发生收费情况。") -> String {
        "某某县教育局2022年政府信息公开工作年度报告\n"
            + "根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。"
            + "一、总体情况2022年，我局认真贯彻条例要求，推进政务公开工作。"
            + "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件205"
            + "第二十条第（五）项信息内容本年处理决定数量行政许可12第二十条第（六）项信息内容本年处理决定数量行政处罚5行政强制0"
            + "第二十条第（八）项信息内容本年收费金额（单位：万元）\(afterFees)"
            + "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
            + "一、本年新收政府信息公开申请数量\(new)二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开2000002（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000"
            + "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000"
            + "（四）无法提供1.本机关不掌握相关政府信息10000012.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000"
            + "（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000"
            + "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000"
            + "（七）总计\(results)四、结转下年度继续办理0000000"
            + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000"
            + "五、存在的主要问题及改进情况一是公开内容不够丰富，二是解读形式单一。下一步将加强培训，完善制度。"
            + "六、其他需要报告的事项\(six)某某县教育局 2023年1月20日\n"
    }

    func audit(_ text: String, _ set: String = "standard") throws -> ReportAudit {
        AuditEngine.audit(ReportParser.parse(text: text, source: "x.txt"), rules: try Project.ruleSet(set), language: .zh)
    }

    func outcome(_ a: ReportAudit, _ rule: String) -> Outcome? { a.outcomes.first { $0.rule == rule }?.outcome }

    @Test("headings glued to the table numbers, units and punctuation before them are found", arguments: [
        "行政事业性收费0", "政府集中采购00", "行政事业性收费76586650.10元", "行政事业性收费0 ", "行政事业性收费0。",
    ])
    func gluedHeadings(afterFees: String) throws {
        let r = ReportParser.parse(text: Self.flattened(afterFees: afterFees), source: "x.txt")
        #expect(r.sections.map(\.kind) == SectionKind.allCases, "\(afterFees)")
        #expect(try outcome(audit(Self.flattened(afterFees: afterFees)), "sections.required") == .pass)
    }

    @Test("a flattened table with as many digits as cells is read, and its imbalance is found")
    func flattenedTables() throws {
        let balanced = try audit(Self.flattened())
        #expect(outcome(balanced, "tables.balance") == .pass)
        // (七)总计 says 4 but the results add up to 3: an explicit total that does not equal its parts.
        let broken = try audit(Self.flattened(results: "4000004"))
        #expect(outcome(broken, "tables.balance") == .fail)
        #expect(broken.findings.contains { $0.rule == "tables.balance" && $0.message.contains("（七）总计[自然人]=4") })
        // A stray 1 in one column of the new applications.
        let stray = try audit(Self.flattened(table3: "3000013"))
        #expect(outcome(stray, "tables.balance") == .fail)
    }

    @Test("table text is never narrative, however it is laid out")
    func tablesAreNotNarrative() {
        let r = ReportParser.parse(text: Self.flattened(), source: "x.txt")
        let narrative = r.narrative.map(\.text).joined()
        for label in ["本年新收政府信息公开申请数量", "结果维持结果纠正", "第二十条第", "行政事业性收费", "3000003"] {
            #expect(!narrative.contains(label), "\(label)")
        }
        #expect(narrative.contains("一是公开内容不够丰富"))
    }

    @Test("a sub-heading of 一 that repeats another section's wording is not that section")
    func subHeadingsOfOverview() throws {
        let text = "某某镇人民政府2020年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开政府信息情况\n本年度主动公开信息120条。\n（二）依申请公开情况\n本年度共收到申请2件。\n"
            + "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n公开内容不够丰富。下一步将加强培训。\n六、其他需要报告的事项\n无。\n"
        let a = try audit(text)
        #expect(a.findings.contains { $0.rule == "sections.required" && $0.outcome == .fail && $0.message.contains("第二部分") })
    }

    @Test("two sections written in swapped order are both found, their numbering irregular")
    func swappedSections() throws {
        let text = Self.flattened().replacingOccurrences(of: "五、存在的主要问题及改进情况一是公开内容不够丰富，二是解读形式单一。下一步将加强培训，完善制度。六、其他需要报告的事项本年度政府信息公开未发生收费情况。",
                                                         with: "五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000六、存在的主要问题和改进情况一是公开内容不够丰富，二是解读形式单一。下一步将加强培训，完善制度。")
        let r = ReportParser.parse(text: text, source: "x.txt")
        #expect(Set(r.sections.map(\.kind)) == Set(SectionKind.allCases))
        #expect(try outcome(audit(text), "sections.required") == .pass)
        #expect(try outcome(audit(text), "fees.disclosed") == .pass)
        let strict = try audit(text, "strict")
        #expect(strict.findings.contains { $0.rule == "sections.required" && $0.message.contains("五、信息处理费收取情况") })
    }

    @Test("list items in a sentence and numerals inside words are not headings")
    func notHeadings() {
        let text = "某某局2021年政府信息公开工作年度报告\n本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况。\n"
            + "一、总体情况\n我局形式单一、主动公开政府信息不够及时。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
        let r = ReportParser.parse(text: text, source: "x.txt")
        #expect(r.sections.map(\.headingLine) == [3, 5, 6, 7])
    }

    @Test("a missing heading with its content present is could-not-verify, never missing")
    func evidenceWithoutHeading() throws {
        // The heading of 三 lost (PDF extraction); its table is there.
        let text = Self.flattened().replacingOccurrences(of: "三、收到和处理政府信息公开申请情况（本列数据", with: "（本列数据")
        let a = try audit(text)
        #expect(!a.findings.contains { $0.rule == "sections.required" && $0.outcome == .fail })
        #expect(a.findings.contains { $0.rule == "sections.required" && $0.outcome == .unverifiable && $0.message.contains("第三部分") })
    }

    @Test("fee statements in their various wordings", arguments: [
        "本年度政府信息公开未发生收费情况。", "2022年未收取信息处理费。", "本年度没有产生信息公开处理费。", "依申请公开过程中不收取任何费用。",
        "2022年发出收费通知0件，实际收取金额0元。", "通知收取件数通知收取金额（元）实际收取金额（元）信息处理费收取情况000",
    ])
    func feeWordings(six: String) throws {
        #expect(try outcome(audit(Self.flattened(six: six)), "fees.disclosed") == .pass, "\(six)")
    }

    @Test("no fee statement is still a missing fee statement")
    func feeMissing() throws {
        #expect(try outcome(audit(Self.flattened(six: "无其他需要报告的事项。")), "fees.disclosed") == .fail)
    }

    @Test("statistics periods in other words, and a period shorter for an agency created that year")
    func periods() throws {
        func period(_ intro: String) throws -> Outcome? {
            try outcome(audit("某某区发展和改革局2021年政府信息公开工作年度报告\n\(intro)\n一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"), "period.stated")
        }
        #expect(try period("本报告涵盖2021年1月1日至2021年12月31日期间的政府信息公开工作。") == .pass)
        #expect(try period("报告中所列数据统计时限为2021年1月1日至2021年12月31日。") == .pass)
        #expect(try period("数据统计周期为2021年1月1日至2021年12月31日。") == .pass)
        #expect(try period("我局于2021年8月新组建成立。本报告涵盖2021年9月1日至2021年12月31日期间。") == .pass)
        #expect(try period("本报告统计期限为2021年9月1日至2021年12月31日。") == .fail)      // no reason given for the short period
        #expect(try period("本报告统计期限为2020年1月1日至2020年12月31日。") == .fail)      // the wrong year
        #expect(try period("截至2021年12月31日，共发布信息245条。") == .fail)              // a cut-off, not a period
    }

    @Test("title forms: agency and year", arguments: [
        ("某某县教育局政府信息公开工作2021年度报告", "某某县教育局", 2021),
        ("某某县教育局政府信息公开工作 2020 年度报告", "某某县教育局", 2020),
        ("某某县教育局2021年度政府信息公开工作年度报告", "某某县教育局", 2021),
        ("某某县教育局政府信息公开年度报告（2021年）", "某某县教育局", 2021),
        ("2025 年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2025),
        ("标题: 平潭综合实验区农业农村局2024年政府信息公开工作年度报告", "平潭综合实验区农业农村局", 2024),
        ("某某县教育局2021年政府信息\n公开工作年度报告", "某某县教育局", 2021),
    ])
    func titles(title: String, agency: String, year: Int) {
        let r = ReportParser.parse(text: title + "\n一、总体情况\n正文。\n", source: "x.txt")
        #expect(r.agency == agency, "\(title)")
        #expect(r.year == year, "\(title)")
    }

    @Test("no title: agency and year from the signature, and a period of the wrong year is found")
    func signature() throws {
        let text = "一、总体情况\n本年度我局认真开展工作。统计期限自2020年1月1日起至2020年12月31日止。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n六、其他需要报告的事项\n无。某某县教育局2022年1月20日\n"
        let a = try audit(text)
        #expect(a.agency == "某某县教育局")
        #expect(a.year == 2021)
        #expect(a.findings.contains { $0.rule == "period.stated" && $0.message.contains("与报告年度2021年不一致") })
    }

    @Test("runs of digits: cut only when one reading fits, or one makes the row's total its parts")
    func digitRuns() {
        #expect(DigitRunSplitter.split("3000003", width: 7) == .cells(["3", "0", "0", "0", "0", "0", "3"], .unique))
        #expect(DigitRunSplitter.split("0 0 00 0 0 1", width: 7) == .cells(["0", "0", "0", "0", "0", "0", "1"], .unique))
        #expect(DigitRunSplitter.split("12 3 0 0 0 0 15", width: 7) == .cells(["12", "3", "0", "0", "0", "0", "15"], .none))
        #expect(DigitRunSplitter.split("713000074", width: 7, identity: DigitRunSplitter.lastIsTotal) == .cells(["71", "3", "0", "0", "0", "0", "74"], .byTotal))
        if case .unreadable = DigitRunSplitter.split("713000074", width: 7) {} else { Issue.record("without the identity the run has several readings") }
        if case .unreadable = DigitRunSplitter.split("110000011", width: 7, identity: DigitRunSplitter.lastIsTotal) {} else { Issue.record("two readings balance: cannot decide") }
        if case .unreadable = DigitRunSplitter.split("000000", width: 7) {} else { Issue.record("too few digits") }
        if case .unreadable = DigitRunSplitter.split(String(repeating: "7", count: 5000), width: 7) {} else { Issue.record("a run far too long") }
        // A long run whose cuts never complete (from the fuzzer: 1.2 s in one row) stops early, unread.
        if case .unreadable = DigitRunSplitter.split("1 0 0 0 " + String(repeating: "2", count: 80) + "0" + String(repeating: "2", count: 20), width: 7) {} else { Issue.record("a hopeless run") }
        // Columns spaced by runs: figures one space apart share a column (OCR's `1 0`), never two cells.
        if case .unreadable = DigitRunSplitter.split("1 0        0    0    0    0    0", width: 7) {} else { Issue.record("1 0 in one column") }
        if case .unreadable = DigitRunSplitter.split("1 0  0 0 0 0 0", width: 7) {} else { Issue.record("a lost empty cell beside 1 0") }
        #expect(DigitRunSplitter.split("1    0    0    0    0    0    1", width: 7) == .cells(["1", "0", "0", "0", "0", "0", "1"], .none))
    }

    @Test("a label's number glued to the row before is the label's, and a year glued after the table is the sentence's")
    func tokenFixups() {
        let tokens = TableTokenizer.tokens(Segment(line: 1, text: "1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"))
        #expect(tokens.map(\.text) == ["1.属于国家秘密", "0000000", "2.其他法律行政法规禁止公开", "0000000"])
        let year = TableTokenizer.tokens(Segment(line: 1, text: "四、结转下年度继续办理20000022025年，我局共收到申请21件。"))
        #expect(year.map(\.text).prefix(3) == ["四、结转下年度继续办理", "2000002", "2025年,我局共收到申请"])
    }

    @Test("narrative reuse: page chrome, opening formulas, statements of figures and citations never count")
    func reuseFormula() throws {
        let chrome = "当前位置： 首页 > 政务公开 > 年报 来源： 时间：2023-01-10 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接："
        let opening = "依据《条例》和上级有关要求，某某单位在总结2022年政府信息公开工作的基础上编制本报告。"
        let figures = "2022年新收政府信息公开申请11件，予以公开8件，被申请行政复议0件，被提起行政诉讼0件。承办人大代表建议50件、政协委员提案6件，均已按时办结。"
        let citation = "根据《某某市人民政府办公室关于印发2022年政务公开工作要点的通知》（某政办〔2022〕12号）要求开展工作。"
        func report(_ name: String, _ own: String) -> Report {
            ReportParser.parse(text: "\(name)2022年政府信息公开工作年度报告\n\(chrome)\(opening)\n一、总体情况\n\(figures)\(citation)\(own)\n", source: name + ".txt")
        }
        let rules = try Project.ruleSet("strict")
        let audits = AuditEngine.auditAll([report("甲镇", "本镇开展了乡村振兴政策宣传周活动。"), report("乙街道", "本街道走访老旧小区听取居民意见。")], history: [], rules: rules, language: .zh).audits
        for a in audits { #expect(outcome(a, "narrative.reuse") == .pass, "\(a.file)") }
    }
}
