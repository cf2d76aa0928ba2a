import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Families from a fifth reading of real reports (pages, crawl archives, PDF text) and from an
/// independent synthetic corpus, each with its look-alike.
@Suite("Page families, fifth reading")
struct PageFamilyRoundFiveTests: AuditsPages {
    /// Every `every`-th line of a seed followed by a line of its own holding `footer(k)`.
    func withFooters(_ seed: String, every: Int, _ footer: (Int) -> String) -> String {
        let lines = Project.text("examples/reports/" + seed).components(separatedBy: "\n")
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            out.append(line)
            if i > 0, i % every == 0 { out.append(footer(i / every + 1)) }
        }
        return out.joined(separator: "\n")
    }

    @Test("page footers a PDF left among a table's cells are no cells", arguments: ["- %d -", "— %d —", "第 %d 页 共 9 页", "第%d页，共9页"])
    func pageFootersInTables(form: String) throws {
        let seed = "000_67dfe248a59990d3.txt"
        let plain = try audit(Project.text("examples/reports/" + seed))
        let paged = try audit(withFooters(seed, every: 41) { String(format: form, $0) })
        #expect(outcome(plain, "tables.balance") == .pass)
        #expect(outcome(paged, "tables.balance") == .pass, "\(form)")
        // Look-alike: a bare page number is a figure like any other, so the table is not read with confidence.
        let bare = try audit(withFooters(seed, every: 41) { String($0) })
        #expect(outcome(bare, "tables.balance") == .unverifiable)
    }

    /// A report whose parts are numbered （一）…（六）, with items `1.` `2.` under （一）.
    static func parenParts(three: Bool = true) -> String {
        var lines = ["某某市审计局2023年政府信息公开工作年度报告", "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
                     "（一）总体情况", "1.主动公开情况", "2023年，本局主动公开政府信息512条。", "2.依申请公开情况", "2023年，本局新收政府信息公开申请1件。",
                     "3.平台建设情况", "优化门户网站栏目设置。", "（二）主动公开政府信息情况", "行政许可\t120"]
        if three { lines += ["（三）收到和处理政府信息公开申请情况", "本年新收申请1件，予以公开1件。"] }
        lines += ["（四）政府信息公开行政复议、行政诉讼情况", "无。", "（五）存在的主要问题及改进情况", "一是解读形式不够丰富。下一步，将丰富解读形式。",
                  "（六）其他需要报告的事项", "2023年，本局未收取信息处理费。", "某某市审计局", "2024年1月18日"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("parts numbered （一）…（六）: the items 1. 2. under （一） are no parts, so a missing （三） is missing")
    func parenPartsWithItems() throws {
        let whole = ReportParser.parse(text: Self.parenParts(), source: "x.txt")
        #expect(whole.sections.map(\.heading).first { $0.hasPrefix("1.") || $0.hasPrefix("2.") } == nil)
        #expect(whole.sections.count == 6)
        #expect(try outcome(audit(Self.parenParts()), "sections.required") == .pass)
        #expect(try outcome(audit(Self.parenParts(three: false)), "sections.required") == .fail)
        // Look-alikes: a contents list of （一）…（六）, in a sentence or a line each, above a report
        // numbered 1.…7. (an extra part 2.) is no chain of parts; the report's own headings are.
        let numbered = Self.parenParts().replacingOccurrences(of: "（一）总体情况", with: "1.总体情况").replacingOccurrences(of: "（二）主动", with: "3.主动")
            .replacingOccurrences(of: "（三）收到", with: "4.收到").replacingOccurrences(of: "（四）政府", with: "5.政府")
            .replacingOccurrences(of: "（五）存在", with: "6.存在").replacingOccurrences(of: "（六）其他", with: "7.其他")
            .replacingOccurrences(of: "1.主动公开情况", with: "（一）主动公开情况").replacingOccurrences(of: "2.依申请公开情况", with: "（二）依申请公开情况")
            .replacingOccurrences(of: "3.平台建设情况", with: "2.年度工作要点落实情况")
        let titles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
        let paren = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
        for list in ["本报告包括：" + zip(paren, titles).map { $0 + $1 }.joined(separator: "；") + "。", zip(paren, titles).map { $0 + $1 }.joined(separator: "\n")] {
            let text = numbered.replacingOccurrences(of: "本报告中所列", with: list + "\n本报告中所列")
            let r = ReportParser.parse(text: text, source: "x.txt")
            #expect(r.sections.map(\.heading).filter { $0.hasPrefix("（") }.isEmpty, "\(r.sections.map(\.heading))")
        }
        // A report numbered 一、…六、 with （一）（二） items under 一 keeps its own headings.
        #expect(try outcome(audit(Project.text("examples/reports/000_67dfe248a59990d3.txt")), "sections.required") == .pass)
    }

    @Test("the fee statement quoted under strict starts at its own line, not inside the flattened table before it")
    func feeQuoteAfterTable() throws {
        let text = PageFamilyTests.report(six: "无。").replacingOccurrences(of: "四、政府信息公开行政复议、行政诉讼情况",
            with: "四、政府信息公开行政复议、行政诉讼情况\n行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 0 0 0 0 0\n2021年，本街道在政府信息公开工作中未收取任何费用。")
        let a = try audit(text, "strict")
        let fee = a.findings.first { $0.rule == "fees.disclosed" }
        #expect(fee?.excerpt == "2021年，本街道在政府信息公开工作中未收取任何费用。", "\(fee?.excerpt ?? "nil")")
        // A figure's unit wrapped onto the next line is the same sentence.
        let wrapped = try audit(PageFamilyTests.report(six: "本年度发出收费通知0\n件，未收取信息处理费。"), "strict")
        #expect(wrapped.findings.first { $0.rule == "fees.disclosed" }?.excerpt?.hasPrefix("本年度发出收费通知0") ?? true)
    }

    @Test("a government's report without a title, introduced as the place's report and signed by its office, is the government's")
    func placeIntroSignedByOffice() throws {
        let intro = "根据《条例》要求，现公布桐梓县2022年政府信息公开工作年度报告。所列数据统计时限为2022年1月1日至2022年12月31日。"
        let text = PageFamilyTests.report(above: intro, signature: "桐梓县人民政府办公室\n2023年2月18日").replacingOccurrences(of: "2021年，", with: "2022年，")
        let a = try audit(text, "strict")
        #expect(a.agency == "桐梓县人民政府" && a.year == 2022, "\(a.agency ?? "nil")")
        #expect(outcome(a, "report.dated") == .pass)
        // Look-alike: a department that signs is the department, whatever place the introduction names.
        let d = ReportParser.parse(text: PageFamilyTests.report(above: intro, signature: "桐梓县教育局\n2023年1月18日"), source: "x.txt")
        #expect(d.agency == "桐梓县教育局")
    }

    @Test("a title that writes its year without 年 still names the agency alone")
    func titleYearWithoutNian() {
        let r = ReportParser.parse(text: PageFamilyTests.report(above: "东河区卫生健康委员会 2021政府信息公开工作年度报告"), source: "x.txt")
        #expect(r.agency == "东河区卫生健康委员会" && r.year == 2021, "\(r.agency ?? "nil")")
        // Look-alikes: a column's list of years' reports, or a link to the page before, above the title names another year.
        for above in ["2020政府信息公开工作年度报告\n2019政府信息公开工作年度报告", "上一篇：东河区卫生健康委员会2020政府信息公开工作年度报告"] {
            let t = ReportParser.parse(text: PageFamilyTests.report(above: above + "\n东河区卫生健康委员会2021年政府信息公开工作年度报告"), source: "x.txt")
            #expect(t.year == 2021 && t.agency == "东河区卫生健康委员会", "\(t.agency ?? "nil") \(t.year ?? 0)")
        }
    }

    /// Table 三 of the 2019 format with a cell a paragraph: each row's label, an empty line, its
    /// seven cells (a blank cell an empty line), an empty line.
    static func paragraphCells(total: String = "0", firstRowBlanks: Int = 6) -> String {
        let rows = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
                    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
                    "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                    "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "（七）总计", "四、结转下年度继续办理"]
        let groups: Set = ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"]
        var lines = ["某某街道办事处2020年政府信息公开工作年度报告", "本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。", "一、总体情况",
                     "2020年，我街道未收到政府信息公开申请。", "二、主动公开政府信息情况", "略", "三、收到和处理政府信息公开申请情况",
                     "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
        for row in rows {
            lines += [row, ""]
            if !groups.contains(row) { lines += Array(repeating: "", count: row == rows[0] ? firstRowBlanks : 6) + [" " + total, ""] }
        }
        lines += ["四、政府信息公开行政复议、行政诉讼情况", "无", "五、存在的主要问题及改进情况", "一是公开不够及时。下一步，将及时公开。",
                  "六、其他需要报告的事项", "无。", "某某街道办事处", "2021年1月20日"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a table with a cell a paragraph writes blank cells as empty lines: read when every row is then full")
    func paragraphCellsWithEmptyLines() throws {
        let r = ReportParser.parse(text: Self.paragraphCells(), source: "x.txt")
        #expect(r.applicationTable?.values("new") == ["", "", "", "", "", "", "0"], "\(r.applicationTable?.values("new") ?? [])")
        // Table 三 verified whole (table 四 is only `无` here).
        #expect(try !audit(Self.paragraphCells()).findings.contains { $0.rule == "tables.balance" && $0.message.has("表三") })
        // Look-alike: one row an empty line short is not guessed at (the table is not read with confidence).
        let short = ReportParser.parse(text: Self.paragraphCells(firstRowBlanks: 5), source: "x.txt")
        #expect(short.applicationTable?.values("new") == nil)
        #expect(try audit(Self.paragraphCells(firstRowBlanks: 5)).findings.contains { $0.rule == "tables.balance" && $0.outcome == .unverifiable && $0.message.has("表三") })
    }

    @Test("a flattened table 三 wrapped in the middle of a row continues the row on the next line")
    func flatRowWrapped() throws {
        let text = Project.text("examples/reports/000_67dfe248a59990d3.txt")
        let base = try #require(ReportParser.parse(text: text, source: "x.txt").applicationTable)
        #expect(base.values("new") != nil)
        let flat = "三、收到和处理政府信息公开申请情况\n申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 三、本年度办理结果 （一）予以公开 2 0 0 0 0\n0 2 （二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1"
        let r = ReportParser.parse(text: PageFamilyTests.report().replacingOccurrences(of: "三、收到和处理政府信息公开申请情况", with: flat), source: "x.txt")
        #expect(r.applicationTable?.values("granted") == ["2", "0", "0", "0", "0", "0", "2"], "\(String(describing: r.applicationTable?.reading(row: "granted")))")
        #expect(r.applicationTable?.values("partly_granted") == ["1", "0", "0", "0", "0", "0", "1"])
        // Look-alikes: a page number or a year opening the next line does not complete a row that lost a
        // blank cell (its total would not be its sum); a row the next line does not complete stays unreadable.
        for opening in ["3", "2023"] {
            let lost = flat.replacingOccurrences(of: "（一）予以公开 2 0 0 0 0\n0 2 （二）", with: "（一）予以公开 2 0 0 0 0 2\n\(opening) （二）")
            let l = ReportParser.parse(text: PageFamilyTests.report().replacingOccurrences(of: "三、收到和处理政府信息公开申请情况", with: lost), source: "x.txt")
            #expect(l.applicationTable?.values("granted") == nil, "\(opening)")
        }
        let short = flat.replacingOccurrences(of: "\n0 2 （二）", with: "\n（二）")
        let u = ReportParser.parse(text: PageFamilyTests.report().replacingOccurrences(of: "三、收到和处理政府信息公开申请情况", with: short), source: "x.txt")
        #expect(u.applicationTable?.values("granted") == nil)
    }

    @Test("table 四 ends at its fifteenth value: a fee table after it is not read into it")
    func reviewTableThenFeeTable() throws {
        let four = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
        let fee = "\n本年度信息处理费收取情况如下：\n发出收费通知件数（件）\t收费通知总金额（元）\t实际收取总金额（元）\n0\t0\t0"
        let r = ReportParser.parse(text: PageFamilyTests.report().replacingOccurrences(of: "四、政府信息公开行政复议、行政诉讼情况", with: four + fee), source: "x.txt")
        #expect(r.reviewTable?.values("review") == ["1", "0", "0", "0", "1"])
        // Look-alike: fewer than fifteen values before the note is still not a table read with confidence.
        let short = four.replacingOccurrences(of: "1\t0\t0\t0\t1\t", with: "1\t0\t0\t1\t")
        let s = ReportParser.parse(text: PageFamilyTests.report().replacingOccurrences(of: "四、政府信息公开行政复议、行政诉讼情况", with: short + fee), source: "x.txt")
        #expect(s.reviewTable?.values("review") == nil)
    }

    @Test("a traditional-script page writes 反覆 for 反复: the row is still read")
    func traditionalFanfu() {
        let spec = TemplateLabels.applicationSchema(.v2021).rows.first { $0.id == "not_processed_4" }
        #expect(spec?.cores.contains("无正当理由大量反覆申请") == true)
        #expect(ApplicationTableScan(template: .v2021).match("4.无正当理由大量反覆申请", fuzzy: false) != nil)
    }

    @Test("a report without a title whose period marker lost a character (统计限) still has its year")
    func yearFromTypedPeriod() throws {
        let text = PageFamilyTests.report(above: "", intro: "本报告中所列数据统计限自2021年1月1日至2021年12月31日。", signature: "")
        let r = ReportParser.parse(text: text, source: "x.txt")
        #expect(r.year == 2021)
        #expect(try outcome(audit(text), "period.stated") == .pass)
        // Look-alike: a word that only ends in 限 (权限, 期限 alone) tells no year.
        let other = PageFamilyTests.report(above: "", intro: "本单位公开权限自2021年1月1日至2021年12月31日调整。", signature: "")
        #expect(ReportParser.parse(text: other, source: "x.txt").year == nil)
    }
}
