import AuditCore
import AuditDocument
import Foundation
import Testing
import TestSupport

/// Metamorphic tests on the real corpus: the same report laid out as other pipelines deliver it
/// (a web page flattened onto one line, with or without spaces between blocks; PDF text wrapped
/// at a fixed width; full-width digits; page chrome around it; Markdown headings; CRLF; blank
/// lines; ideographic spaces) says the same things, so a rule that passes on the report must not
/// fail on any of its layouts. A layout may lose what can be verified ("could not verify"), never
/// invent a defect. A failure here names the layout family the reader does not yet handle.
@Suite("Layout variants of the real reports")
struct LayoutVariantTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        var name: String
        /// How far the layout moves the report's year (and so which rules apply to it).
        var yearShift = 0
        var standardOnly = false
        var transform: @Sendable (String) -> String
        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(name: "flattened with spaces") { $0.split(whereSeparator: \.isNewline).joined(separator: " ") },
        Layout(name: "flattened without spaces") { $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined() },
        // As `lynx -dump` or a PDF's justified lines wrap it: at 36 characters, anywhere between
        // Chinese characters, never inside a run of ASCII letters and digits (a number).
        Layout(name: "wrapped at 36 characters") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                var out: [String] = [], current = ""
                var count = 0
                let chars = Array(line)
                for (i, c) in chars.enumerated() {
                    let insideWord = i > 0 && c.isASCII && (c.isLetter || c.isNumber) && chars[i - 1].isASCII && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                    if count >= 36, !insideWord { out.append(current); current = ""; count = 0 }
                    current.append(c); count += 1
                }
                out.append(current)
                return out
            }.joined(separator: "\n")
        },
        Layout(name: "full-width digits") { text in
            String(text.unicodeScalars.map { s -> Character in
                (0x30...0x39).contains(s.value) ? Character(Unicode.Scalar(s.value - 0x30 + 0xFF10)!) : Character(s)
            })
        },
        Layout(name: "page chrome around it") { text in
            "当前位置：首页 > 政务公开 > 政府信息公开年报\n字号：大 中 小 打印本页 关闭窗口\n来源：本站 浏览次数：\n"
                + text + "\n分享到：微信 微博 QQ空间\n主办单位：某某人民政府办公室 承办单位：某某县大数据中心 网站标识码：1234567890 备案号：某ICP备12345678号\n"
        },
        Layout(name: "Markdown headings") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let t = line.trimmingCharacters(in: .whitespaces)
                if let f = t.first, "一二三四五六".contains(f), t.dropFirst().first == "、", t.count < 40 { return "## " + t }
                return String(line)
            }.joined(separator: "\n")
        },
        Layout(name: "CRLF and blank lines") { $0.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n\r\n") },
        Layout(name: "ideographic and no-break spaces") { $0.replacingOccurrences(of: "\t", with: "\u{3000}").replacingOccurrences(of: " ", with: "\u{00A0}") },
        // Tables as PDF extraction and web-to-text tools give them.
        Layout(name: "one table cell per line") { $0.replacingOccurrences(of: "\t", with: "\n") },
        Layout(name: "columns aligned with spaces") { $0.replacingOccurrences(of: "\t", with: "    ") },
        Layout(name: "pipe tables") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains("\t") ? "| " + line.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " | ") + " |" : String(line)
            }.joined(separator: "\n")
        },
        // Grid tables as pandoc writes them from Word: a +----+ rule line between rows.
        Layout(name: "grid tables") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                guard line.contains("\t") else { return [String(line)] }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                return ["+" + cells.map { _ in "------" }.joined(separator: "+") + "+", "| " + cells.joined(separator: " | ") + " |"]
            }.joined(separator: "\n")
        },
        // A web page: paragraphs and tables in HTML, read back through the HTML reader.
        Layout(name: "HTML page") { text in
            let html = "<html><head><title>政府信息公开</title><style>p{margin:0}</style></head><body><div class=\"nav\">首页 | 政务公开</div>\n"
                + HTMLPage.body(text)
            guard case .text(let back) = InputText.extract(Data((html + "</body></html>").utf8), format: .html) else { return "" }
            return back
        },
        // The same page laid out as older government sites are: the whole article inside a cell
        // of a page-wide table, beside a navigation cell, its tables nested in that cell.
        Layout(name: "HTML page laid out with a table") { text in
            // Paragraphs and nested data tables (Word's <p> in every cell) inside one layout cell.
            let body = HTMLPage.body(text, table: "<table border=\"1\">", paragraph: { "<p><span>\($0)</span></p>" }, cell: { "<td><p>\($0)</p></td>" })
            let html = "<html><body><table width=\"100%\"><tr><td>首页 | 政务公开 | 政府信息公开年报</td></tr><tr><td><div class=\"content\">\n"
                + body + "</div></td></tr></table></body></html>"
            guard case .text(let back) = InputText.extract(Data(html.utf8), format: .html) else { return "" }
            return back
        },
        // The same report a year later: every year moved on by one (2021→2022, also inside
        // dates and document numbers), so each rule must judge it the same.
        Layout(name: "a year later", yearShift: 1) { text in
            var out = "", digits = ""
            // A year glued to a table's digits (`…继续办理20000022025年`) is moved on too.
            func flush(before next: Character?) {
                let tail = digits.suffix(4)
                if let y = Int(tail), tail.count == 4, (2000...2099).contains(y), digits.count == 4 || next == "年" {
                    out += digits.dropLast(4) + String(y + 1)
                } else { out += digits }
                digits = ""
            }
            for c in text {
                if c.isASCII, c.isNumber { digits.append(c) } else { flush(before: c); out.append(c) }
            }
            flush(before: nil)
            return out
        },
        // Section numbers written otherwise (standard only: strict flags irregular numbering).
        Layout(name: "headings numbered 一．", standardOnly: true) { renumber($0) { "\($0)．" } },
        Layout(name: "headings numbered 一.", standardOnly: true) { renumber($0) { "\($0)." } },
        Layout(name: "headings numbered 第一部分", standardOnly: true) { renumber($0) { "第\($0)部分 " } },
        Layout(name: "headings numbered 1.", standardOnly: true) { renumber($0) { "\(["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7][$0] ?? 0)." } },
        // Inside a real government site's header and footer, as a saved page's text gives it
        // (the menus, breadcrumbs and footer of the Pingtan site, from pages/ in the corpus).
        Layout(name: "inside a real site's header and footer") { text in
            siteChrome.header + "\n" + text + "\n" + siteChrome.footer
        },
        // Headings emphasised as Markdown and Word-to-Markdown tools write them.
        Layout(name: "bold headings") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let t = line.trimmingCharacters(in: .whitespaces)
                if let f = t.first, "一二三四五六".contains(f), t.dropFirst().first == "、", t.count < 40 { return "**" + t + "**" }
                return String(line)
            }.joined(separator: "\n")
        },
        // Punctuation as OCR and some PDF converters give it: ASCII commas, colons, brackets.
        Layout(name: "ASCII punctuation") { text in
            var out = text
            for (wide, ascii) in [("，", ","), ("：", ":"), ("（", "("), ("）", ")"), ("；", ";")] { out = out.replacingOccurrences(of: wide, with: ascii) }
            return out
        },
        // A space after the section numbering, or before its mark.
        Layout(name: "space after 一、", standardOnly: true) { renumber($0) { "\($0)、 " } },
        Layout(name: "space before 、", standardOnly: true) { renumber($0) { "\($0) 、" } },
        // Headings ending in a colon, or set in 【】 as some sites style them.
        Layout(name: "headings with a colon") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let t = line.trimmingCharacters(in: .whitespaces)
                if let f = t.first, "一二三四五六".contains(f), t.dropFirst().first == "、", t.count < 40, !t.hasSuffix("：") { return t + "：" }
                return String(line)
            }.joined(separator: "\n")
        },
        Layout(name: "headings in 【】") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let t = line.trimmingCharacters(in: .whitespaces)
                if let f = t.first, "一二三四五六".contains(f), t.dropFirst().first == "、", t.count < 40 { return "【" + t + "】" }
                return String(line)
            }.joined(separator: "\n")
        },
        Layout(name: "headings numbered 【一】", standardOnly: true) { renumber($0) { "【\($0)】" } },
        Layout(name: "headings numbered （一）", standardOnly: true) { renumber($0) { "（\($0)）" } },
        Layout(name: "headings numbered 1、", standardOnly: true) { renumber($0) { "\(["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7][$0] ?? 0)、" } },
        // PDF text: every 40 lines a page footer and the next page's running header, wherever
        // the page breaks (inside a table too).
        Layout(name: "PDF page breaks with page numbers") { text in
            var out: [String] = []
            var page = 1
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0, i % 40 == 0 { out.append("— \(page) —"); out.append(""); page += 1 }
                out.append(String(line))
            }
            return out.joined(separator: "\n")
        },
        Layout(name: "PDF page breaks with 第 N 页 共 M 页") { text in
            var out: [String] = []
            var page = 1
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0, i % 40 == 0 { out.append("第 \(page) 页 共 9 页"); page += 1 }
                out.append(String(line))
            }
            return out.joined(separator: "\n")
        },
        // Counts of 1,000 and more written with thousands separators: in table cells and before
        // a unit in sentences (never years or dates, which nobody writes so).
        Layout(name: "thousands separators") { text in
            func separated(_ digits: String) -> String {
                guard digits.count > 3, digits.allSatisfy(\.isNumber) else { return digits }
                var out = "", count = 0
                for c in digits.reversed() { if count > 0, count % 3 == 0 { out.append(",") }; out.append(c); count += 1 }
                return String(out.reversed())
            }
            let re = try! NSRegularExpression(pattern: "(?<![0-9.,])([1-9][0-9]{3,})(?=件|条|元|次|人|个)")
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                if line.contains("\t") { return line.split(separator: "\t", omittingEmptySubsequences: false).map { separated(String($0)) }.joined(separator: "\t") }
                let l = String(line), ns = l as NSString
                var out = "", last = 0
                for m in re.matches(in: l, range: NSRange(location: 0, length: ns.length)) {
                    out += ns.substring(with: NSRange(location: last, length: m.range.location - last)) + separated(ns.substring(with: m.range))
                    last = m.range.location + m.range.length
                }
                return out + ns.substring(from: last)
            }.joined(separator: "\n")
        },
        // OCR misreadings in table cells: a zero read as the letter O, a one as l.
        Layout(name: "OCR letters for digits in tables") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.contains("\t") else { return String(line) }
                return line.split(separator: "\t", omittingEmptySubsequences: false).map { $0 == "0" ? "O" : $0 == "1" ? "l" : String($0) }.joined(separator: "\t")
            }.joined(separator: "\n")
        },
        // PDF text where the numeral is a text run of its own: `一、` on one line, the title on the next.
        Layout(name: "heading numeral on a line of its own") { renumber($0) { "\($0)、\n" } },
        // Parts numbered as sub-items throughout (strict flags the numbering, by design).
        Layout(name: "parts numbered （一）…（六）", standardOnly: true) { renumber($0) { "（\($0)）" } },
        // Headings set with spaces between their characters, as justified Word headings extract.
        Layout(name: "heading titles spaced out") { text in
            var out = text
            for kind in SectionKind.allCases {
                let title = kind.officialTitle
                out = out.replacingOccurrences(of: title, with: title.map(String.init).joined(separator: " "))
            }
            return out
        },
        // A government site's metadata block before the report (索引号, 发布机构, 发文日期…),
        // filled in from the report itself as the site would.
        Layout(name: "site metadata block above the title") { text in
            let r = ReportParser.parse(text: text, source: "")
            let date = r.publicationDate.map { "\($0.year)-\($0.month)-\($0.day)" } ?? ""
            return "索引号：11350128MB0000000X/\((r.year ?? 2021) + 1)-00012\t主题分类：政务公开\n发布机构：\(r.agency ?? "")\t发文日期：\(date)\n"
                + "文号：\t主题词：年度报告\n" + text
        },
        // A table of contents before the first section (目录 and the six headings, one per line),
        // as a Word report or its PDF has it: the report's own headings further down are its sections.
        Layout(name: "a table of contents before the first section") { text in
            let r = ReportParser.parse(text: text, source: "")
            var lines = text.components(separatedBy: "\n")
            let contents = ["目  录"] + SectionKind.allCases.map { "\($0.numeral)、\($0.officialTitle)" } + [""]
            lines.insert(contentsOf: contents, at: min(max((r.sections.first?.headingLine ?? 1) - 1, 0), lines.count))
            return lines.joined(separator: "\n")
        },
        // A page's tail after the report: print links, an update stamp, related articles with
        // their dates — all later than the signature, none of them the report's date.
        Layout(name: "a page's tail with later dates") { text in
            let year = (ReportParser.parse(text: text, source: "").year ?? 2021) + 1
            return text + "\n【打印本页】【关闭窗口】\n更新时间：\(year)-05-20\n相关文章\n关于做好政务公开工作的通知 \(year)-03-05\n"
                + "某某局关于印发工作要点的通知\n\(year)-04-01\n附件：统计表（\(year)年6月28日修订）\n"
        },
        // Several at once, as a crawl of a page with full-width figures gives it.
        Layout(name: "chrome, full-width digits, flattened without spaces") { text in
            let chrome = layouts.first { $0.name == "page chrome around it" }!.transform(text)
            let wide = layouts.first { $0.name == "full-width digits" }!.transform(chrome)
            return layouts.first { $0.name == "flattened without spaces" }!.transform(wide)
        },
    ]

    /// The header (up to the breadcrumb's category) and footer (from 附件下载) of a real saved page.
    static let siteChrome: (header: String, footer: String) = {
        guard let data = FileManager.default.contents(atPath: ProjectFiles.root.appendingPathComponent("Tests/RealWorldTests/Corpus/pages/pingtan-2023-finance-86688.html").path),
              case .text(let page) = InputText.extract(data, format: .html) else { return ("", "") }
        let lines = page.components(separatedBy: "\n")
        let category = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "政府信息公开年报" } ?? 0
        let footer = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "附件下载" } ?? lines.count
        // The breadcrumb names this page's agency: left out, the report names its own.
        let header = lines[..<(category + 1)].filter { !$0.contains("财政金融局") }
        return (header.joined(separator: "\n"), lines[footer...].joined(separator: "\n"))
    }()

    /// Every section heading's `一、` numbering written by `number` instead.
    static func renumber(_ text: String, _ number: @escaping (String) -> String) -> String {
        let re = try! NSRegularExpression(pattern: "(?<![一二三四五六七八九十（(])([一二三四五六七])、(?=总体情况|主动公开|收到和处理|行政机关收到|政府信息公开|存在的|其他需要|其他事项)")
        let ns = text as NSString
        var out = "", last = 0
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last)) + number(ns.substring(with: m.range(at: 1)))
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }

    static var files: [String] {
        let base = ProjectFiles.root.appendingPathComponent("Tests/RealWorldTests/Corpus/reports")
        var out: [String] = []
        for sub in ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []).sorted() {
            // Not the pages, nor the script file whose report follows 4,000 characters of a
            // site's menu data: laid out otherwise, a script is no real layout.
            for f in ((try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(sub).path)) ?? []).sorted()
            where !f.hasSuffix(".html") && !f.hasSuffix("-js.txt") {
                out.append("Tests/RealWorldTests/Corpus/reports/\(sub)/\(f)")
            }
        }
        // The seeds: real reports whose tables are tab-separated, which the table layouts change.
        let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: ProjectFiles.root.appendingPathComponent("examples/reports").path)) ?? [])
        return out + seeds.filter { $0.hasSuffix(".txt") }.sorted().map { "examples/reports/" + $0 }
    }

    /// Layouts that change what is narrative, applied to every report of a run at once: reuse
    /// compares the reports with each other, so a table read as text, a heading lost or one
    /// site's footer under every report must not make them share a passage.
    static let corpusLayouts = ["flattened without spaces", "heading numeral on a line of its own", "parts numbered （一）…（六）",
                                "inside a real site's header and footer", "one table cell per line", "site metadata block above the title"]

    @Test("no passage is shared between real reports laid out otherwise that was not shared as they are", arguments: corpusLayouts)
    func sameReuse(_ name: String) throws {
        let layout = try #require(Self.layouts.first { $0.name == name })
        let originals = try Self.files.map { try ProjectFiles.report($0) }
        let variants = try Self.files.map { f in ReportParser.parse(text: layout.transform(try ProjectFiles.readableText(f)), source: f) }
        for setName in ["standard", "strict"] {
            let set = try ProjectFiles.ruleSet(setName)
            let before = AuditEngine.auditAll(originals, history: [], rules: set, language: .zh).audits
            let after = AuditEngine.auditAll(variants, history: [], rules: set, language: .zh).audits
            #expect(before.count == after.count && before.contains { $0.outcomes.contains { $0.0 == "narrative.reuse" && $0.1 == .pass } })
            for (a, b) in zip(before, after) {
                let was = a.outcomes.first { $0.0 == "narrative.reuse" }?.1, now = b.outcomes.first { $0.0 == "narrative.reuse" }?.1
                if was != .fail && now == .fail {
                    let why = b.findings.filter { $0.rule == "narrative.reuse" }.map { "\($0.message) «\($0.excerpt ?? "")»" }.joined(separator: " | ")
                    Issue.record("\(name) [\(setName)] \(a.file): narrative.reuse \(was?.rawValue ?? "-") → fail: \(why)")
                }
            }
        }
    }

    @Test("no rule that passes on a real report fails on the same report laid out otherwise", arguments: layouts)
    func sameFindings(_ layout: Layout) throws {
        #expect(Self.files.count >= 50)
        #expect(Self.siteChrome.header.count > 100 && Self.siteChrome.footer.count > 100)
        for setName in layout.standardOnly ? ["standard"] : ["standard", "strict"] {
            let set = try ProjectFiles.ruleSet(setName)
            // Reuse compares reports with each other; one report alone is compared with nothing.
            let originals = try Self.files.map { try ProjectFiles.report($0) }
            let variants = try Self.files.map { f in ReportParser.parse(text: layout.transform(try ProjectFiles.readableText(f)), source: f) }
            for (original, variant) in zip(originals, variants) {
                let a = AuditEngine.audit(original, rules: set, language: .zh), b = AuditEngine.audit(variant, rules: set, language: .zh)
                #expect(a.agency == b.agency && a.year.map { $0 + layout.yearShift } == b.year, "\(layout.name) \(original.source): agency/year \(a.agency ?? "-") \(a.year ?? 0) → \(b.agency ?? "-") \(b.year ?? 0)")
                // A rule that did not apply to the original's year may apply a year later.
                for ((rule, before), (_, after)) in zip(a.outcomes, b.outcomes) where before != .fail && after == .fail && !(layout.yearShift != 0 && before == .notApplicable) {
                    let why = b.findings.filter { $0.rule == rule }.map(\.message).joined(separator: " | ")
                    Issue.record("\(layout.name) [\(setName)] \(original.source) \(rule): \(before.rawValue) → fail: \(why)")
                }
            }
        }
    }
}
