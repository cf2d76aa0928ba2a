import AuditDocument
import Foundation
import ZIPFoundation

/// `notice.docx`: a draft 通报 an office sends its agencies — title, what was audited (rule set,
/// date, number of reports), the grades, the ranking table, and per agency its problems with the
/// evidence (line and quoted text), then the standard requirements and the issuer. Laid out as
/// official documents are (GB/T 9704: A4, margins 37/35/28/26 mm, title in 小标宋 二号, headings
/// in 黑体 三号, body in 仿宋 三号), in WordprocessingML that Word, WPS and LibreOffice open.
/// Pure: the .docx bytes are built in memory; the same run gives the same bytes.
public enum NoticeDocument {
    public struct Options: Sendable {
        /// Who issues the notice (`--issuer`); a placeholder to fill in otherwise.
        public var issuer: String?
        /// Problems listed per agency; the rest are counted and referred to its audit page.
        public var problemsPerAgency = 5
        public init(issuer: String? = nil) { self.issuer = issuer }
    }

    public static func docx(_ ranked: [ReportAudit], _ run: RunInfo, options: Options = Options()) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = noon(run.date)
        for (path, text) in parts(ranked, run, options: options) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// The package's parts, by path.
    static func parts(_ ranked: [ReportAudit], _ run: RunInfo, options: Options) -> [(String, String)] {
        [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRelationships),
         ("word/_rels/document.xml.rels", documentRelationships), ("word/styles.xml", styles),
         ("word/document.xml", document(ranked, run, options: options))]
    }

    // MARK: The text

    static func document(_ ranked: [ReportAudit], _ run: RunInfo, options: Options) -> String {
        let zh = run.language == .zh
        let year = commonYear(ranked)
        let yearText = year.map { zh ? "\($0)年度" : "\($0) " } ?? ""
        let issuer = options.issuer ?? (zh ? "××政务公开办" : "[issuing office]")
        var body = ""
        body += paragraph(zh ? "关于\(yearText)政府信息公开工作年度报告审核情况的通报（草稿）" : "Notice on the audit of the \(yearText)annual reports (draft)", style: "Title")
        body += paragraph(zh ? "各有关单位：" : "To the agencies concerned:", style: "Body", indent: false)
        // Files that could not be read or are no report are named, not counted or ranked as reports.
        let audited = ranked.filter { $0.status == .parsed }
        let others = ranked.filter { $0.status != .parsed }
        body += paragraph(zh
            ? "根据《中华人民共和国政府信息公开条例》和政府信息公开工作年度报告格式的有关要求，\(issuer)于\(writtenDate(run.date, zh))对\(audited.count)份\(yearText)政府信息公开工作年度报告进行了审核（规则集：\(run.ruleSet.name)）。现将审核情况通报如下。"
            : "Under the Regulations on Open Government Information and the official report format, \(issuer) audited \(audited.count) \(yearText)annual reports on \(run.date) (rule set: \(run.ruleSet.name)). The results follow.",
            style: "Body")

        body += paragraph(zh ? "一、总体情况" : "1. Overview", style: "Heading")
        let grades = run.ruleSet.grades.sorted { $0.minimum > $1.minimum }.map(\.name)
        let counts = grades.map { g in (g, audited.filter { $0.grade == g }.count) }.filter { $0.1 > 0 }
        let mean = audited.isEmpty ? 0 : audited.map(\.score).reduce(0, +) / Double(audited.count)
        let otherFiles = others.map { ($0.file as NSString).lastPathComponent }.joined(separator: "、")
        body += paragraph(zh
            ? "本次共审核报告\(audited.count)份，平均得分\(Format.number((mean * 100).rounded() / 100))分。其中" + counts.map { "\($0.0)\($0.1)份" }.joined(separator: "、") + "。"
              + (others.isEmpty ? "" : "另有\(others.count)个文件无法读取或不是年度报告（\(otherFiles)），未计入审核和排名。")
            : "\(audited.count) reports were audited; mean score \(Format.number((mean * 100).rounded() / 100)). " + counts.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "."
              + (others.isEmpty ? "" : " \(others.count) other files could not be read or are no annual report (\(otherFiles)); they are not counted or ranked."),
            style: "Body")

        body += paragraph(zh ? "二、审核排名" : "2. Ranking", style: "Heading")
        body += rankingTable(audited, zh)

        body += problemsPart(audited, run, options: options)

        body += paragraph(zh ? "四、工作要求" : "4. Requirements", style: "Heading")
        body += paragraph(zh ? "请各单位对照上述问题逐项整改，修改完善本单位政府信息公开工作年度报告，于×月×日前重新发布，并将整改情况报送\(issuer)。"
                             : "Each agency is asked to correct the problems above, republish its annual report by [date] and report back to \(issuer).", style: "Body")
        body += paragraph(issuer, style: "Signature")
        body += paragraph(writtenDate(run.date, zh), style: "Signature")
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\(section)</w:body></w:document>
        """
    }

    /// 三、存在的主要问题: each agency's failed rules, the heaviest first, citing the line.
    static func problemsPart(_ ranked: [ReportAudit], _ run: RunInfo, options: Options) -> String {
        let zh = run.language == .zh
        var body = paragraph(zh ? "三、存在的主要问题" : "3. Main problems", style: "Heading")
        var number = 0
        for a in ranked {
            let problems = a.findings.filter { $0.outcome == .fail && $0.exemption == nil }.sorted { $0.deduction > $1.deduction }
            guard !problems.isEmpty else { continue }
            number += 1
            body += paragraph(zh ? "（\(chineseNumber(number))）\(a.displayName)（\(Format.number(a.score))分，\(a.grade)）" : "(\(number)) \(a.displayName) (\(Format.number(a.score)), \(a.grade))", style: "Subheading")
            for (i, f) in problems.prefix(options.problemsPerAgency).enumerated() {
                var text = "\(i + 1). \(Format.ruleTitle(f.rule, run))：\(f.message)"
                // The message often quotes the evidence already: then only the line is added.
                if let line = f.line, let e = f.excerpt, !e.isEmpty, !f.message.contains(Format.clip(e, 20).replacingOccurrences(of: "…", with: "")) { text += zh ? "（第\(line)行：“\(Format.clip(e, 80))”）" : " (line \(line): “\(Format.clip(e, 80))”)" }
                else if let line = f.line { text += zh ? "（第\(line)行）" : " (line \(line))" }
                body += paragraph(text, style: "Body")
            }
            if problems.count > options.problemsPerAgency {
                body += paragraph(zh ? "另有\(problems.count - options.problemsPerAgency)项问题，详见该单位的审核页面。" : "\(problems.count - options.problemsPerAgency) more problems are listed on its audit page.", style: "Body")
            }
        }
        if number == 0 { body += paragraph(zh ? "本次审核未发现问题。" : "No problems were found.", style: "Body") }
        let unverified = ranked.filter { a in a.findings.contains { $0.outcome == .unverifiable } }.count
        if unverified > 0 {
            body += paragraph(zh ? "此外，有\(unverified)份报告的部分内容（多为表格）因排版原因无法自动核验，未计为问题，请有关单位自行核对。"
                                 : "Parts of \(unverified) reports (mostly tables) could not be verified automatically; they are not counted as problems.", style: "Body")
        }
        return body
    }

    static func rankingTable(_ ranked: [ReportAudit], _ zh: Bool) -> String {
        let header = zh ? ["排名", "单位", "年度", "得分", "等级", "主要问题"] : ["Rank", "Agency", "Year", "Score", "Grade", "Main problem"]
        // Column widths in twentieths of a point; the text width of A4 with these margins is 8,844.
        let widths = [700, 2600, 800, 800, 900, 3044]
        var t = "<w:tbl><w:tblPr><w:tblStyle w:val=\"Ranking\"/><w:tblW w:w=\"8844\" w:type=\"dxa\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { t += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }
        t += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        t += row(header, widths, header: true)
        for a in ranked {
            t += row([String(a.rank), a.displayName, a.year.map(String.init) ?? "—", Format.number(a.score), a.grade, Format.clip(a.mainProblem, 40)], widths, header: false)
        }
        return t + "</w:tbl>"
    }

    static func row(_ cells: [String], _ widths: [Int], header: Bool) -> String {
        var r = "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
        for (text, w) in zip(cells, widths) {
            r += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>"
            r += "<w:r>\(header ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p></w:tc>"
        }
        return r + "</w:tr>"
    }

    static func paragraph(_ text: String, style: String, indent: Bool = true) -> String {
        let noIndent = indent ? "" : "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
        return "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(noIndent)</w:pPr><w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    /// The year at least half the reports are for (ties: the later); none for a mixed batch.
    static func commonYear(_ ranked: [ReportAudit]) -> Int? {
        var counts: [Int: Int] = [:]
        for a in ranked { if let y = a.year { counts[y, default: 0] += 1 } }
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }), best.value * 2 >= ranked.count else { return nil }
        return best.key
    }

    /// 2026-03-01 as 2026年3月1日 in Chinese.
    static func writtenDate(_ iso: String, _ zh: Bool) -> String {
        guard zh, let day = CalendarDay(iso) else { return iso }
        return "\(day.year)年\(day.month)月\(day.day)日"
    }

    static func chineseNumber(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        return String(n)
    }

    /// XML text: without the control characters XML 1.0 forbids (tabs and line ends become
    /// spaces), then escaped as HTML text is.
    static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || (0xFFFE...0xFFFF).contains($0.value) }) else { return HTMLReport.escape(s) }
        var kept = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if c == "\t" || c == "\n" || c == "\r" { kept.append(" ") } else if c.value >= 0x20 && !(0xFFFE...0xFFFF).contains(c.value) { kept.append(c) }
        }
        return HTMLReport.escape(String(kept))
    }

    /// Noon UTC of the run's date, so the zip's file times do not depend on the clock.
    static func noon(_ date: String) -> Date {
        guard let day = CalendarDay(date) else { return Date(timeIntervalSince1970: 0) }
        var c = DateComponents()
        c.year = day.year; c.month = day.month; c.day = day.day; c.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: c) ?? Date(timeIntervalSince1970: 0)
    }

    // MARK: The package

    /// A4 (11,906 × 16,838 twips), margins 37 mm top, 35 bottom, 28 left, 26 right (GB/T 9704).
    static let section = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
    """

    static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    static let documentRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """

    /// 仿宋 三号 (16 pt, w:sz 32) body with a two-character first-line indent and fixed 28 pt
    /// lines; 黑体 headings; 楷体 sub-headings; 小标宋 二号 (22 pt) title; 仿宋 四号 tables.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体" w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Heading"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Subheading"><w:name w:val="Subheading"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/><w:ind w:right="640"/></w:pPr></w:style>\
    <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="360" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
    <w:style w:type="table" w:styleId="Ranking"><w:name w:val="Ranking"/></w:style>\
    </w:styles>
    """
}
