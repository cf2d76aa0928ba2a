import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Families seen on real government pages (excerpts of 100+ reports from some 90 sites): the
/// site's breadcrumb and metadata block above the report, the 2008 条例's wordings still in use,
/// dates a page garbled, and section 五 written without the usual key words. Each case is a
/// small report in the family's form.
@Suite("Page families")
struct PageFamilyTests: AuditsPages {
    /// A whole 2021-template report without tables, with what stands above it and its parts given.
    static func report(above: String = "某某街道办事处2021年政府信息公开工作年度报告", intro: String = "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。",
                       one: String = "一、总体情况", five: String = "一是网上公开信息偏少。下一步，我街道将把宣传栏公开的民生信息同步上传网站。",
                       six: String = "本年度未收取信息处理费。", signature: String = "某某街道办事处\n2022年1月20日") -> String {
        [above, intro, one, "2021年，我街道主动公开政府信息64条，未收到政府信息公开申请。",
         "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
         "五、存在的主要问题及改进情况", five, "六、其他需要报告的事项", six, signature].joined(separator: "\n") + "\n"
    }

    @Test("a breadcrumb above the title names categories, never the agency", arguments: [
        "当前位置: 首页 > 政务公开 > 区政府信息公开年报 > 镇街\n\n某某街道办事处2021年政府信息公开工作年度报告",
        "您现在所在的位置: 网站首页 > 政府信息公开 > 某某街道办事处 > 政府信息公开年报\n某某街道办事处2021年度政府信息公开工作年度报告",
        "首页 > 政务公开 > 政府信息公开年报 > 2021 > 街道办事处政府信息公开工作年度报告\n2021年某某街道办事处政府信息公开工作年度报告",
        "首页 > 政务公开 > 区属街道信息公开目录 > 某某街道 > 信息公开年报\n\n某某街道办事处2021年政府信息公开工作年度报告",
        "您当前所在位置: 首页 > 乡镇信息公开 > 某某乡 > 政务信息公开年报\n某某街道办事处2021年政府信息公开工作年度报告",
    ])
    func breadcrumbs(above: String) {
        let r = ReportParser.parse(text: Self.report(above: above), source: "x.txt")
        #expect(r.agency == "某某街道办事处" && r.year == 2021, "\(r.agency ?? "nil") \(r.year ?? 0)")
    }

    @Test("a title line that names a path with arrows keeps its agency; a related link under a title is not the title")
    func titlesNotBreadcrumbs() {
        let arrows = "当前位置:首页>政务公开>年度报告 某某乡人民政府2021年政府信息公开工作年度报告 本报告电子版可通过某某县人民政府网站→政务公开→政府信息公开年报栏目查阅。"
        let r = ReportParser.parse(text: Self.report(above: arrows), source: "x.txt")
        #expect(r.agency == "某某乡人民政府" && r.year == 2021)
        let path = "某某乡人民政府2021年政府信息公开工作年度报告(电子版查阅路径:某某县人民政府网站→政务公开→政府信息公开年报)"
        #expect(ReportParser.parse(text: Self.report(above: path), source: "x.txt").agency == "某某乡人民政府")
        let related = "某某县交通运输局政府信息公开工作年度报告\n相关链接:\n某某县交通运输局2020年政府信息公开工作年度报告"
        let t = ReportParser.parse(text: Self.report(above: related), source: "x.txt")
        #expect(t.agency == "某某县交通运输局" && t.year == 2021)
        #expect(ReportParser.parse(text: Self.report(above: "川陕革命根据地博物馆2021年政府信息公开工作年度报告"), source: "x.txt").agency == "川陕革命根据地博物馆")
    }

    @Test("an introduction sentence is no title; the signature or the introduction names the agency")
    func introductionIsNoTitle() {
        let intro = "本年度报告根据《中华人民共和国政府信息公开条例》和《某某区人民政府办公室关于做好2021年度政府信息公开年度报告编制公布工作的通知》要求，结合我镇实际编制而成。"
        let r = ReportParser.parse(text: Self.report(above: intro, signature: "某某镇人民政府\n2022年1月20日"), source: "x.txt")
        #expect(r.agency == "某某镇人民政府")
        // A government's report signed by its office: the introduction names the government.
        let named = "根据《条例》规定编制本报告。现将某某市人民政府2021年度政府信息公开工作情况报告如下："
        let g = ReportParser.parse(text: Self.report(above: named, signature: "某某市人民政府办公室\n2022年2月11日"), source: "x.txt")
        #expect(g.agency == "某某市人民政府")
        let own = ReportParser.parse(text: Self.report(above: "现将我局2021年度政府信息公开工作情况报告如下：", signature: "某某县教育局\n2022年1月20日"), source: "x.txt")
        #expect(own.agency == "某某县教育局")
    }

    @Test("section 一 titled as an overview in other words", arguments: ["一、信息公开工作概述", "一、年度工作概述", "一、政务公开工作总体情况", "一、政府信息公开工作概述"])
    func overviewTitles(one: String) throws {
        let a = try audit(Self.report(one: one))
        #expect(outcome(a, "sections.required") == .pass, "\(a.findings.map(\.message))")
    }

    @Test("periods a page wrote with 始, without 年, or in other words are read", arguments: [
        "统计期限自2021年1月1日始至2021年12月31日止。", "本报告所列数据统计期限自20211月1日起至202112月31日止。",
        "本报告所列数据的时间期限为2021年1月1日至2021年12月31日。", "各项数据核定的起止时间为2021年1月1日至12月31日。",
        "本报告内容涵盖了县政府2021年1月至12月期间政府信息公开工作情况。",
    ])
    func periodWordings(intro: String) throws {
        let a = try audit(Self.report(intro: intro))
        #expect(outcome(a, "period.stated") == .pass, "\(a.findings.map(\.message))")
    }

    @Test("a period stated with dates that cannot be read is could-not-verify, not missing")
    func garbledPeriod() throws {
        for intro in ["本报告所列数据统计期限从202111日到1231日止。", "本报告中所列数据的统计期限自202111日起至20211230日止。"] {
            let a = try audit(Self.report(intro: intro))
            #expect(outcome(a, "period.stated") == .unverifiable, "\(a.findings.map(\.message))")
        }
        #expect(try outcome(audit(Self.report(intro: "本报告根据条例编制。")), "period.stated") == .fail)
    }

    @Test("fee statements in the 2008 条例's wordings", arguments: [
        "4、政府信息公开的收费及减免情况:无。", "依申请公开收费情况无", "本年度无政府信息公开收费及减免情况。", "五是收费及减免方面，本单位没有相关收费和减免情况。",
    ])
    func oldFeeWordings(six: String) throws {
        #expect(try outcome(audit(Self.report(six: six)), "fees.disclosed") == .pass)
    }

    @Test("strict: nothing collected, said in other words, is the amount collected", arguments: [
        "街道未向公民、法人和其他组织收取任何与政府信息公开工作相关的费用。", "本年度未发出收费通知，政府信息公开收费情况：无。",
        "本年度未发出收费通知。信息处理费：无。", "本年度未发出收费通知。2021年度我街道信息处理费收取为零。", "本年度未发出收费通知，依申请公开政府信息无收费。",
    ])
    func strictAmountWordings(six: String) throws {
        let a = try audit(Self.report(six: six.hasPrefix("本年度未发出") ? six : "本年度未发出收费通知。" + six), "strict")
        #expect(outcome(a, "fees.disclosed") == .pass, "\(a.findings.map(\.message))")
    }

    @Test("strict: the date in the page's metadata block or dated line dates the report", arguments: [
        "某某街道办事处2021年度政府信息公开工作年度报告\n索 引 号:732464230/2022-00001主题分类:综合政务\n文    号成文日期:2022-01-22发布日期:2022-01-22\n某某街道办事处2021年度政府信息公开工作年度报告",
        "索 引 号 | 01425845-9/2022-00012 | 分 类 | 综合政务 |\n发布机构 | 某某街道 | 发文日期 | 2022-01-04 |\n某某街道办事处2021年政府信息公开工作年度报告",
        "某某街道办事处2021年政府信息公开工作年度报告\n2022年01月23日 来源: 某某区",
    ])
    func metadataDates(above: String) throws {
        let a = try audit(Self.report(above: above, signature: ""), "strict")
        #expect(outcome(a, "report.dated") == .pass, "\(a.findings.map(\.message))")
    }

    @Test("strict: problems and measures said without the usual key words", arguments: [
        "某某街道政府信息公开以社区公告栏为主，网上公开的内容少，群众查询不便。2021年，街道将在区政府网站街道专栏按月公开低保信息。",
        "各村宣传栏的公开内容更新慢，部分惠民资金信息只在宣传栏公开。下一步，街办将把惠民资金信息同步发布到门户网站。",
        "部分街道政务公开专区功能发挥不充分。2022年将推动专区与便民服务中心融合，提供政策咨询服务。",
        "部分镇政务公开专区建设标准不统一。2022年，将统一专区建设标准，开展专区运行评估。",
        "政策解读仍停留在文字转载，原创解读少。2022年，市政府办公室将组织解读材料质量抽查，每季度通报一次。",
    ])
    func problemWordings(five: String) throws {
        let a = try audit(Self.report(five: five), "strict")
        #expect(outcome(a, "problems.substantive") == .pass, "\(a.findings.map(\.message))")
    }

    @Test("a page in traditional characters is read converted, its lines kept, and says so")
    func traditionalScript() throws {
        let text = "某某區人力資源和社會保障局2021年政府信息公開工作年度報告\n本報告所列數據統計期限自2021年1月1日起至2021年12月31日止。\n"
            + "一、總體情況\n2021年，本局主動公開政府信息120條，收到政府信息公開申請3件，均已按時辦結。\n二、主動公開政府信息情況\n"
            + "三、收到和處理政府信息公開申請情況\n四、政府信息公開行政復議、行政訴訟情況\n五、存在的主要問題及改進情況\n"
            + "一是政策解讀形式單一。下一步，本局將豐富解讀形式。\n六、其他需要報告的事項\n本年度未收取信息處理費。\n某某區人力資源和社會保障局\n2022年1月20日\n"
        let r = ReportParser.parse(text: text, source: "x.txt")
        #expect(r.traditionalScript && r.agency == "某某区人力资源和社会保障局" && r.year == 2021)
        #expect(r.lines.count == ReportParser.splitLines(text).count)
        let a = try audit(text)
        for rule in ["sections.required", "period.stated", "fees.disclosed"] { #expect(outcome(a, rule) == .pass, "\(rule): \(a.findings.map(\.message))") }
        #expect(a.findings.first?.rule == "input.script" && a.findings.first?.deduction == 0)
        // A simplified report that quotes a few traditional characters is read as written.
        let quoted = Self.report(five: "一是“政務公開”專欄更新不夠及時。下一步，我街道將加強專欄維護。")
        #expect(!ReportParser.parse(text: quoted, source: "x.txt").traditionalScript)
        // Characters also written in simplified place names stay as written (乾县, 於潜镇).
        let qian = ReportParser.parse(text: text.replacingOccurrences(of: "某某區人力資源", with: "乾縣人力資源"), source: "x.txt")
        #expect(qian.agency == "乾县人力资源和社会保障局")
    }

    @Test("table 二 laid out one cell a line, as pages' text gives it, is read", arguments: [" |", "", "\n"])
    func proactiveOneCellALine(end: String) throws {
        let cells = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0", "行政规范性文件", "6", "4", "18",
                     "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "12", "第二十条第(六)项", "信息内容", "本年处理决定数量",
                     "行政处罚", "5", "行政强制", "0", "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", "0"]
        let table = cells.map { $0 + end }.joined(separator: "\n")
        let text = Self.report().replacingOccurrences(of: "二、主动公开政府信息情况\n", with: "二、主动公开政府信息情况\n" + table + "\n")
        let r = ReportParser.parse(text: text, source: "x.txt")
        let items = try #require(r.proactiveTable?.items)
        func read(_ label: String) -> [String]? {
            guard case .read(let c)? = items.first(where: { $0.spec.label == label })?.reading else { return nil }
            return c.map(\.text)
        }
        #expect(read("行政规范性文件") == ["6", "4", "18"] && read("行政许可") == ["12"] && read("行政处罚") == ["5"] && read("行政事业性收费") == ["0"])
        // A row with a figure missing is unreliable, never read shifted.
        let short = text.replacingOccurrences(of: "行政规范性文件\(end)\n6\(end)\n", with: "行政规范性文件\(end)\n")
        let s = try #require(ReportParser.parse(text: short, source: "x.txt").proactiveTable?.items.first { $0.spec.label == "行政规范性文件" })
        if case .read = s.reading { Issue.record("a row of two figures for three columns was read") }
    }

    @Test("table 二 of the 2019 template: a change printed with its sign and an amount with its unit are the row's figures", arguments: ["\t", " | "])
    func proactiveSignedAndUnits(sep: String) throws {
        let rows = [["第二十条第（五）项"], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "35", "-2", "1200"],
                    ["其他对外管理服务事项", "10", "+3", "50"], ["第二十条第（六）项"], ["行政强制", "5", "－1", "2"],
                    ["第二十条第（八）项"], ["行政事业性收费", "3", "+1"], ["第二十条第（九）项"], ["政府集中采购", "12", "86.5万元"]]
        let table = rows.map { $0.joined(separator: sep) }.joined(separator: "\n")
        let text = Self.report().replacingOccurrences(of: "2021", with: "2020").replacingOccurrences(of: "2022年", with: "2021年")
            .replacingOccurrences(of: "二、主动公开政府信息情况\n", with: "二、主动公开政府信息情况\n" + table + "\n")
        let items = try #require(ReportParser.parse(text: text, source: "x.txt").proactiveTable?.items)
        func read(_ label: String) -> [String]? {
            guard case .read(let c)? = items.first(where: { $0.spec.label == label })?.reading else { return nil }
            return c.map { if case .number(let q) = $0.value { return q.description } else { return "?" } }
        }
        #expect(read("行政许可") == ["35", "-2", "1200"] && read("其他对外管理服务事项") == ["10", "3", "50"] && read("行政强制") == ["5", "-1", "2"])
        #expect(read("行政事业性收费") == ["3", "1"] && read("政府集中采购") == ["12", "86.5"])
        // Words are still no figures: a row with text in a figure's place stays a cell short.
        let worded = text.replacingOccurrences(of: "\(sep)-2\(sep)", with: "\(sep)减少两项\(sep)")
        #expect(ReportParser.parse(text: worded, source: "x.txt").proactiveTable?.items.first { $0.spec.label == "行政许可" }.map {
            if case .read = $0.reading { return false } else { return true } } == true)
    }

    @Test("sentences that are no fee statement, no period and no measure are not taken for one")
    func lookAlikes() throws {
        let fee = try audit(Self.report(five: "一是网上公开信息偏少。下一步，我街道将及时公开教育收费情况，不断加大公开力度。", six: "本年度无其他需要报告的事项。"))
        #expect(outcome(fee, "fees.disclosed") == .fail)
        let parking = try audit(Self.report(five: "一是停车收费情况、不动产登记信息公开不及时。下一步将加强公开。", six: "本年度无其他需要报告的事项。"))
        #expect(outcome(parking, "fees.disclosed") == .fail)
        for intro in ["本报告涵盖了我乡2021年度政府信息公开工作的主要情况。", "我街道开展专项整治行动，起止时间为2021年1月1日至12月31日。"] {
            #expect(try outcome(audit(Self.report(intro: intro)), "period.stated") == .fail, "\(intro)")
        }
        let notAPlan = try audit(Self.report(five: "个别科室将应公开的信息发布在非指定栏目，群众查找信息不便，影响了公开效果，群众意见较大。"), "strict")
        #expect(notAPlan.findings.contains { $0.rule == "problems.substantive" && $0.message.contains("改进措施") })
        let noProblem = try audit(Self.report(five: "2022年，我乡将继续加大政府信息主动公开力度，加强政策解读和回应关切，拓宽公开渠道，确保公开质量不降低。"), "strict")
        #expect(noProblem.findings.contains { $0.rule == "problems.substantive" && $0.message.contains("具体问题") })
    }

    @Test("strict: section 五 that names no problem and no measure still fails")
    func emptyProblems() throws {
        let a = try audit(Self.report(five: "本年度我街道政务公开工作运行平稳，各项工作按计划完成，群众反映良好，取得了较好的社会效果。"), "strict")
        #expect(outcome(a, "problems.substantive") == .fail)
    }
}
