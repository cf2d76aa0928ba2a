import Foundation
import Testing
import TestSupport
@testable import AuditCore
@testable import AuditDocument

/// The same report with its period and fee statements worded the ways real reports word them:
/// each wording must be read as the statement it is (under standard and strict), so that no
/// agency is accused of leaving out what it wrote in its own words.
@Suite("Wording variants of the period and fee statements")
struct WordingVariantTests {
    static let base = Project.text("examples/reports/000_67dfe248a59990d3.txt")
    static let period = "本报告所列统计数据期限自2021年1月1日起至2021年12月31日止。"
    static let fee = "依据《政府信息公开信息处理费管理办法》，2021年发出收费通知0件，实际收取金额0元。"

    static let periods = [
        "本报告中所列数据统计时间为2021年1月1日至2021年12月31日。", "报告数据统计时段为2021年1月1日至12月31日。",
        "统计时限：2021年1月1日—2021年12月31日。", "本报告统计数据时间范围为2021年1月1日至12月31日。",
        "本报告所列数据统计期为2021年1月1日至2021年12月31日。", "本报告中使用数据统计期限为2021年1月1日至2021年12月31日。",
        "报告期为2021年1月1日至2021年12月31日。", "本报告统计期限为2021年度（2021年1月1日至12月31日）。",
        "本报告数据统计区间为2021年1月1日至2021年12月31日。", "本报告所列数据的统计周期为2021年1月1日至12月31日。",
        "本报告所列数据统计起止时间为2021年1月1日至2021年12月31日。", "本报告数据统计期间为2021年1月1日到2021年12月31日。",
        "本报告中的数据统计时间段为2021年1月1日至2021年12月31日。", "所列数据的统计期限为2021年1月1日-2021年12月31日。",
        "本报告统计时间：2021年1月1日至2021年12月31日。", "统计期限：2021.1.1-2021.12.31。",
        "本报告所列数据统计期限为2021年1月1日—12月31日。", "本报告所涉数据统计时间自2021年1月1日起至2021年12月31日止。",
        "本报告所列统计数据期限自二〇二一年一月一日起至二〇二一年十二月三十一日止。", "统计期限为二〇二一年一月一日至十二月三十一日。",
        "本报告统计时间：二○二一年一月一日—二○二一年十二月三十一日。",
        // The end introduced by 截至 or 到 after a comma; the data named with 统计 or 时间段.
        "本报告所列数据统计时间自2021年1月1日起，截至2021年12月31日。", "统计时间自2021年1月1日起截至12月31日。",
        "统计时间从2021年1月1日开始，到2021年12月31日结束。", "所列数据时间段为2021年1月1日至2021年12月31日。",
        "统计数据为2021年1月1日至12月31日期间数据。",
        // The hours, an inclusive mark, the whole year with its dates in parentheses, 号, 公历.
        "本报告统计期限为2021年1月1日零时起至2021年12月31日二十四时止。", "统计时间为2021年1月1日0时至2021年12月31日24时。",
        "本报告统计时限为2021年1月1日（含）至2021年12月31日（含）。", "本报告统计时间段为2021年全年（1月1日至12月31日）。",
        "统计期限为2021年1月1号至12月31号。", "统计期限为公历2021年1月1日至12月31日。",
        // As OCR and PDF converters give it: l or I for 1, O for 0, 曰 for 日, 一 for the dash, a
        // page footer inside the sentence, Markdown emphasis or math marks around the dates.
        "本报告统计期限为2021年l月l日至2021年12月3I日。", "统计期限为2O21年1月1日至2O21年12月31曰。", "统计期限为2021年1月1日一2021年12月31日。",
        "本报告统计期限为2021年1月1日至\n- 1 -\n2021年12月31日。", "本报告统计期限为2021年1月1日至\n第1页 共4页\n2021年12月31日。",
        "统计期限为**2021年1月1日**至**2021年12月31日**。", "统计期限为$2021$年1月1日至$2021$年12月31日。", "统计期限为2021年1月1日至<br>2021年12月31日。",
        // A whole year named instead of two dates.
        "本报告统计期为2021年全年。", "报告中所列数据的统计期限为2021年度。", "本报告所列数据统计时间为2021年1-12月。",
        // Other words for the period, ISO dates, a doubled dash.
        "本报告所列数据统计日期为2021年1月1日至2021年12月31日。", "本报告统计口径为2021年1月1日至12月31日。",
        "报告中所列数据时间为2021年1月1日至2021年12月31日。", "本报告中的统计数据起止日期为2021年1月1日至12月31日。",
        "本报告所列数据为2021年1月1日至2021年12月31日期间数据。", "本报告统计的是2021年1月1日至2021年12月31日的数据。",
        "本报告所列数据时间跨度为2021年1月1日至12月31日。", "本报告所列数据统计期限：2021-01-01至2021-12-31。",
        "本报告所列数据统计期限为2021年1月1日——2021年12月31日。",
    ]

    static let fees = [
        "本年度未收取信息处理费。", "2021年度，本机关未向申请人收取信息处理费。", "本机关2021年度无信息处理费收费情况。",
        "未发生信息处理费收取情况。", "本年度没有收取任何信息处理费用。", "依申请公开政府信息未收取任何费用。",
        "2021年未产生政府信息公开信息处理费。", "本机关政府信息公开工作不收取任何费用。", "本年度信息处理费收费金额为0元。",
        "我局在政府信息公开工作中未收取任何费用。", "信息处理费：0元。", "本单位不涉及信息处理费收取。",
        "本机关依申请提供政府信息，不收取费用。", "2021年度没有发生收取信息处理费的情况。", "全年未收取信息公开处理费。",
        "在依申请公开工作中，未向申请人收取费用。", "无收费情况。", "本年度无政府信息公开收费。", "关于收费：未收取。",
        // The fee named after the verb, free of charge, an amount of nothing.
        "本机关未收取任何政府信息公开相关费用。", "2021年本单位没有收取政府信息公开费用。", "本年度未对依申请公开收取费用。",
        "依申请公开政府信息均免费提供。", "政府信息公开申请一律免费办理。", "本单位依申请公开实行零收费。", "本年度依申请公开免收费用。",
        "收费金额为0元。", "收费情况：0元。", "本年度我局政府信息公开收费金额为零。", "本年度共收取政府信息公开费用0元。",
        // 收费 after its object; 无偿.
        "本年度依申请公开政府信息均未向申请人收费。", "本机关依申请公开政府信息一律无偿提供。", "本年度没有对申请人收费。",
    ]

    /// Fee statements that give the number of notices and the amount collected (strict).
    static let countedFees = [
        "本年度发出收费通知0件，收取信息处理费0元。", "2021年度共发出收费通知0份，收费金额0元。", "本年度未发出收费通知，未收取信息处理费。",
        "本机关2021年未发出信息处理费收费通知，实际收取信息处理费0元。", "收费通知件数为0件，收取金额为0元。",
        "全年未开具收费通知书，未收取任何费用。", "信息处理费：发出收费通知0件，实际收取0元。", "发出收费通知零件，收费零元。",
        "2021年，发出收费通知书0件，共计收取信息处理费0万元。", "未向申请人发出收费通知，未向申请人收取信息处理费。",
        "本年度没有向任何申请人发送收费通知，未对申请人收取费用。",
        // Every figure in one phrase, as the format words it; the count and amount after a colon; a small table.
        "2021年，本机关发出收费通知的件数和总金额以及实际收取的总金额均为0。", "本年度本机关发出收费通知的件数和总金额均为0。",
        "本年度发出收费通知件数、总金额及实际收取总金额均为0元。", "本年度信息处理费收取情况：0件，0元。",
        "信息处理费收取情况\n发出收费通知件数（件）\t收费金额（元）\n0\t0",
        "信息处理费收取情况\n\n| 发出收费通知件数 | 收取金额（元） |\n|---|---|\n| 0 | 0 |\n",
        // The format's three items; 实收; 收入; 张; every figure at once.
        "信息处理费收取情况\n发出收费通知的件数\t发出收费通知的总金额\t实际收取的总金额\n0\t0\t0",
        "发出收费通知书0份，实收信息处理费0元。", "发出收费通知书0张，信息处理费收入0元。", "发出收费通知、实际收取信息处理费均为0。",
        "本年度发出收费通知0件，信息处理费为零。", "发出收费通知0件，不存在收取信息处理费的情况。",
        // OCR's O for 0.
        "本年度发出收费通知O件，收取信息处理费O元。",
    ]

    /// Section headings as real reports title them (numbered as the format says).
    static let headings: [(official: String, variant: String)] = [
        ("一、总体情况", "一、基本情况"), ("一、总体情况", "一、概述"), ("一、总体情况", "一、总体工作情况"), ("一、总体情况", "一、政府信息公开工作总体情况"),
        ("一、总体情况", "一、工作总体情况"), ("一、总体情况", "一、总体概况"),
        ("二、主动公开政府信息情况", "二、主动公开情况"), ("二、主动公开政府信息情况", "二、主动公开政府信息工作情况"),
        ("二、主动公开政府信息情况", "二、政府信息主动公开情况"), ("二、主动公开政府信息情况", "二、主动公开政府信息"),
        ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息的情况"), ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、诉讼情况"),
        ("三、收到和处理政府信息公开申请情况", "三、依申请公开情况"), ("三、收到和处理政府信息公开申请情况", "三、依申请公开政府信息情况"),
        ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请的情况"), ("三、收到和处理政府信息公开申请情况", "三、政府信息公开申请办理情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开申请行政复议、提起行政诉讼情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、行政复议、行政诉讼情况"), ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
        ("五、存在的主要问题及改进情况", "五、存在的问题及改进措施"), ("五、存在的主要问题及改进情况", "五、工作中存在的主要问题和改进措施"),
        ("五、存在的主要问题及改进情况", "五、存在的不足和下一步工作打算"), ("五、存在的主要问题及改进情况", "五、主要问题及改进情况"),
        ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"), ("五、存在的主要问题及改进情况", "五、存在的主要问题及下一步工作计划"),
        ("五、存在的主要问题及改进情况", "五、存在的主要问题及明年工作计划"), ("五、存在的主要问题及改进情况", "五、存在的问题及今后工作打算"),
        ("一、总体情况", "【一】总体情况"), ("三、收到和处理政府信息公开申请情况", "【三】收到和处理政府信息公开申请情况"),
        ("五、存在的主要问题及改进情况", "[五]存在的主要问题及改进情况"),
        // The year before the title; numbered with a look-alike of 、, a comma, a colon, a Roman or financial numeral.
        ("一、总体情况", "一、2021年政府信息公开工作总体情况"), ("二、主动公开政府信息情况", "二、2021年度主动公开政府信息情况"),
        ("一、总体情况", "一丶总体情况"), ("一、总体情况", "一，总体情况"), ("一、总体情况", "一：总体情况"), ("一、总体情况", "Ⅰ、总体情况"),
        ("一、总体情况", "壹、总体情况"), ("五、存在的主要问题及改进情况", "⑤存在的主要问题及改进情况"),
        // As OCR and PDF text give them: 一 read as a dash, the mark lost, traditional characters,
        // the title wrapped onto a second line, Markdown emphasis on the numeral.
        ("一、总体情况", "—、总体情况"), ("一、总体情况", "-、总体情况"), ("一、总体情况", "一 总体情况"), ("一、总体情况", "一、總體情況"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政\n复议、行政诉讼情况"),
        ("三、收到和处理政府信息公开申请情况", "**三、**收到和处理政府信息公开申请情况"),
        ("六、其他需要报告的事项", "六、其他事项"), ("六、其他需要报告的事项", "六、其他需要说明的事项"), ("六、其他需要报告的事项", "六、需要报告的其他事项"),
    ]

    @Test("each way of titling a section is that section")
    func headingWording() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        for (official, variant) in Self.headings {
            #expect(base.contains(official))
            #expect(try Self.outcome(base.replacingOccurrences(of: official, with: variant), "standard", "sections.required") == .pass, "\(variant)")
        }
    }

    /// Sentences with figures about other things than information disclosure (the report's
    /// tables are all zero): none is compared with the tables.
    static let otherFigures = [
        "本年度办理人大代表建议12件、政协提案5件，均已按时办结。", "全年共办结群众来信来访35件。", "受理12345热线工单120件，办结率100%。",
        "本机关作为被申请人的行政复议案件5件，均与政府信息公开无关。", "全年共发生行政诉讼案件3件，均已审结。", "本年度共作出行政复议决定8件。",
        "共收到各类申请材料200件。", "办结各类审批事项1500件。", "全年收到网民留言86件，予以公开答复80件。",
        "今年以来，累计接收信访件15件，其中予以受理12件。", "全年处理行政复议申请3件，行政诉讼应诉2件。",
        "全年主动公开各类信息236条，其中政策文件15件、规划计划8件。",
        // Disclosure figures of another year, of a longer time, of the whole county, a part, other work.
        "上年收到政府信息公开申请6件。", "上年作出行政处罚决定40件。", "2020年制发行政规范性文件5件。",
        "《条例》修订以来累计收到政府信息公开申请15件。", "“十三五”期间共收到政府信息公开申请30件。",
        "全县共发生政府信息公开行政复议案件5件，涉及我乡的0件。", "全区各单位共制发行政规范性文件99件。",
        "全年共收到政府信息公开申请0件。其中第四季度收到政府信息公开申请2件。",
        "协助上级部门办理政府信息公开申请2件。",
        // A sum of two categories; reviews newly received beside those carried over.
        "部分公开和无法提供3件。", "全部公开或部分公开5件。", "不予公开、无法提供、不予处理共2件。", "行政复议、行政诉讼案件共3件。",
        "新收行政复议1件，上年结转1件。",
        // Reviews the agency decided as the review body, not reviews of its own decisions.
        "我局作为县政府行政复议机构，全年办理政府信息公开类行政复议案件8件。", "县政府作为行政复议机关，收到涉及政府信息公开的行政复议申请9件。",
    ]

    @Test("figures about other things are not compared with the tables; disclosure figures still are")
    func otherQuantities() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let at = "一、总体情况\n"
        #expect(base.contains(at))
        for sentence in Self.otherFigures {
            #expect(try Self.outcome(base.replacingOccurrences(of: at, with: at + sentence + "\n"), "standard", "numbers.consistent") == .pass, "\(sentence)")
        }
        for sentence in ["本年度共收到政府信息公开申请5件，其中予以公开3件。", "因政府信息公开被申请行政复议2件。", "2021年共收到政府信息公开申请5件。其中，予以公开3件。",
                         // A list after a figure is no sum: 部分公开1件 is compared.
                         "收到政府信息公开申请0件，予以公开0件、部分公开1件。"] {
            #expect(try Self.outcome(base.replacingOccurrences(of: at, with: at + sentence + "\n"), "standard", "numbers.consistent") == .fail, "\(sentence)")
        }
    }

    /// Earlier years in roles that are right by nature, in a 2021 report (strict `years.current`).
    static let earlierYearsInOtherRoles = [
        "完成2019-2021年度政务公开考核工作。", "自2019年起实行信息公开月报制度，一直坚持至今。", "2020年底建成的政务公开专区持续运行。",
        "2020年第四季度开展的专项检查成果得到巩固。", "持续巩固2020年工作成果，推动政务公开再上新台阶。", "2018年至2021年累计公开信息5000条。",
        "继2020年被评为先进单位后，我乡继续保持良好势头。", "本乡于2019年设立政务公开专区，本年度继续完善。", "2019年度报告发布后，群众反映良好。",
        "对标2020年全省政务公开第三方评估指标，逐项整改落实。", "在2020年基础上新增公开事项15项。", "公开了2020年度部门决算。",
        // Set beside the report's year in the same sentence.
        "2020年全年公开信息139条，2021年全年公开信息156条。", "2020年全年公开信息139条，本年度公开信息156条。",
    ]

    @Test("an earlier year is stale only as the time of the agency's own work")
    func earlierYears() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let at = "一、总体情况\n"
        for sentence in Self.earlierYearsInOtherRoles {
            #expect(try Self.outcome(base.replacingOccurrences(of: at, with: at + sentence + "\n"), "strict", "years.current") == .pass, "\(sentence)")
        }
        for sentence in ["我乡在2020年度全县政务公开工作考核中获评优秀等次。", "2020年度全市政务公开考评中，我乡获得第一名。"] {
            #expect(try Self.outcome(base.replacingOccurrences(of: at, with: at + sentence + "\n"), "strict", "years.current") == .pass, "\(sentence)")
        }
        for sentence in ["2020年，我乡共收到政府信息公开申请3件。", "本乡2020年共主动公开信息120条。", "2020年度，本机关全年开展培训3次。"] {
            #expect(try Self.outcome(base.replacingOccurrences(of: at, with: at + sentence + "\n"), "strict", "years.current") == .fail, "\(sentence)")
        }
    }

    /// Sections 五 that name problems and measures in other words (strict `problems.substantive`).
    static let problemSections = [
        // Set out as a table of problems and measures, in pipes or tabs.
        "| 存在问题 | 改进措施 |\n| --- | --- |\n| 栏目信息更新不及时 | 建立栏目更新台账，每月检查 |\n| 政策解读形式单一 | 增加图解、视频解读 |",
        "存在问题\t改进措施\n栏目信息更新不及时\t建立栏目更新台账，每月检查\n政策解读形式单一\t增加图解、视频解读",
        "主要问题是信息更新频率偏低。今后将建立定期更新机制，确保信息及时发布。",
        "工作中仍存在薄弱环节，如政策解读形式较为单一。2022年，我们将着力丰富解读形式，提高解读质量。",
        "面临的困难：人员力量不足。对策：配齐配强工作人员，开展业务培训。",
        "存在问题：部分栏目更新不及时。改进措施：明确专人负责，定期检查。",
        "虽然取得了一定成效，但与上级要求和群众期盼相比还有差距。我们将以问题为导向，持续优化公开流程，推动政务公开提质增效。",
        "短板：依申请公开答复规范性有待提升。举措：制定答复文书模板，实行法律审核。",
        // The problem as what is still to do or what is wrong.
        "政策解读的规范化水平还需进一步提升。下一步，我乡将加强业务培训，建立信息更新台账。",
        "基层政务公开标准化建设尚未全部完成，村级公开栏内容陈旧。下一步，我乡将逐村检查，按季度更新。",
        "部门之间业务衔接不畅，审核把关不严，出现个别错别字。下一步，我乡将建立三级审核制度。",
        // The measure as a plan, with no 下一步 and none of the usual verbs.
        "一是信息发布不够及时，二是解读材料偏少。2022年，我局将增加信息发布频次，每季度开展一次自查。",
        "政策解读形式比较单一。明年拟邀请专家参与解读，通过图表、视频等方式展示。",
        "个别栏目内容更新滞后。本单位将安排专人每周检查栏目，发现问题当日更新。",
    ]

    @Test("section 五 in other words names its problems and measures")
    func problemWording() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let start = try #require(base.range(of: "五、存在的主要问题及改进情况\n")).upperBound, end = try #require(base.range(of: "六、其他需要报告的事项")).lowerBound
        for body in Self.problemSections {
            #expect(try Self.outcome(base.replacingCharacters(in: start..<end, with: body + "\n\n"), "strict", "problems.substantive") == .pass, "\(body)")
        }
        for body in ["无。", "本年度无。", "政务公开工作总体运行平稳。", "行政复议\t0\t0\t0\n行政诉讼\t0\t0\t0"] {
            #expect(try Self.outcome(base.replacingCharacters(in: start..<end, with: body + "\n\n"), "strict", "problems.substantive") == .fail, "\(body)")
        }
    }

    /// The ways a signature dates a report.
    static let signatures = [
        "顿坊店乡人民政府\n2022年1月18日", "顿坊店乡人民政府\n二〇二二年一月十八日", "顿坊店乡人民政府\n二○二二年一月十八日",
        "顿坊店乡人民政府\n二零二二年一月十八日", "顿坊店乡人民政府\n2022年01月18日", "顿坊店乡人民政府\n2022-01-18", "顿坊店乡人民政府\n2022.1.18",
        "顿坊店乡人民政府 2022年1月18日", "顿坊店乡人民政府\n2022 年 1 月 18 日",
        // Wrapped by a narrow PDF column: the year on one line, the month and day on the next.
        "顿坊店乡人民政府\n2022\n年1月18日",
        // 元月, a year's zero typed as a letter O or a figure, a date label, a note after the date.
        "顿坊店乡人民政府\n2022年元月18日", "顿坊店乡人民政府\n二O二二年一月十八日", "顿坊店乡人民政府\n二0二二年一月十八日",
        "顿坊店乡人民政府\n日期：2022年1月18日", "顿坊店乡人民政府\n2022年1月18日（此件公开发布）", "2022年1月18日",
        // OCR's l and O and 曰; Markdown emphasis.
        "顿坊店乡人民政府\n2022年l月18日", "顿坊店乡人民政府\n2O22年1月18曰", "顿坊店乡人民政府\n**2022年1月18日**",
    ]

    @Test("a signature date in any common form dates the report")
    func signatureDates() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt").trimmingCharacters(in: .newlines)
        for signature in Self.signatures {
            let report = ReportParser.parse(text: base + "\n\n" + signature + "\n", source: "signed")
            #expect(report.publicationDate.map { [$0.year, $0.month, $0.day] } == [2022, 1, 18], "\(signature)")
        }
        // Agency and date on one line after a long paragraph, and a saved page's footer below.
        let footer = (["附件下载", "扫一扫在手机上查看当前页面", "友情链接"] + (1...60).map { "相关网站\($0)" }).joined(separator: "\n")
        let paged = ReportParser.parse(text: base + "\n" + String(repeating: "本年度报告的电子版可在门户网站查阅。", count: 8) + "\n顿坊店乡人民政府 2022年1月18日\n" + footer, source: "paged")
        #expect(paged.publicationDate.map { [$0.year, $0.month, $0.day] } == [2022, 1, 18])
        #expect(DateReader.arabicDate("二〇二一年十二月三十一日") == "2021年12月31日")
        #expect(DateReader.arabicDate("二〇二二年十月二十日") == "2022年10月20日")
        // The month alone: a date whose day is not known, late only when the whole month is.
        let month = ReportParser.parse(text: base + "\n\n顿坊店乡人民政府\n2022年1月\n", source: "month")
        #expect(month.publicationDate.map { [$0.year, $0.month] } == [2022, 1] && month.publicationDate?.dayKnown == false)
        #expect(month.publicationDate?.iso == "2022-01" && month.publicationDate?.chinese == "2022年1月")
        let department = base.replacingOccurrences(of: "顿坊店乡人民政府2021年", with: "某某县交通运输局2021年")
        for (text, outcome) in [("2022年1月", Outcome.pass), ("2022年2月", .fail)] {
            let r = ReportParser.parse(text: department + "\n\n某某县交通运输局\n\(text)\n", source: "month")
            #expect(r.agency == "某某县交通运输局")
            let audit = AuditEngine.audit(r, rules: try Project.ruleSet("strict"), language: .zh)
            #expect(audit.outcomes.first { $0.rule == "report.dated" }?.outcome == outcome, "\(text)")
            if outcome == .fail { #expect(audit.findings.contains { $0.rule == "report.dated" && $0.message.contains("2022年2月晚于") }) }
        }
        // A body whose level the name does not tell: on time by the earliest deadline of any level,
        // else could not verify (never 'late' against a department's deadline it may not have).
        let hospital = base.replacingOccurrences(of: "顿坊店乡人民政府2021年", with: "某某县人民医院2021年")
        for (text, outcome) in [("2022年1月18日", Outcome.pass), ("2022年3月20日", .unverifiable)] {
            let r = ReportParser.parse(text: hospital + "\n\n某某县人民医院\n\(text)\n", source: "hospital")
            let audit = AuditEngine.audit(r, rules: try Project.ruleSet("strict"), language: .zh)
            #expect(audit.outcomes.first { $0.rule == "report.dated" }?.outcome == outcome, "\(text)")
        }
        // Dates after the signature on a saved page are not the report's: an update stamp, related
        // articles, a dated attachment, a correction note.
        for tail in ["【打印本页】【关闭窗口】\n更新时间：2022-05-20", "相关文章\n关于做好政务公开工作的通知 2022-03-05\n某某局关于印发要点的通知\n2022-04-01",
                     "附件：统计表（2022年6月28日修订）", "（2022年3月5日更正：第三部分表格数据）"] {
            let r = ReportParser.parse(text: base + "\n\n顿坊店乡人民政府\n2022年1月18日\n" + tail + "\n", source: "tail")
            #expect(r.publicationDate.map { [$0.year, $0.month, $0.day] } == [2022, 1, 18], "\(tail)")
        }
        // The page's chrome glued onto the date line.
        for glued in [" 主办单位：某某县人民政府办公室 网站标识码：3501280001", " 【打印本页】【关闭窗口】 扫一扫在手机打开当前页 相关文章 2023年度政府信息公开工作年度报告 主办单位：某某区人民政府办公室"] {
            let r = ReportParser.parse(text: base + "\n\n顿坊店乡人民政府\n2022年1月18日" + glued + "\n", source: "glued")
            #expect(r.publicationDate.map { [$0.year, $0.month, $0.day] } == [2022, 1, 18], "\(glued)")
        }
    }

    @Test("an agency named with a second name in parentheses, and a prefecture's 行政公署, keep their name and level")
    func agencyNames() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let title = "顿坊店乡人民政府2021年政府信息公开工作年度报告"
        for name in ["某某市文化和旅游局（某某市文物局）", "某某县人民政府办公室（某某县机构编制委员会办公室）", "某某盟行政公署"] {
            let r = ReportParser.parse(text: base.replacingOccurrences(of: title, with: name + "2021年政府信息公开工作年度报告"), source: "t")
            #expect(r.agency == TextNormalizer.compact(name), "\(name): \(r.agency ?? "-")")
        }
        #expect(AgencyLevel.classify("某某市文化和旅游局(某某市文物局)") == .department)
        #expect(AgencyLevel.classify("某某市人民政府(某某市人民政府办公室)") == .government)
        #expect(AgencyLevel.classify("某某盟行政公署") == .government && AgencyLevel.classify("某某地区行政公署") == .government)
        // Units of a township, a sub-district, a community or a village report at that level.
        for name in ["某某街道便民服务中心", "某某社区居民委员会", "某某村民委员会", "某某镇便民服务中心", "某某乡人民政府党政办", "某某镇人民政府办公室"] {
            #expect(AgencyLevel.classify(name) == .township, "\(name)")
        }
        for name in ["某某县城乡建设局", "某某市乡村振兴局", "镇江市财政局", "某某县乡镇企业局", "某某县发展和改革委员会", "某某县卫生健康委员会"] {
            #expect(AgencyLevel.classify(name) == .department, "\(name)")
        }
        // Not told by the name (public institutions, offices sent out, area bureaus), or outside 条例
        // 第四十九条's deadlines (party organs, congresses, courts): no level, so no deadline.
        for name in ["某某县人民医院", "某某县疾病预防控制中心", "某某县融媒体中心", "某某县政务服务中心", "某某派出所", "某某交警大队",
                     "平潭综合实验区海坛片区管理局", "中共某某县委办公室", "某某县人大常委会办公室", "某某县政协办公室", "某某县人民法院",
                     "某某县人民检察院", "某某县纪委监委", "某某县总工会"] {
            #expect(AgencyLevel.classify(name) == nil, "\(name)")
        }
    }

    @Test("carry-over is compared with the agency's own earlier report, not with its government's or its office's")
    func carryOverOwnAgency() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let title = "顿坊店乡人民政府2021年政府信息公开工作年度报告"
        let carried = "\t四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0"
        #expect(base.contains(title) && base.contains(carried))
        func report(_ agency: String, _ year: Int, carryOver: String = "0") -> Report {
            let text = base.replacingOccurrences(of: title, with: "\(agency)\(year)年政府信息公开工作年度报告")
                .replacingOccurrences(of: carried, with: "\t四、结转下年度继续办理\t\t\(carryOver)\t0\t0\t0\t0\t0\t\(carryOver)")
            return ReportParser.parse(text: text, source: "\(agency)\(year)")
        }
        let office = report("某某县人民政府办公室", 2021)
        let government2020 = HistoryReport(report("某某县人民政府", 2020, carryOver: "2"), narrative: nil)
        let office2020 = HistoryReport(report("某某县人民政府办公室", 2020), narrative: nil)
        #expect(CarryOverCheck.evaluate(office, history: [government2020, office2020]).outcome == .pass)
        #expect(CarryOverCheck.evaluate(office, history: [government2020]).outcome == .notApplicable)
        // The same agency written 某某县政府 is the same agency, and a real difference is found.
        let short2020 = HistoryReport(report("某某县政府办公室", 2020, carryOver: "2"), narrative: nil)
        #expect(CarryOverCheck.evaluate(office, history: [short2020]).outcome == .fail)
        // Two reports of last year (a draft and its final) that disagree: which counts is not known.
        let draft = HistoryReport(report("某某县人民政府办公室", 2020, carryOver: "2"), narrative: nil)
        let twoVersions = CarryOverCheck.evaluate(office, history: [office2020, draft])
        #expect(twoVersions.outcome == .unverifiable && twoVersions.observations.first?.values["reason"]?.zh.contains("2份报告") == true)
        #expect(CarryOverCheck.evaluate(office, history: [office2020, HistoryReport(report("某某县人民政府办公室", 2020), narrative: nil)]).outcome == .pass)
        // Last year's report before the 2019 format has no carried-over row: nothing to compare.
        var old = HistoryReport(report("某某县人民政府办公室", 2020, carryOver: "2"), narrative: nil)
        old.template = nil
        #expect(CarryOverCheck.evaluate(office, history: [old]).outcome == .notApplicable)
        // 乙街道办事处 and 乙街道 are one agency; 甲镇人民政府 and 甲镇 too.
        #expect(AgencyName.key("乙街道办事处") == AgencyName.key("乙街道") && AgencyName.key("甲镇人民政府") == AgencyName.key("甲镇"))
        #expect(AgencyName.key("某某县人民政府办公室") != AgencyName.key("某某县人民政府"))
    }

    @Test("titles with the year in Chinese numerals, in parentheses, or with 关于 and （全文）")
    func titleForms() {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let title = "顿坊店乡人民政府2021年政府信息公开工作年度报告"
        for t in ["顿坊店乡人民政府二〇二一年政府信息公开工作年度报告", "顿坊店乡人民政府二〇二一年度政府信息公开工作年度报告",
                  "顿坊店乡人民政府政府信息公开工作年度报告（二〇二一年度）", "关于顿坊店乡人民政府2021年政府信息公开工作年度报告",
                  "顿坊店乡人民政府2021年政府信息公开工作年度报告（全文）", "顿坊店乡人民政府2021年度政务公开工作年度报告",
                  "顿坊店乡人民政府关于2021年度政府信息公开工作情况的报告", "顿坊店乡人民政府2021年度政府信息公开工作报告",
                  "2021年顿坊店乡人民政府政府信息公开工作年度报告", "顿坊店乡人民政府政府信息公开工作年度报告(2021)",
                  "顿坊店乡人民政府\n2021年政府信息公开工作年度报告", "顿坊店乡人民政府关于2021年度政府信息公开工作的报告",
                  "顿坊店乡人民政府2021年度政府信息公开年报", "2021年顿坊店乡人民政府政务公开工作年度报告",
                  // Quoted, as a script or a list on a saved page quotes it.
                  "\"2021年顿坊店乡人民政府政府信息公开工作年度报告\"", "“顿坊店乡人民政府2021年政府信息公开工作年度报告”"] {
            let r = ReportParser.parse(text: base.replacingOccurrences(of: title, with: t), source: "t")
            #expect(r.agency == "顿坊店乡人民政府" && r.year == 2021, "\(t): \(r.agency ?? "-") \(r.year ?? 0)")
        }
    }

    @Test("political and administrative formulas two unrelated reports share are not reuse")
    func sharedFormulas() throws {
        let formulas = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，认真落实党中央、国务院关于全面推进政务公开的决策部署。"
            + "以习近平新时代中国特色社会主义思想为指导，深入贯彻党的十九大和十九届历次全会精神，坚持以人民为中心的发展思想。"
            + "坚持“以公开为常态、不公开为例外”原则，推进决策、执行、管理、服务、结果公开。"
            + "全面贯彻落实《中华人民共和国政府信息公开条例》，按照上级关于政务公开工作的部署要求，扎实推进政务公开工作。"
            // The 条例 quoted, and a district's formulas of leadership and guidance.
            + "《条例》第五十条规定，政府信息公开工作年度报告应当包括下列内容：上一年度主动公开政府信息的情况；收到和处理政府信息公开申请的情况；"
            + "因政府信息公开工作被申请行政复议、提起行政诉讼的情况；政府信息公开工作存在的主要问题及改进情况。"
            + "在区委、区政府的坚强领导下，在区政务公开办的精心指导下，紧紧围绕区委、区政府中心工作，持续深化政务公开，不断提升政务公开标准化规范化水平。"
            // Today's formulas, a statement that nothing happened, the problems' lead-in, the
            // office that receives applications, a statute's article quoted.
            + "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，深入学习贯彻习近平总书记关于政务公开工作的重要指示批示精神，"
            + "认真落实党中央、国务院和省委、省政府关于政务公开工作的决策部署，以公开促落实、强监管、优服务。"
            + "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况，未收到涉及政府信息公开工作的投诉举报，未发生政府信息公开工作责任追究情况，无应公开而未公开的情况。"
            + "2021年，我单位政府信息公开工作取得一定成效，但与上级要求和群众期待相比还存在一些不足，主要表现在以下几个方面："
            + "政府信息公开申请受理机构：某某县人民政府办公室政务公开科；办公地址：某某县人民路1号6号楼12层；办公时间：工作日上午8:00-12:00；邮政编码：350400；联系电话：0591-86169017。"
            + "《条例》第三十三条规定：“行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；"
            + "需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。”"
        let reports = ["001", "002"].map { prefix -> Report in
            let text = Project.text("examples/reports/" + (try! FileManager.default.contentsOfDirectory(atPath: Project.root.appendingPathComponent("examples/reports").path).sorted().first { $0.hasPrefix(prefix) }!))
            return ReportParser.parse(text: text.replacingOccurrences(of: "一、总体情况\n", with: "一、总体情况\n" + formulas + "\n"), source: prefix)
        }
        for set in ["standard", "strict"] {
            let audits = AuditEngine.auditAll(reports, history: [], rules: try Project.ruleSet(set), language: .zh).audits
            for a in audits { #expect(a.outcomes.first { $0.rule == "narrative.reuse" }?.outcome == .pass, "\(set) \(a.file)") }
        }
    }

    static func outcome(_ text: String, _ set: String, _ rule: String) throws -> Outcome? {
        let audit = AuditEngine.audit(ReportParser.parse(text: text, source: "variant"), rules: try Project.ruleSet(set), language: .zh)
        return audit.outcomes.first { $0.rule == rule }?.outcome
    }

    @Test("each wording of the statistics period is read as one", arguments: periods)
    func periodWording(_ wording: String) throws {
        #expect(Self.base.contains(Self.period))
        for set in ["standard", "strict"] {
            #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.period, with: wording), set, "period.stated") == .pass, "\(set): \(wording)")
        }
    }

    @Test("each wording of 'no fee was charged' is a fee statement", arguments: fees)
    func feeWording(_ wording: String) throws {
        #expect(Self.base.contains(Self.fee))
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.fee, with: wording), "standard", "fees.disclosed") == .pass, "\(wording)")
    }

    @Test("each wording that gives the notices and the amount satisfies strict", arguments: countedFees)
    func countedFeeWording(_ wording: String) throws {
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.fee, with: wording), "strict", "fees.disclosed") == .pass, "\(wording)")
    }

    @Test("strict: the period in the opening paragraphs of 一 is at the top; inside its sub-items it is not")
    func periodOpening() throws {
        let overview = "现就今年来我镇政务公开工作总结如下：\n"
        let withoutPeriod = Self.base.replacingOccurrences(of: Self.period, with: "")
        #expect(withoutPeriod.contains(overview))
        // A one-sentence overview first, then the period as a paragraph of its own.
        let second = withoutPeriod.replacingOccurrences(of: overview, with: overview + "\n" + Self.period + "\n\n")
        #expect(try Self.outcome(second, "strict", "period.stated") == .pass)
        // Under （一）主动公开, a paragraph of its own, it is one of the sub-items, not the opening.
        let sub = "(一)主动公开\n"
        let inside = withoutPeriod.replacingOccurrences(of: sub, with: "\n" + sub + Self.period + "\n\n")
        #expect(try Self.outcome(inside, "strict", "period.stated") == .fail)
    }

    @Test("a report that does not state them still fails")
    func absent() throws {
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.period, with: ""), "standard", "period.stated") == .fail)
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.fee, with: "无其他需要报告的事项。"), "standard", "fees.disclosed") == .fail)
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.fee, with: "本年度未收取信息处理费。"), "strict", "fees.disclosed") == .fail)
        // A whole year named is still compared with the report's year.
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.period, with: "本报告统计期限为2020年度。"), "standard", "period.stated") == .fail)
        #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.fee, with: "无收费标准的事项。"), "standard", "fees.disclosed") == .fail)
        // Free things that are not the answering of applications, and a table row about applicants not paying, are no fee statement.
        for other in ["在政务大厅免费提供政府公报。", "减免涉企收费3项，为企业减负1200万元。", "申请人逾期未按收费通知要求缴纳费用。"] {
            #expect(try Self.outcome(Self.base.replacingOccurrences(of: Self.fee, with: other), "standard", "fees.disclosed") == .fail, "\(other)")
        }
    }

    @Test("on OCR text whose figures are in doubt, a wrong year, a late date or a stale year is could-not-verify; a missing statement still fails")
    func ocrDoubt() throws {
        func audit(_ text: String, _ origin: TextOrigin) throws -> ReportAudit {
            AuditEngine.audit(ReportParser.parse(text: text, source: "scan", origin: origin), rules: try Project.ruleSet("strict"), language: .zh)
        }
        func outcome(_ a: ReportAudit, _ rule: String) -> Outcome? { a.outcomes.first { $0.rule == rule }?.outcome }
        let wrongYear = Self.base.replacingOccurrences(of: Self.period, with: "本报告所列统计数据期限自2011年1月1日起至2011年12月31日止。")
        #expect(try outcome(audit(wrongYear, .document), "period.stated") == .fail)
        let doubted = try audit(wrongYear, .ocr(numbersConfident: false))
        #expect(outcome(doubted, "period.stated") == .unverifiable)
        #expect(doubted.findings.contains { $0.rule == "period.stated" && $0.message.contains("OCR") && $0.message.contains("2011") })
        #expect(try outcome(audit(wrongYear, .ocr(numbersConfident: true)), "period.stated") == .fail)
        // Nothing to misread: the statement is not there.
        let missing = Self.base.replacingOccurrences(of: Self.period, with: "")
        #expect(try outcome(audit(missing, .ocr(numbersConfident: false)), "period.stated") == .fail)
        // A stale year in the narrative (2020 for a 2021 report) is a possible misreading too.
        let stale = Self.base.replacingOccurrences(of: Self.fee, with: "2020年，我镇共收到政府信息公开申请3件。" + Self.fee)
        #expect(try outcome(audit(stale, .document), "years.current") == .fail)
        #expect(try outcome(audit(stale, .ocr(numbersConfident: false)), "years.current") == .unverifiable)
        // A department's signature dated far too late.
        let late = Self.base.replacingOccurrences(of: "道外区团结镇", with: "道外区教育局") + "\n\n道外区教育局\n2023年5月20日\n"
        #expect(try outcome(audit(late, .document), "report.dated") == .fail)
        #expect(try outcome(audit(late, .ocr(numbersConfident: false)), "report.dated") == .unverifiable)
        // Every OCR report carries the note, and its failures say they rest on OCR text.
        let note = try audit(missing, .ocr(numbersConfident: true))
        #expect(note.findings.first?.rule == "input.ocr")
        #expect(note.findings.filter { $0.outcome == .fail }.allSatisfy { $0.message.hasSuffix("（依据扫描件的 OCR 识别文字）") })
    }

    @Test("without a title line: the agency from the file name or a crawler's 发布机构, never from a metadata label")
    func untitled() {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let body = base.replacingOccurrences(of: "顿坊店乡人民政府2021年政府信息公开工作年度报告", with: "")
        let named = ReportParser.parse(text: body, source: "reports/顿坊店乡人民政府2021年政府信息公开工作年度报告.txt")
        #expect(named.agency == "顿坊店乡人民政府" && named.year == 2021, "\(named.agency ?? "-") \(named.year ?? 0)")
        let crawled = "发布时间: 2022-01-18 10:00\n文号: \n发布机构: 顿坊店乡人民政府\n栏目: 政府信息公开年报\n本地目录: zwgk/2022/80567_顿坊店乡人民政府政府信息公开工作年度报告\n" + body
        let r = ReportParser.parse(text: crawled, source: "page.txt")
        #expect(r.agency == "顿坊店乡人民政府", "\(r.agency ?? "-")")
        let anonymous = ReportParser.parse(text: "发布时间: 2022-01-18 10:00\n文号: \n发布机构: \n栏目: 政府信息公开年报\n" + body, source: "page.txt")
        #expect(anonymous.agency != "文号" && anonymous.agency != "政府信息公开年报", "\(anonymous.agency ?? "-")")
    }

    @Test("a web page saved under a text name is read as the page; a text with a stray tag is read as text")
    func markupUnderATextName() throws {
        let base = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let page = "<html><head><title>t</title></head><body><div class=\"article\">\n"
            + HTMLPage.body(base, paragraph: { "<p style=\"text-indent:2em\">\($0)</p>" }) + "</div></body></html>\n"
        guard case .text(let read) = InputText.extract(Data(page.utf8), format: .text) else { Issue.record("not read"); return }
        #expect(!read.contains("<p") && !read.contains("<td"))
        let set = try Project.ruleSet("standard")
        let asPage = AuditEngine.audit(ReportParser.parse(text: read, source: "p.txt"), rules: set, language: .zh)
        let asText = AuditEngine.audit(ReportParser.parse(text: base, source: "t.txt"), rules: set, language: .zh)
        #expect(asPage.agency == asText.agency && asPage.year == asText.year)
        #expect(asPage.outcomes.map(\.outcome) == asText.outcomes.map(\.outcome))
        // A report that mentions a tag or two stays text, line for line.
        let stray = base.replacingOccurrences(of: "一、总体情况", with: "一、总体情况<br>")
        guard case .text(let kept) = InputText.extract(Data(stray.utf8), format: .text) else { Issue.record("not read"); return }
        #expect(kept == stray)
    }

    @Test("a page that only links the report, or a cover letter, is not audited as a report; a report with tables but no headings is")
    func notTheReportItself() throws {
        let set = try Project.ruleSet("strict")
        func audit(_ text: String) -> ReportAudit { AuditEngine.audit(ReportParser.parse(text: text, source: "x"), rules: set, language: .zh) }
        let attachmentPage = "某某县教育局2021年政府信息公开工作年度报告\n发布时间：2022-01-20 来源：某某县教育局\n附件：某某县教育局2021年政府信息公开工作年度报告.pdf\n"
        let coverLetter = "关于报送2021年政府信息公开工作年度报告的函\n县政务公开办：\n现将我局2021年政府信息公开工作年度报告随文报送，请审阅。\n某某县教育局\n2022年1月20日\n"
        for text in [attachmentPage, coverLetter] {
            let a = audit(text)
            #expect(a.status == .notReport, "\(text)")
            #expect(a.findings.count == 1 && a.findings[0].rule == "input.report" && a.findings[0].message.contains("请提供报告全文"))
        }
        // A notice, a guide, a work summary, an explainer: they name the six parts but are no report.
        for name in ["notice", "guide", "summary", "jiedu"] {
            let a = audit(Project.text("Tests/AuditCoreTests/Fixtures/other-documents/\(name).txt"))
            #expect(a.status == .notReport && a.findings.first?.message.contains("另一种文件") == true, "\(name): \(a.findings.map(\.message))")
        }
        // The body without any heading we can read: its parts' content is there, so it is audited.
        let body = Self.base.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !["一、", "二、", "三、", "四、", "5、", "五、", "六、"].contains { line.hasPrefix($0) }
        }.joined(separator: "\n")
        #expect(audit(body).status == .parsed)
    }
}
