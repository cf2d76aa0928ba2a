import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Families from a third reading of real pages (52 reports, most of them 2019–2020 and townships)
/// and from a second reading of the change that fixed the first two, each with its look-alike.
@Suite("Page families, third reading")
struct PageFamilyRoundThreeTests: AuditsPages {
    func agency(_ above: String, signature: String = "某某街道办事处\n2022年1月20日") -> String? {
        ReportParser.parse(text: PageFamilyTests.report(above: above, signature: signature), source: "x.txt").agency
    }

    @Test("section 一 under other overview words, and a page's bulleted heading, is found", arguments: ["一、 总体公开情况", "一、总体概述", "  • 总体情况"])
    func overviewTitles(one: String) throws {
        #expect(try outcome(audit(PageFamilyTests.report(one: one)), "sections.required") == .pass, "\(one)")
    }

    @Test("a period with a note after a date is read; a month and day run together is could-not-verify; a word typed into the marker is read")
    func periodForms() throws {
        let noted = "报告所列数据统计期限自2021年1月28日(我局成立之日)起至2021年12月31日止。"
        let p = ReportParser.parse(text: PageFamilyTests.report(intro: noted), source: "x.txt").periods
        #expect(p.first.map { [$0.startMonth, $0.startDay, $0.endMonth, $0.endDay] } == [1, 28, 12, 31])
        let glued = try audit(PageFamilyTests.report(intro: "报告所列数据统计期限自2021年1月1日起至2021年1231。"))
        #expect(outcome(glued, "period.stated") == .unverifiable)
        #expect(try outcome(audit(PageFamilyTests.report(intro: "统计书记时间段:2021年1月1日起至2021年12月31日止。")), "period.stated") == .pass)
        // Look-alikes: another term (审计期限), and readable years that are no period of the year, stay not stated.
        for intro in ["本局审计期限为2021年1月1日至2021年12月31日。", "本报告内容涵盖2008年至2021年12月31日的目录。"] {
            #expect(try outcome(audit(PageFamilyTests.report(intro: intro)), "period.stated") == .fail, "\(intro)")
        }
    }

    @Test("a contents heading above the title does not make the report another kind of document")
    func contentsHeading() throws {
        let a = try audit(PageFamilyTests.report(above: "目录\n某某街道办事处2021年政府信息公开工作年度报告"))
        #expect(a.agency == "某某街道办事处" && outcome(a, "sections.required") == .pass && !a.findings.contains { $0.rule == "input.report" })
    }

    @Test("levels: a 部门 is a department, a league a government, a place with its department in parentheses the department")
    func levels() {
        #expect(AgencyLevel.classify("江苏省徐州市气象部门") == .department && AgencyLevel.classify("兴安盟") == .government)
        #expect(AgencyLevel.classify("湖南省(省教育厅)") == .department && AgencyLevel.classify("某某市文化和旅游局(某某市文物局)") == .department)
        let r = ReportParser.parse(text: PageFamilyTests.report(above: "浙江省2021年度政府信息公开工作年度报告（省统计局）"), source: "x.txt")
        #expect(AgencyLevel.classify(r.agency) == .department, "\(r.agency ?? "nil")")
    }

    @Test("a title naming the department without its place takes the place from the signature; a sentence's words never")
    func departmentWithoutPlace() {
        #expect(agency("应急管理局2021年政府信息公开工作年度报告", signature: "梅河口市应急管理局\n2022年1月29日") == "梅河口市应急管理局")
        #expect(agency("某某县应急管理局2021年政府信息公开工作年度报告", signature: "其他事项无某某县应急管理局\n2022年1月29日") == "某某县应急管理局")
    }

    @Test("titles: the agency before a quoted title, a quoted title with 关于, a title in page cells over two lines, a bulleted title; never a sentence's")
    func titleForms() {
        #expect(agency("临泉县教育局《2021年政府信息公开工作年度报告》") == "临泉县教育局")
        #expect(agency("《临泉县教育局关于2021年度政府信息公开工作情况的报告》") == "临泉县教育局")
        #expect(agency("临泉县人民政府门户网站 | 临泉县教育局2021年政府信息公开\n工作年度报告") == "临泉县教育局")
        #expect(agency("● 临泉县教育局政府信息公开工作年度报告") == "临泉县教育局")
        #expect(agency("本局参照《阜阳市2021年政府信息公开工作年度报告》体例，编制本报告。", signature: "临泉县教育局\n2022年1月20日") == "临泉县教育局")
        #expect(agency("2021年政府信息公开工作年度报告\n县政府办公室现发布《临泉县人民政府2021年政务公开工作要点》，本局认真贯彻落实。", signature: "\n2022年1月20日") == nil)
    }

    @Test("table 二 labels with a province's note are read, one cell a line or in a row; a note column with a unit is no figure")
    func notedLabels() throws {
        let label = "规范性文件(行政机关制定发布的决定、公告、通告、意见、通知,以及标题采用“规定”“办法”“细则”“规范”“规程”“规则”等字样的公文,一般情况下属于规范性文件)"
        for table in ["第二十条第(一)项 |\n信息内容 |\n本年新制作数量 |\n本年新公开数量 |\n对外公开总数量 |\n\(label) |\n11 |\n11 |\n11 |",
                      "第二十条第(一)项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n\(label)\t11\t11\t11"] {
            let text = PageFamilyTests.report().replacingOccurrences(of: "2021", with: "2020").replacingOccurrences(of: "2022年", with: "2021年")
                .replacingOccurrences(of: "二、主动公开政府信息情况\n", with: "二、主动公开政府信息情况\n" + table + "\n")
            let item = try #require(ReportParser.parse(text: text, source: "x.txt").proactiveTable?.items.first { $0.spec.id == "normative" })
            guard case .read(let cells) = item.reading else { Issue.record("\(item.reading)"); continue }
            #expect(cells.map(\.text) == ["11", "11", "11"])
        }
        let note = PageFamilyTests.report().replacingOccurrences(of: "二、主动公开政府信息情况\n", with: "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t3\t0\t15\t12件\n")
        let n = try #require(ReportParser.parse(text: note, source: "x.txt").proactiveTable?.items.first { $0.spec.id == "normative" })
        guard case .read(let c) = n.reading else { Issue.record("\(n.reading)"); return }
        #expect(c.map(\.text) == ["3", "0", "15"])
    }

    @Test("a heading numbered 一 is not section 一 when it is a contents list's entry")
    func contentsEntryIsNoOverview() {
        let text = ["某某县教育局2021年政府信息公开工作年度报告", "目录", "一、主动公开政府信息情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。",
                    "二、主动公开政府信息情况", "本局主动公开信息64条。", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                    "五、存在的主要问题及改进情况", "一是公开不够及时。", "六、其他需要报告的事项", "本年度未收取信息处理费。"].joined(separator: "\n")
        #expect(ReportParser.parse(text: text, source: "x.txt").section(.overview) == nil)
    }

    @Test("於 before 潜 across a space stays as written")
    func yuBeforeSpace() {
        #expect(TraditionalScript.simplified(String(repeating: "於 潛鎮人民政府關於開展政務公開工作的報告。這個單位屬於區縣。", count: 3))?.hasPrefix("於 潜镇") == true)
    }

    @Test("strict: a date in a page's info bar or metadata cells dates the report", arguments: [
        "来源: 作者: 时间:2022-01-28 点击率:【 打印 】【 关闭 】 |", "发布机构发文日期 2022-01-12 20:04", "2022-01-20 作者:佚名 点击数: |",
    ])
    func pageDates(bar: String) throws {
        let a = try audit(PageFamilyTests.report(above: "某某街道办事处2021年政府信息公开工作年度报告\n" + bar, signature: "某某街道办事处"), "strict")
        #expect(a.publicationDate != nil && !a.findings.contains { $0.rule == "report.dated" && $0.outcome == .fail }, "\(a.findings.map(\.message))")
    }

    @Test("the year and the agency from a page's first line, a 标题 label, or an introduction that names the year first")
    func introYearAndName() {
        let intro = "根据《条例》要求，现公布区政府国资局2022年政府信息公开工作年度报告。"
        let r = ReportParser.parse(text: PageFamilyTests.report(above: "浑南区国资局\n" + intro, signature: ""), source: "x.txt")
        #expect(r.year == 2022 && r.agency == "浑南区国资局", "\(r.agency ?? "nil") \(r.year ?? 0)")
        #expect(agency("索引号000014349/2023-74857\n标题水城区杨梅乡2021年政府信息公开工作年度报告", signature: "") == "水城区杨梅乡")
        let first = ReportParser.parse(text: PageFamilyTests.report(above: "根据《条例》的文件精神，特向社会公布2020年开平市农业农村局政府信息公开工作年度报告。", signature: ""), source: "x.txt")
        #expect(first.agency == "开平市农业农村局" && first.year == 2020, "\(first.agency ?? "nil") \(first.year ?? 0)")
    }

    @Test("look-alikes of the agency rules: a full name is not lengthened, a joint signer is no place, a menu's bulleted line is no title, a note or a lesser place in parentheses leaves the government")
    func agencyLookAlikes() {
        #expect(agency("临泉县教育局2021年政府信息公开工作年度报告", signature: "安徽省临泉县教育局\n2022年1月20日") == "临泉县教育局")
        #expect(agency("教育局2021年政府信息公开工作年度报告", signature: "中共临泉县委 临泉县教育局\n2022年1月20日") == "教育局")
        #expect(agency("• 临泉县人民政府政府信息公开工作年度报告\n临泉县教育局2021年政府信息公开工作年度报告", signature: "临泉县教育局\n2022年2月20日") == "临泉县教育局")
        #expect(agency("临泉县教育局发布《2021年政府信息公开工作年度报告》") == "临泉县教育局")
        #expect(agency("临泉县教育局,体育局2021年政府信息公开工作年度报告") == "临泉县教育局,体育局")
        for name in ["上海市(本级)", "北京市(东城区)", "安徽省(省政府办公厅)"] { #expect(AgencyLevel.classify(name) == .government, "\(name)") }
        #expect(AgencyLevel.classify("临泉县民盟") == nil)
        let office = ReportParser.parse(text: PageFamilyTests.report(above: "安徽省2021年政府信息公开工作年度报告（省政府办公厅）"), source: "x.txt")
        #expect(AgencyLevel.classify(office.agency) == .government, "\(office.agency ?? "nil")")
    }

    @Test("look-alikes of the period and contents rules: a mistyped date is could-not-verify, 系统计划期限 no marker, a file of contents alone no report")
    func periodAndContentsLookAlikes() throws {
        for intro in ["报告所列数据统计期限自2021年1月1日起至202年12月31日止。", "报告所列数据统计期限自2021年1月101日起至2021年12月31日止。"] {
            #expect(try outcome(audit(PageFamilyTests.report(intro: intro)), "period.stated") == .unverifiable, "\(intro)")
        }
        #expect(try outcome(audit(PageFamilyTests.report(intro: "本局信息系统计划期限自2021年1月1日起至2023年12月31日。")), "period.stated") == .fail)
        let contents = try audit("目录\n一、总体情况……1\n二、主动公开政府信息情况……2\n三、收到和处理政府信息公开申请情况……3\n四、政府信息公开行政复议、行政诉讼情况……4\n五、存在的主要问题及改进情况……5\n六、其他需要报告的事项……6\n")
        #expect(contents.findings.contains { $0.rule == "input.report" })
    }

    @Test("table 二: a plain figure past the row's width makes it unreadable; a signed change stays in its place")
    func proactiveWidth() throws {
        let rows = "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t48\t+2\t50\t0\n"
        let text = PageFamilyTests.report().replacingOccurrences(of: "2021", with: "2020").replacingOccurrences(of: "2022年", with: "2021年")
            .replacingOccurrences(of: "二、主动公开政府信息情况\n", with: "二、主动公开政府信息情况\n" + rows)
        let item = try #require(ReportParser.parse(text: text, source: "x.txt").proactiveTable?.items.first { $0.spec.id == "licensing" })
        if case .read = item.reading { Issue.record("a row of four figures for three columns was read") }
    }

    @Test("strict: measures listed after the agency's 将 (为此，某某镇将一是督促…) are measures")
    func listedMeasures() throws {
        for five in ["一是标准目录运用不够充分；二是工作人员均为兼职。为此，周湾镇将一是督促村（社区）按月更新公开栏；二是围绕热点及时发布权威信息。",
                     "一是标准目录运用不够充分。针对上述问题，周湾镇将及时发布权威信息。"] {
            #expect(try outcome(audit(PageFamilyTests.report(five: five), "strict"), "problems.substantive") == .pass, "\(five)")
        }
    }

    @Test("a typo in a section's official title under its own numeral is that section; a short title is not guessed")
    func titleTypo() throws {
        let text = PageFamilyTests.report().replacingOccurrences(of: "二、主动公开政府信息情况", with: "二、主动公开政府政府情况")
        #expect(ReportParser.parse(text: text, source: "x.txt").section(.proactive)?.heading == "二、主动公开政府政府情况")
        let other = PageFamilyTests.report().replacingOccurrences(of: "二、主动公开政府信息情况", with: "二、工作亮点情况")
        #expect(ReportParser.parse(text: other, source: "x.txt").section(.proactive) == nil)
    }

    @Test("headings of parts without text (their tables were images) in a row on a flattened page are those parts; a list in the introduction is not")
    func emptyPartsInARow() {
        let flat = "某某市农业农村局2020年政府信息公开工作年度报告\n一、总体情况 本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本局主动公开信息56条。 "
            + "二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 "
            + "公开时效性有待提高。下一步我局将加强业务培训。 六、其他需要报告的事项 我局暂无其他事项需要报告。\n"
        let r = ReportParser.parse(text: flat, source: "x.txt")
        #expect(r.sections.map(\.kind.rawValue) == [1, 2, 3, 4, 5, 6], "\(r.sections.map(\.heading))")
        // The same words as a list in the introduction, the report's own headings below: the headings are those below.
        let listed = "某某市农业农村局2020年政府信息公开工作年度报告\n本报告包括：二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 等部分。\n"
            + "一、总体情况\n本局主动公开信息56条。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n一是不够及时。\n六、其他需要报告的事项\n无。\n"
        #expect(ReportParser.parse(text: listed, source: "x.txt").sections.allSatisfy { $0.headingLine > 2 })
    }
}

