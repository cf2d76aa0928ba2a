import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Families from a second reading of real pages (64 reports, 2019–2025): a page's login bar and
/// bulleted menu above the title, a title quoted in the introduction, a province or municipality
/// named alone, section 一 under another section's words, a period word with a character lost or
/// a year typed twice, and 於 in traditional pages.
@Suite("Page families, second reading")
struct PageFamilyRoundTwoTests: AuditsPages {
    @Test("a login bar and a bulleted menu above the title name no agency")
    func menuAboveTitle() {
        let above = "登录 | 注册\n  • 部门信息公开工作年度报告\n  • 发布机构\n    河口县卫生健康局\n\n河口县卫生健康局2022年政府信息公开工作年度报告"
        let r = ReportParser.parse(text: PageFamilyTests.report(above: above), source: "x.txt")
        #expect(r.agency == "河口县卫生健康局" && r.year == 2022, "\(r.agency ?? "nil")")
        // A title broken over two lines is still joined.
        let broken = ReportParser.parse(text: PageFamilyTests.report(above: "某某县卫生健康局2021年政府信息公开\n工作年度报告"), source: "x.txt")
        #expect(broken.agency == "某某县卫生健康局" && broken.year == 2021)
    }

    @Test("a title quoted in the introduction gives the agency; a notice's quoted name never does")
    func quotedTitle() {
        let intro = "用微信扫描二维码分享至好友和朋友圈\n现发布《亳州市谯城区残疾人联合会2025年政府信息公开工作年度报告》。本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。"
        let r = ReportParser.parse(text: PageFamilyTests.report(above: intro), source: "x.txt")
        #expect(r.agency == "亳州市谯城区残疾人联合会" && r.year == 2025, "\(r.agency ?? "nil")")
        let long = "用微信扫描二维码分享至好友和朋友圈\n根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求，现发布《亳州市谯城区残疾人联合会2025年政府信息公开工作年度报告》，报告全文包括：总体情况概述、主动公开政府信息情况。"
        let l = ReportParser.parse(text: PageFamilyTests.report(above: long, signature: "亳州市谯城区残疾人联合会\n2026年1月20日"), source: "x.txt")
        #expect(l.agency == "亳州市谯城区残疾人联合会", "\(l.agency ?? "nil")")
    }

    @Test("a province or a municipality named alone is a government; a lesser place named alone is not told")
    func provincialLevel() {
        for name in ["上海市", "北京市", "重庆", "广东省", "广西壮族自治区"] { #expect(AgencyLevel.classify(name) == .government, "\(name)") }
        for name in ["某某县", "海淀", "某某市", "广东省某某市"] { #expect(AgencyLevel.classify(name) == nil, "\(name)") }
    }

    static func sections(one: String, two: String = "二、主动公开政府信息情况") -> String {
        ["淮北市人民医院2022年政府信息公开工作年度报告", "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。", one,
         "(一)主动公开。全年主动公开政府信息20条。", "(二)依申请公开。全年未收到政府信息公开申请。", two,
         "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
         "一是公开内容不够全面。下一步将加强公开。", "六、其他需要报告的事项", "本年度未收取信息处理费。", "淮北市人民医院", "2023年1月20日"].joined(separator: "\n") + "\n"
    }

    @Test("section 一 titled with another section's words, before that section's own heading, is 一")
    func overviewRenamed() throws {
        let r = ReportParser.parse(text: Self.sections(one: "一、主动公开情况"), source: "x.txt")
        #expect(r.section(.overview)?.heading == "一、主动公开情况" && r.section(.proactive)?.heading == "二、主动公开政府信息情况")
        #expect(try outcome(audit(Self.sections(one: "一、主动公开情况")), "sections.required") == .pass)
        // A report that has no 总体情况 and numbers its parts from 一 still lacks 一.
        let none = Self.sections(one: "一、主动公开政府信息情况", two: "(三)政府信息管理。严格落实发布审核制度。")
        #expect(ReportParser.parse(text: none, source: "x.txt").section(.overview) == nil)
    }

    @Test("a period word with a character lost is read; a year typed twice is could-not-verify, quoted to its 止")
    func periodTypos() throws {
        for intro in ["本报告中所列数据的统计限自2021年1月1日至2021年12月31日止。", "所列数据统期限为2021年1月1日至2021年12月31日。"] {
            #expect(try outcome(audit(PageFamilyTests.report(intro: intro)), "period.stated") == .pass, "\(intro)")
        }
        let a = try audit(PageFamilyTests.report(intro: "本报告所列数据的统计期限自2021年1月1日起至202121年12月31日止。"))
        let f = try #require(a.findings.first { $0.rule == "period.stated" })
        #expect(f.outcome == .unverifiable && f.excerpt == "数据的统计期限自2021年1月1日起至202121年12月31日止", "\(f.excerpt ?? "nil")")
    }

    @Test("於 in a traditional page is 于 (屬於, 等於), but in 於潛")
    func traditionalYu() {
        let text = "某某區人力資源和社會保障局2021年政府信息公開工作年度報告\n本報告所列數據統計期限自2021年1月1日起至2021年12月31日止。\n"
            + "一、總體情況\n本局位於於潛鎮，主動公開政府信息120條。\n二、主動公開政府信息情況\n三、收到和處理政府信息公開申請情況\n1.屬於國家秘密\t0\t0\t0\t0\t0\t0\t0\n"
            + "四、政府信息公開行政復議、行政訴訟情況\n五、存在的主要問題及改進情況\n一是政策解讀形式單一。\n六、其他需要報告的事項\n本年度未收取信息處理費。\n"
        let r = ReportParser.parse(text: text, source: "x.txt")
        #expect(r.traditionalScript)
        #expect(r.lines.contains("本局位于於潜镇，主动公开政府信息120条。") && r.lines.contains { $0.hasPrefix("1.属于国家秘密") }, "\(r.lines)")
    }
}
