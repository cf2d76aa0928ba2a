import Foundation
import Testing
import ZIPFoundation

/// `ranking.xlsx`, read back from the zip the way a spreadsheet reads it: three sheets, a frozen
/// header, an autofilter, scores as numbers, one row per finding, text never a formula; and
/// opened by LibreOffice without repair when LibreOffice is installed.
@Suite("office outputs: ranking.xlsx and notice.docx", .serialized)
struct SpreadsheetTests {
    /// The workbook's parts as text, by name.
    static func parts(_ url: URL) throws -> [String: String] {
        let archive = try Archive(url: url, accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    /// Cells of a sheet as (reference, type, value): numbers from <v>, strings from <is><t>.
    static func cells(_ xml: String) -> [String: (type: String, value: String)] {
        var out: [String: (String, String)] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<c r="([A-Z]+[0-9]+)"[^>]*?(?: t="([a-zA-Z]+)")?[^>]*?>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>"#)
        let ns = xml as NSString
        for m in pattern.matches(in: xml, range: NSRange(location: 0, length: ns.length)) {
            func group(_ i: Int) -> String? { m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i)) }
            let ref = group(1)!
            if let v = group(3) { out[ref] = (group(2) ?? "n", v) } else { out[ref] = (group(2) ?? "inlineStr", unescape(group(4) ?? "")) }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func audit(_ extra: [String] = [], inputs: String = "examples/reports/") throws -> URL {
        let out = CLI.tempDir().appendingPathComponent("out")
        let r = try CLI.run(["--rules", "strict", "--out", out.path, "--date", "2026-03-01", "--quiet"] + extra + [inputs])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        return out
    }

    @Test("three sheets; the ranking as numbers with a frozen header and a filter; one row per finding; the rules")
    func readBack() throws {
        let out = try Self.audit()
        let parts = try Self.parts(out.appendingPathComponent("ranking.xlsx"))
        let workbook = try #require(parts["xl/workbook.xml"])
        for name in ["排名", "问题明细", "规则"] { #expect(workbook.contains("name=\"\(name)\""), "sheet \(name)") }
        let ranking = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(ranking.contains("state=\"frozen\"") && ranking.contains("ySplit=\"1\""))
        #expect(ranking.contains("<autoFilter ref=\"A1:J6\"/>"))
        let cells = Self.cells(ranking)
        #expect(cells["A1"]?.value == "排名" && cells["D1"]?.value == "得分" && cells["E1"]?.value == "等级")
        // The same rows as ranking.csv, scores and ranks as numbers.
        let csv = try String(contentsOf: out.appendingPathComponent("ranking.csv"), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows.count == 5)
        for (i, row) in rows.enumerated() {
            let r = i + 2
            #expect(cells["A\(r)"]?.type == "n" && cells["A\(r)"]?.value == row[0])
            #expect(cells["D\(r)"]?.type == "n" && cells["D\(r)"]?.value == row[3], "score of row \(r)")
            #expect(cells["E\(r)"]?.value == row[4])
            #expect(cells["J\(r)"]?.value == row[9])
        }
        // Every finding of audit.jsonl is a row of 问题明细, with its rule title, id and points.
        let findings = try CLI.audits(out).values.flatMap { $0["findings"] as! [[String: Any]] }
        let detail = Self.cells(try #require(parts["xl/worksheets/sheet2.xml"]))
        let detailRows = Set(detail.keys.compactMap { Int($0.drop { $0.isLetter }) }).subtracting([1])
        #expect(detailRows.count == findings.count && !findings.isEmpty)
        #expect(detail["B1"]?.value == "规则" && detail["H1"]?.value == "扣分")
        let ids = Set(detailRows.compactMap { detail["J\($0)"]?.value })
        #expect(ids == Set(findings.map { $0["rule"] as! String }))
        #expect(detailRows.contains { detail["B\($0)"]?.value == "年度报告六个部分齐全" })
        let rules = Self.cells(try #require(parts["xl/worksheets/sheet3.xml"]))
        #expect(rules["B2"]?.value == "sections.required" && rules["A2"]?.value == "strict")
        // Grade colours: the grade cells carry a format with one of the grade fills.
        let styles = try #require(parts["xl/styles.xml"])
        #expect(["FFDAFBE1", "FFDDF4FF", "FFFFF8C5", "FFFFEBE9"].contains { styles.contains("<fgColor rgb=\"\($0)\"/>") })
        #expect(ranking.contains("<c r=\"E2\" s=\"") && !ranking.contains("<c r=\"E2\" s=\"0\""))
        #expect(!ranking.contains("<f>") && !parts["xl/worksheets/sheet2.xml"]!.contains("<f>"))
    }

    @Test("the same inputs give the same bytes; a name that looks like a formula stays text")
    func deterministicAndDefused() throws {
        let inputs = CLI.tempDir()
        let seed = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples/reports").path).sorted().first!
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("examples/reports/" + seed), to: inputs.appendingPathComponent("=HYPERLINK(1).txt"))
        let a = try Self.audit(inputs: inputs.path), b = try Self.audit(inputs: inputs.path)
        let x = try Data(contentsOf: a.appendingPathComponent("ranking.xlsx")), y = try Data(contentsOf: b.appendingPathComponent("ranking.xlsx"))
        #expect(x == y)
        let sheet = try #require(try Self.parts(a.appendingPathComponent("ranking.xlsx"))["xl/worksheets/sheet1.xml"])
        #expect(!sheet.contains("<f>"))
        #expect(Self.cells(sheet)["J2"]?.type == "inlineStr")
        #expect(Self.cells(sheet)["J2"]?.value.hasSuffix("=HYPERLINK(1).txt") == true)
    }

    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Converts a file with LibreOffice headless (a private profile) and returns the result's text.
    static func libreOffice(_ file: URL, to filter: String, giving name: String) throws -> String {
        let dir = CLI.tempDir()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice!)
        p.arguments = ["--headless", "-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path,
                       "--convert-to", filter, "--outdir", dir.path, file.path]
        p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("LibreOffice opens it and reads the ranking back", .enabled(if: soffice != nil, "LibreOffice is not installed (Debian: libreoffice-calc-nogui)"))
    func libreOffice() throws {
        let out = try Self.audit()
        let csv = try Self.libreOffice(out.appendingPathComponent("ranking.xlsx"), to: "csv:Text - txt - csv (StarCalc):44,34,76", giving: "ranking.csv")
        let ours = try String(contentsOf: out.appendingPathComponent("ranking.csv"), encoding: .utf8)
        let firstRow = ours.components(separatedBy: "\r\n")[1].components(separatedBy: ",")
        #expect(csv.hasPrefix("排名,单位,年度,得分,等级"))
        #expect(csv.contains(firstRow[1]) && csv.contains(firstRow[9]))
    }

    @Test("audit notice writes notice.docx beside the other outputs; LibreOffice opens it", .enabled(if: soffice != nil, "LibreOffice is not installed (Debian: libreoffice-writer-nogui)"))
    func notice() throws {
        let out = CLI.tempDir().appendingPathComponent("out")
        let r = try CLI.run(["notice", "--rules", "strict", "--issuer", "某某区政务公开办", "--date", "2026-03-01", "--out", out.path, "examples/reports/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("notice.docx"))
        for name in ["notice.docx", "ranking.xlsx", "ranking.csv", "index.html"] { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)") }
        let text = try Self.libreOffice(out.appendingPathComponent("notice.docx"), to: "txt:Text (encoded):UTF8", giving: "notice.txt")
        #expect(text.contains("关于2021年度政府信息公开工作年度报告审核情况的通报（草稿）"))
        #expect(text.contains("保安镇人民政府") && text.contains("某某区政务公开办"))
        // A later plain run replaces the folder, notice and all, without calling it foreign.
        let again = try CLI.run(["--date", "2026-03-01", "--quiet", "--out", out.path, "examples/reports/"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("notice.docx").path))
    }
}
