import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

@Suite("Input formats audit like their plain-text originals")
struct FormatTests {
    static let folder = Project.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/formats")

    struct Case: Sendable, CustomTestStringConvertible {
        var seed: String, file: String, format: InputFormat
        var testDescription: String { file }
    }

    static let cases: [Case] = ["001_4f4d1458c3fb7bc1", "003_bae77339b0aba9fa"].flatMap { seed in
        [Case(seed: seed, file: seed + ".html", format: .html), Case(seed: seed, file: seed + ".pipes.md", format: .text),
         Case(seed: seed, file: seed + ".docx", format: .docx), Case(seed: seed, file: seed + ".gb18030.txt", format: .text)]
    }

    /// What a user sees of an audit, minus line numbers (they count lines of the extracted text).
    static func summary(_ a: ReportAudit) -> [String] {
        a.findings.map { "\($0.rule) \($0.outcome.rawValue) \($0.severity.rawValue) \($0.message)" }.sorted()
    }

    @Test("same agency, year, template, tables and findings", arguments: cases)
    func sameFindings(_ c: Case) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(c.file))
        guard case .text(let text) = InputText.extract(data, format: c.format) else { Issue.record("\(c.file) could not be read"); return }
        let set = try Project.ruleSet("strict")
        let converted = ReportParser.parse(text: text, source: c.file)
        let original = Project.seed(String(c.seed.prefix(3)))
        #expect(converted.agency == original.agency)
        #expect(converted.year == original.year)
        #expect(converted.template == original.template)
        #expect(converted.sections.map(\.kind) == original.sections.map(\.kind))
        let rows = try #require(converted.applicationTable).rows
        #expect(rows.allSatisfy { if case .read = $0 { return true } else { return false } }, "\(converted.dump())")
        let a = AuditEngine.audit(converted, rules: set, language: .zh), b = AuditEngine.audit(original, rules: set, language: .zh)
        #expect(Self.summary(a) == Self.summary(b))
        #expect(a.score == b.score)
    }

    @Test("HTML: scripts, styles and navigation are dropped, entities decoded, spans expanded")
    func html() {
        let page = """
        <html><head><script>document.write('一、总体情况')</script><style>p{}</style></head><body><nav>首页 &gt; 年报</nav>
        <h2>一、总体情况</h2><p>本机关&amp;本系统&#x4E00;年<br>第二行</p>
        <table><tr><td rowspan=2>三、本年度办理结果</td><td>(一) 予以公开</td><td colspan=2>1</td></tr><tr><td>(二) 部分公开</td><td>0</td><td>0</td></tr></table>
        <div><div><p>未闭合
        """
        let text = HTMLText.text(fromHTML: page)
        #expect(!text.contains("document.write") && !text.contains("首页"))
        #expect(text.contains("## 一、总体情况\n本机关&本系统一年\n第二行\n"))
        #expect(text.contains("三、本年度办理结果\t(一) 予以公开\t1\t\n\t(二) 部分公开\t0\t0\n"))
        #expect(text.hasSuffix("未闭合\n"))
    }

    @Test("plain text saved under a page's name keeps its lines; a page with a few tags is still a page")
    func plainTextNamedHTML() throws {
        // The OCR'd seed holds one `<i>…</i>` pair.
        let text = Project.text("examples/reports/002_22aa9dc67aee4612.txt")
        #expect(text.contains("<i>"))
        guard case .text(let read) = InputText.extract(Data(text.utf8), format: .html) else { Issue.record("not read"); return }
        #expect(read == text)
        guard case .text(let page) = InputText.extract(Data("<p>一、总体情况</p><p>本年度</p>".utf8), format: .html) else { Issue.record("not read"); return }
        #expect(!page.contains("<p>") && page.contains("一、总体情况"))
    }

    @Test("a site's page: Word's list numbers kept, the page's stamp dates it, the column's name is not the title; Markdown's HTML tables read")
    func sitePages() throws {
        let word = "<p><![if !supportLists]><b><span>一、<span>&nbsp;&nbsp;</span></span></b><![endif]><b>总体情况</b></p><!--[if gte mso 9]><xml>隐藏</xml><![endif]-->"
        let text = HTMLText.text(fromHTML: word)
        #expect(text.contains("一、") && text.contains("总体情况") && !text.contains("endif") && !text.contains("隐藏"), "\(text)")

        // Headings in lists the browser numbers 一、二、 (UEditor's custom_cn, CSS cjk-ideographic).
        let listed = HTMLText.text(fromHTML: "<ol class=\"custom_cn list-paddingleft-1\" start=\"2\"><li><p><strong>主动公开政府信息情况</strong></p></li></ol>"
                                   + "<ol style=\"list-style-type: cjk-ideographic;\"><li>总体情况</li><li>其他</li></ol><ol><li>不编号</li></ol>")
        #expect(listed.contains("二、主动公开政府信息情况") && listed.contains("一、总体情况") && listed.contains("二、其他") && !listed.contains("、不编号"), "\(listed)")

        // The page's info bar and a metadata table above the article; the body is not signed.
        let body = Project.text("examples/reports/001_4f4d1458c3fb7bc1.txt")
        let title = "顿坊店乡人民政府2021年政府信息公开工作年度报告"
        // (This example is not signed.)
        let unsigned = body
        #expect(ReportParser.parse(text: unsigned, source: "unsigned").publicationDate == nil)
        let chrome = "首页\n政务公开\n走进本县\n政府信息公开年报\n当前位置：首页 > 政府信息公开年报\n"
        for stamp in ["发布时间：2022-01-18 17:39　来源：顿坊店乡人民政府　浏览次数：1234　【字体：大 中 小】【打印】【关闭】", "发文日期：\n2022-01-18", "发布日期：2022年01月18日"] {
            let r = ReportParser.parse(text: chrome + title + "\n" + stamp + "\n" + unsigned.replacingOccurrences(of: title + "\n", with: ""), source: "page")
            #expect(r.publicationDate.map { [$0.year, $0.month, $0.day] } == [2022, 1, 18], "\(stamp)")
            #expect(r.agency == "顿坊店乡人民政府" && r.year == 2021, "\(r.agency ?? "-")")
        }

        // MinerU and marker write a PDF's tables into Markdown as HTML.
        let md = "## 二、主动公开政府信息情况\n<table><tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr></table>\n## 三、收到和处理政府信息公开申请情况\n"
        guard case .text(let read) = InputText.extract(Data(md.utf8), format: .text) else { Issue.record("not read"); return }
        #expect(read.contains("规章\t0\t0\t3") && read.contains("## 三、收到和处理政府信息公开申请情况") && !read.contains("<td>"), "\(read)")
    }

    @Test("Word: list numbers shown as Word shows them, footnotes read, hidden text and text boxes' fallback copies not", arguments:
            ["word-list-numbers", "libreoffice-list-numbers", "period-in-footnote", "hidden-paragraph", "table-in-text-box"])
    func wordDocuments(_ name: String) throws {
        let data = try Data(contentsOf: Project.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/docx/\(name).docx"))
        guard case .text(let text) = InputText.extract(data, format: .docx) else { Issue.record("not read"); return }
        let report = ReportParser.parse(text: text, source: name + ".docx")
        #expect(report.sections.map(\.heading).prefix(1).first?.hasPrefix("一、") == true, "\(report.sections.map(\.heading))")
        let audit = AuditEngine.audit(report, rules: try Project.ruleSet("strict"), language: .zh)
        for rule in ["sections.required", "period.stated", "tables.balance"] {
            #expect(audit.outcomes.first { $0.rule == rule }?.outcome == .pass, "\(rule): \(audit.findings.filter { $0.rule == rule }.map(\.message))")
        }
        #expect(DocxNumbering.format(2, "chineseCounting") == "二" && DocxNumbering.format(12, "taiwaneseCountingThousand") == "十二"
                && DocxNumbering.format(21, "chineseCounting") == "二十一" && DocxNumbering.format(3, "chineseLegalSimplified") == "叁")
    }

    @Test("tables attached after the signature: their captions are not the sections' headings, the tables are read from them",
          arguments: ["tables-attached", "tables-attached-fubiao", "tables-attached-2019"])
    func attachedTables(_ name: String) throws {
        let report = ReportParser.parse(text: Project.text("Tests/AuditCoreTests/Fixtures/attachments/\(name).txt"), source: name)
        #expect(report.sections.count == 6 && report.sections.allSatisfy { $0.numbering == .chinese }, "\(report.sections.map(\.heading))")
        #expect(report.applicationTable != nil && report.reviewTable != nil && report.proactiveTable != nil)
        let audit = AuditEngine.audit(report, rules: try Project.ruleSet("strict"), language: .zh)
        for rule in ["sections.required", "tables.balance", "report.dated"] {
            #expect(audit.outcomes.first { $0.rule == rule }?.outcome == .pass, "\(rule): \(audit.findings.filter { $0.rule == rule }.map(\.message))")
        }
    }

    @Test("deeply nested HTML is flattened, not a crash")
    func deep() {
        let page = String(repeating: "<div>", count: 50_000) + "一、总体情况" + String(repeating: "</div>", count: 50_000)
        #expect(HTMLText.text(fromHTML: page).contains("一、总体情况"))
    }

    @Test("encodings: UTF-8 with BOM, UTF-16 with BOM, GB18030, forced; binary refused")
    func encodings() {
        let s = "一、总体情况\n"
        func text(_ r: InputText.Result) -> String? { if case .text(let t) = r { return t } else { return nil } }
        #expect(text(InputText.decode(Data([0xEF, 0xBB, 0xBF]) + Data(s.utf8))) == s)
        #expect(text(InputText.decode(s.data(using: .utf16)!)) == s)   // Foundation writes a BOM
        let gb = Data([0xD2, 0xBB, 0xA1, 0xA2])   // 一、 in GB18030
        #expect(text(InputText.decode(gb)) == "一、")
        #expect(text(InputText.decode(Data("abc".utf8), forced: .gb18030)) == "abc")
        if case .failure = InputText.decode(Data([0x00, 0x01, 0x02])) {} else { Issue.record("binary must be refused") }
        if case .failure = InputText.decode(Data()) {} else { Issue.record("empty must be refused") }
        if case .failure = InputText.decode(Data([0xFF, 0xFF, 0xFF, 0x80]), forced: .utf8) {} else { Issue.record("invalid UTF-8 must be refused when forced") }
    }

    @Test("a broken .docx is a reason, not a crash")
    func brokenDocx() {
        if case .failure = InputText.extract(Data("not a zip".utf8), format: .docx) {} else { Issue.record("expected a failure") }
    }
}

@Suite("Inputs the fuzzer found")
struct FuzzRegressionTests {
    @Test("each saved fuzz input is read without a crash", arguments: (try? FileManager.default.contentsOfDirectory(atPath: Project.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/fuzz").path))?.sorted() ?? [])
    func replay(_ name: String) throws {
        let data = try Data(contentsOf: Project.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/fuzz/" + name))
        let set = try Project.ruleSet("strict")
        for format in [InputFormat.text, .html, .docx] {
            guard case .text(let t) = InputText.extract(data, format: format) else { continue }
            let r = ReportParser.parse(text: t, source: name)
            _ = r.dump()
            // As the fuzz target does: the report twice, so reuse detection compares it with itself.
            _ = AuditEngine.auditAll([r, r], history: [], rules: set, language: .zh)
        }
    }
}
