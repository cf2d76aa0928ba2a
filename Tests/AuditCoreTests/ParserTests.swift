import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

@Suite("Parser on the seed reports")
struct SeedParserTests {
    @Test("agency, year and template of each seed")
    func titles() {
        let expected: [(String, String, Int, TemplateVersion)] = [
            ("000", "道外区团结镇", 2021, .v2021), ("001", "顿坊店乡人民政府", 2021, .v2021),
            ("002", "花园街道", 2020, .v2019), ("003", "保安镇人民政府", 2021, .v2021),
            ("004", "方正县政府办公室", 2021, .v2021),
        ]
        for (prefix, agency, year, template) in expected {
            let r = Project.seed(prefix)
            #expect(r.agency == agency, "\(prefix)")
            #expect(r.year == year, "\(prefix)")
            #expect(r.template == template, "\(prefix)")
        }
    }

    @Test("sections found, with irregular numbering recorded")
    func sections() {
        #expect(Project.seed("000").sections.map(\.kind) == SectionKind.allCases)
        #expect(Project.seed("000").section(.problems)?.numbering == .arabic("5、"))
        #expect(Project.seed("000").section(.problems)?.headingLine == 521)
        for p in ["001", "002", "003"] { #expect(Project.seed(p).sections.map(\.kind) == SectionKind.allCases, "\(p)") }
        // 003 uses Markdown headings at several levels; its 1./2. sub-items are not sections.
        #expect(Project.seed("003").section(.reviewLitigation)?.heading == "四、政府信息公开行政复议、行政诉讼情况")
        // 004 has no 二 and no 四, and a renamed 三.
        let s4 = Project.seed("004")
        #expect(s4.sections.map(\.kind) == [.overview, .applications, .problems, .other])
        #expect(s4.section(.applications)?.heading == "三、行政机关收到和处理政府信息公开申请情况")
    }

    @Test("statistics periods, and a cut-off date that is not one")
    func periods() {
        #expect(Project.seed("000").periods.first.map { ($0.startYear, $0.endMonth, $0.endDay, $0.line) } ?? (0, 0, 0, 0) == (2021, 12, 31, 4))
        #expect(Project.seed("001").periods.isEmpty)   // 截至2021年12月31日 is not a period
        #expect(Project.seed("002").periods.first?.line == 66)
        #expect(Project.seed("003").periods.first?.line == 7)
        #expect(Project.seed("004").publicationDate?.iso == "2022-01-20")
    }

    @Test("table 三 read cell by cell in every clean layout", arguments: ["000", "001", "003"])
    func cleanTables(prefix: String) throws {
        let r = Project.seed(prefix)
        let t = try #require(r.applicationTable)
        #expect(t.rows.count == 25)
        for (i, row) in t.rows.enumerated() {
            guard case .read(let cells) = row else { Issue.record("\(prefix) row \(t.schema.rows[i].id) not read: \(row)"); continue }
            #expect(cells.count == 7)
            #expect(cells.allSatisfy { $0.value == .number(Quantity(mantissa: 0, scale: 0)) })
        }
        let review = try #require(r.reviewTable)
        #expect(review.rows.allSatisfy { if case .read(let c) = $0 { return c.count == 5 } else { return false } })
    }

    @Test("cells remember their source line")
    func cellLines() throws {
        let t = try #require(Project.seed("000").applicationTable)
        guard case .read(let cells)? = t.reading(row: "new") else { Issue.record("row new not read"); return }
        #expect(cells.map(\.line) == Array(106...112))
        guard case .read(let c3)? = try #require(Project.seed("003").applicationTable).reading(row: "withheld_7") else { Issue.record("003 withheld_7"); return }
        #expect(c3.first?.line == 62)   // a row that lost its leading columns
    }

    @Test("seed 002: OCR-mangled 2019 table is partly read, never invented")
    func flattenedOCR() throws {
        let t = try #require(Project.seed("002").applicationTable)
        #expect(t.rows.count == 23)   // the 2019 template: （六）其他处理 has no sub-items
        #expect(t.reading(row: "partly_granted") == .missing)  // label mangled to 分处理
        if case .unreliable? = t.reading(row: "withheld_1") {} else { Issue.record("the OCR-split `1 0` row must be unreliable") }
        #expect(t.values("other_processing") == Array(repeating: "0", count: 7))
    }

    @Test("seed 004: values lost from a one-cell-per-line table make rows unreliable")
    func incompleteStacked() throws {
        let t = try #require(Project.seed("004").applicationTable)
        for id in ["new", "carry_in", "results_total"] {
            if case .read? = t.reading(row: id) { Issue.record("\(id) must not be read") }
        }
        #expect(Project.seed("004").reviewTable == nil)
    }
}

@Suite("Parser on harder real-world shapes")
struct RealWorldParserTests {
    @Test("PDF Markdown: title over two lines, wrapped period, implicit section 五")
    func shanghai() throws {
        let r = try Project.realworld("shanghai-2025-pdf-markdown.txt")
        #expect(r.agency == "上海市人民政府办公厅")
        #expect(r.year == 2025)
        #expect(r.periods.first?.line == 11)
        #expect(r.sections.count == 6)
        #expect(r.section(.problems)?.numbering == HeadingNumbering.none)
        let t = try #require(r.applicationTable)
        #expect(t.values("new") == ["1259", "36", "0", "0", "0", "0", "1295"])
        #expect(t.values("carry_over") == ["290", "3", "0", "0", "0", "0", "293"])
        #expect(t.values("new") != nil && t.values("withheld_4") != nil)
        let review = try #require(r.reviewTable)
        #expect(review.values("suit_after_review") == ["6", "0", "9", "7", "22"])
    }

    @Test("OCR Markdown: pipe tables per row group, 三是 is not a heading")
    func shuyang() throws {
        let r = try Project.realworld("shuyang-2025-ocr-markdown.txt")
        #expect(r.sections.map(\.kind) == SectionKind.allCases)
        let t = try #require(r.applicationTable)
        #expect(t.values("new") == ["705", "3", "0", "0", "5", "0", "713"])
        #expect(t.values("other_2") == ["7", "0", "0", "0", "0", "0", "7"])   // under a stray header row
        #expect(r.publicationDate?.iso == "2026-01-23")
    }

    @Test("flattened web page: headings inside one long line, tables read from runs of digits")
    func pingtanFlattened() throws {
        let r = try Project.realworld("pingtan-2022-flattened.txt")
        #expect(r.agency == "平潭综合实验区")
        #expect(r.year == 2022)
        #expect(r.sections.map(\.kind) == SectionKind.allCases)
        let t = try #require(r.applicationTable)
        #expect(t.values("new") == ["71", "3", "0", "0", "0", "0", "74"])           // 713000074: the one reading whose total is its parts
        #expect(t.values("partly_granted") == ["8", "1", "0", "0", "0", "0", "9"])  // 8100009: seven digits, seven cells
        #expect(t.values("carry_over") == Array(repeating: "0", count: 7))
        #expect(try #require(r.reviewTable).values("review") == ["0", "1", "1", "0", "2"])
    }

    @Test("a pre-2019 report has no template")
    func pingtan2018() throws {
        let r = try Project.realworld("pingtan-2018-pre-template.txt")
        #expect(r.year == 2018)
        #expect(r.template == nil)
    }
}

@Suite("Parser units")
struct ParserUnitTests {
    @Test func labelCores() {
        #expect(TemplateLabels.labelCore("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").core == "部分公开")
        #expect(TemplateLabels.labelCore("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)").core == "部分公开")
        #expect(TemplateLabels.labelCore("3. 危及\"三 安全一稳 定\"").core == "危及三安全一稳定")
        #expect(TemplateLabels.labelCore("四、结转下年度继续办理") == ("四、", "结转下年度继续办理"))
        #expect(TemplateLabels.labelCore("(七) 总计").enumerator == "(七)")
    }

    @Test func quantities() {
        #expect(Quantity("12") == Quantity(mantissa: 12, scale: 0))
        #expect(Quantity("4068.208") == Quantity(mantissa: 4068208, scale: 3))
        #expect(Quantity("1,234") == Quantity(mantissa: 1234, scale: 0))
        #expect(Quantity("1 0") == nil)
        #expect(Quantity("-1") == nil)
        #expect(Quantity("1.") == nil)
        #expect(Quantity("99999999999999999999") == nil)
    }

    @Test func headingRecognition() {
        #expect(SectionRecognizer.heading("## 一、总体情况")?.kind == .overview)
        #expect(SectionRecognizer.heading("5、 存在的主要问题及改进情况")?.numbering == .arabic("5、"))
        #expect(SectionRecognizer.heading("### 三是提高解读效能。") == nil)
        #expect(SectionRecognizer.heading("## 2. 依申请公开") == nil)
        #expect(SectionRecognizer.heading("三、本年度办理结果") == nil)
        #expect(SectionRecognizer.heading("一、本年新收政府信息公开申请数量") == nil)
        #expect(SectionRecognizer.heading("四、政府信息公开行政法复议、行政诉讼情况")?.kind == .reviewLitigation)
    }

    @Test("the dump shows what the parser read")
    func dump() {
        let d = Project.seed("004").dump()
        #expect(d.contains("agency: 方正县政府办公室  year: 2021"))
        #expect(d.contains("no table review"))
    }

    @Test("CRLF, CR and BOM")
    func lineEnds() {
        #expect(ReportParser.splitLines("\u{FEFF}a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(ReportParser.splitLines("") == [])
        #expect(ReportParser.splitLines("一\n\n二\n") == ["一", "", "二"])
        #expect(ReportParser.splitLines("\r\r\n甲") == ["", "", "甲"])
        #expect(ReportParser.splitLines("a\u{FEFF}b") == ["a\u{FEFF}b"])   // only a leading BOM goes
    }

    @Test("regexes scanned only near their anchor words find exactly what a scan of the whole text finds")
    func windowedMatches() throws {
        var reports = ["000", "001", "002", "003", "004"].map { Project.seed($0) }
        reports += try ["shanghai-2025-pdf-markdown.txt", "shuyang-2025-ocr-markdown.txt", "pingtan-2022-flattened.txt", "pingtan-2018-pre-template.txt"].map { try Project.realworld($0) }
        // Crafted: anchors at the very start and end, look-behind across a window edge, repeats.
        let crafted = "统计期限为2021年1月1日至12月31日。部分予以公开3件，予以公开5件；共收到政府信息公开申请7件，新收申请6件，上年结转1件，结转下年度继续办理2件。行政复议1件，行政诉讼0起。信息处理费0元，收费通知0件。统计期限"
        reports.append(ReportParser.parse(text: "甲镇2021年政府信息公开工作年度报告\n一、总体情况\n" + crafted + "\n", source: "crafted.txt"))
        var compared = 0
        for r in reports {
            let joined = JoinedText(ReportParser.parse(text: r.lines.joined(separator: "\n"), source: r.source).sections.flatMap(\.body)[...])
            let all = JoinedText(r.lines.enumerated().map { Segment(line: $0.offset + 1, text: $0.element) }[...])
            for j in [joined, all] {
                var cases: [(NSRegularExpression, [String], Int, Int)] = StatisticsPeriodReader.builtInMarkers.map { ($0.re, [$0.anchor], 8, 12) }
                if let p = try? Project.ruleSet("standard").rule("fees.disclosed")?.parameters.of(FeeDisclosureCheck.Parameters.self), let book = p.phrases {
                    for c in book.concepts.values { cases += c.phrases.map { ($0.re, [$0.anchor], c.reach, c.reach) } }
                }
                cases += NarrativeNumbersCheck.claims.map { ($0.pattern, [$0.anchor], $0.before, 40) }
                for (re, anchors, before, after) in cases {
                    let full = j.matches(re).map { [$0.range.location, $0.range.length] }
                    let windowed = j.matches(re, near: anchors, before: before, after: after).map { [$0.range.location, $0.range.length] }
                    #expect(full == windowed, "\(r.source) \(re.pattern)")
                    compared += full.count
                }
            }
        }
        #expect(compared > 40)
    }

    @Test("trimming, column splitting and phrase sets")
    func textHelpers() {
        #expect(TextNormalizer.trim(" \u{3000}\u{FEFF}申请 数量\u{200B}\t ") == "申请 数量")
        #expect(TextNormalizer.trim("   ") == "")
        #expect(TextNormalizer.trim("无") == "无")
        #expect(TextNormalizer.splitOnSpaceRuns("自然人  商业企业   科研机构    1 2") == ["自然人", "商业企业", "科研机构", "1 2"])
        #expect(TextNormalizer.splitOnSpaceRuns("  a  ") == ["a"])
        #expect(!SectionRecognizer.surelyLongerThan("## **一、总体情况**" + String(repeating: " \u{3000}", count: 40) + "###", 8))
        #expect(SectionRecognizer.surelyLongerThan("本年度我镇围绕乡村振兴重点任务及时公开惠农补贴", 8))
        #expect(!SectionRecognizer.surelyLongerThan("一二三四五六七八", 8))
        let set = PhraseSet(["统计期限", "http:", "联系电话", "x"])
        #expect(set.occurs(in: "本报告统计期限为") && set.occurs(in: "见http://a") && !set.occurs(in: "统计数据") && !set.occurs(in: "x") && !set.occurs(in: ""))
    }

    @Test("byte-level fold and compact agree with folding scalar by scalar")
    func foldMatchesScalars() {
        func reference(_ s: String, dropSpaces: Bool) -> String {
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars {
                guard let f = TextNormalizer.foldScalar(u) else { continue }
                if dropSpaces && f.isSpaceLike { continue }
                out.append(f)
            }
            return String(out)
        }
        let samples = ["２０２１年　１月１日", "“统计期限”—自2021年1月1日至12月31日止。", "社会公 益组织\t\u{00A0}法律\u{200B}服务", "【ＡＢＣ】‘x’\u{2212}\u{FE63}\u{2500}",
                       "", " ", "😀 emoji and é", "\u{85}\u{2028}\u{3000}end", "第二十条第（五）项", "a\r\nb"]
        for s in samples {
            #expect(TextNormalizer.fold(s) == reference(s, dropSpaces: false), "\(s)")
            #expect(TextNormalizer.compact(s) == reference(s, dropSpaces: true), "\(s)")
        }
    }
}

@Suite("No false alarms on the real-world reports")
struct RealWorldAuditTests {
    @Test("strict on the four real-world reports: only findings that are true")
    func strict() throws {
        let names = ["shanghai-2025-pdf-markdown.txt", "shuyang-2025-ocr-markdown.txt", "pingtan-2022-flattened.txt", "pingtan-2018-pre-template.txt"]
        let reports = try names.map(Project.realworld)
        let audits = AuditEngine.auditAll(reports, history: [], rules: try Project.ruleSet("strict"), language: .zh).audits
        func outcome(_ i: Int, _ rule: String) -> Outcome? { audits[i].outcomes.first { $0.rule == rule }?.outcome }
        // Flattened page: the period precedes 一 on the same line; 六 states the fee; 五 has substance.
        #expect(outcome(2, "period.stated") == .pass)
        // 六 says 无收取信息处理费情况: stated (strict still wants the notice count, as for seed 004).
        #expect(audits[2].findings.filter { $0.rule == "fees.disclosed" }.allSatisfy { $0.message.hasPrefix("信息处理费说明不完整") })
        #expect(outcome(2, "problems.substantive") == .pass)
        // Digits run together, each row cut into its cells only where one reading fits (or one
        // reading makes its total equal its parts): the table is read and balances.
        #expect(outcome(2, "tables.balance") == .pass)
        // A look back at last year's problems is not a stale year.
        #expect(outcome(0, "years.current") == .pass)
        // Before the 2019 format: the template rules do not apply.
        for rule in ["sections.required", "fees.disclosed", "tables.balance"] { #expect(outcome(3, rule) == .notApplicable, "\(rule)") }
        // Crawler headers and table labels shared by these reports are not reuse.
        for i in audits.indices { #expect(outcome(i, "narrative.reuse") == .pass, "\(names[i])") }
        for a in audits { #expect(!a.findings.contains { $0.outcome == .fail && $0.rule == "tables.balance" }) }
    }
}
