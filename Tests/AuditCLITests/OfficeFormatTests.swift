import Foundation
import Testing

/// .doc, .wps, .rtf and .odt reports through LibreOffice: the same audit as the plain-text
/// original, every such input of a run in one LibreOffice process, a clear reason when
/// LibreOffice is missing, and a stop (not a hang) when it does not finish.
@Suite("office documents (.doc .wps .rtf .odt)", .serialized)
struct OfficeFormatTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/formats")
    static let seeds = ["001_4f4d1458c3fb7bc1", "003_bae77339b0aba9fa"]
    static let hasLibreOffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }

    /// What a user sees of each report's audit, without line numbers (they count lines of the extracted text).
    static func summary(_ out: URL) throws -> [String: String] {
        try CLI.audits(out).mapValues { a in
            let findings = (a["findings"] as! [[String: Any]]).map { "\($0["rule"]!) \($0["outcome"]!) \($0["message"]!)" }.sorted()
            let outcomes = (a["outcomes"] as! [String: String]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return "\(a["status"]!) \(a["agency"] ?? "") \(a["score"]!) \(outcomes) \(findings)"
        }
    }

    static func audit(_ files: [URL], env: [String: String] = [:]) throws -> (URL, CLI.Output) {
        let inputs = CLI.tempDir()
        for f in files { try FileManager.default.copyItem(at: f, to: inputs.appendingPathComponent(f.lastPathComponent)) }
        let out = CLI.tempDir().appendingPathComponent("out")
        let r = try CLI.run(["--rules", "strict", "--date", "2026-03-01", "--quiet", "--out", out.path, inputs.path], env: env)
        return (out, r)
    }

    @Test("each format audits like the plain-text original", .enabled(if: hasLibreOffice, "LibreOffice is not installed (Debian: libreoffice-writer-nogui)"),
          arguments: ["doc", "wps", "rtf", "odt"])
    func sameAsText(_ ext: String) throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples/reports").path)
        let originals = Self.seeds.map { s in CLI.root.appendingPathComponent("examples/reports/" + examples.first { $0.hasPrefix(s) }!) }
        let (textOut, _) = try Self.audit(originals)
        let (officeOut, r) = try Self.audit(Self.seeds.map { Self.fixtures.appendingPathComponent("\($0).\(ext)") })
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try Self.summary(textOut), actual = try Self.summary(officeOut)
        #expect(expected.count == 2)
        #expect(actual == expected)
        // The tables were read, not left unverifiable.
        for (_, a) in try CLI.audits(officeOut) { #expect((a["outcomes"] as! [String: String])["tables.balance"] == "pass") }
    }

    @Test("all office documents of a run go through one LibreOffice process", .enabled(if: hasLibreOffice, "LibreOffice is not installed"))
    func oneProcess() throws {
        let dir = CLI.tempDir(), log = dir.appendingPathComponent("calls.log")
        let wrapper = dir.appendingPathComponent("soffice")
        let real = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }!
        try "#!/bin/sh\necho call >> '\(log.path)'\nexec '\(real)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper.path, 0o755)
        let files = ["doc", "wps", "rtf", "odt"].flatMap { ext in Self.seeds.map { Self.fixtures.appendingPathComponent("\($0).\(ext)") } }
        let (out, r) = try Self.audit(files, env: ["AUDIT_SOFFICE": wrapper.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: log, encoding: .utf8) == "call\n")
        let lines = try String(contentsOf: out.appendingPathComponent("audit.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.contains("\"status\":\"parsed\"") })
        // Many files go in batches (500 a process; 3 here): one process per batch, none lost.
        try "".write(to: log, atomically: true, encoding: .utf8)
        let (batched, b) = try Self.audit(files, env: ["AUDIT_SOFFICE": wrapper.path, "AUDIT_OFFICE_BATCH": "3"])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(try String(contentsOf: log, encoding: .utf8) == "call\ncall\ncall\n")
        let again = try String(contentsOf: batched.appendingPathComponent("audit.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(again.count == 8 && again.allSatisfy { $0.contains("\"status\":\"parsed\"") })
    }

    @Test("a batch that LibreOffice abandons is retried file by file before any file is called unreadable", .enabled(if: hasLibreOffice, "LibreOffice is not installed"))
    func batchRetried() throws {
        let dir = CLI.tempDir(), log = dir.appendingPathComponent("calls.log")
        let wrapper = dir.appendingPathComponent("soffice")
        let real = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }!
        // Like a LibreOffice that one bad file crashes: a batch of several converts nothing.
        let script = "#!/bin/sh\necho call >> '\(log.path)'\ncount=0\nfor a in \"$@\"; do case \"$a\" in */in/*) count=$((count+1));; esac; done\n"
            + "[ \"$count\" -gt 1 ] && exit 1\nexec '\(real)' \"$@\"\n"
        try script.write(to: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper.path, 0o755)
        let (out, r) = try Self.audit(Self.seeds.map { Self.fixtures.appendingPathComponent("\($0).doc") }, env: ["AUDIT_SOFFICE": wrapper.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: log, encoding: .utf8) == "call\ncall\ncall\n")
        let audits = try CLI.audits(out)
        #expect(audits.count == 2 && audits.values.allSatisfy { $0["status"] as? String == "parsed" })
    }

    @Test("without LibreOffice the file is listed with the package to install; the run goes on")
    func missingProgram() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples/reports").path)
        let text = CLI.root.appendingPathComponent("examples/reports/" + examples.first { $0.hasPrefix("003") }!)
        let (out, r) = try Self.audit([Self.fixtures.appendingPathComponent(Self.seeds[0] + ".doc"), text], env: ["AUDIT_SOFFICE": "/nonexistent/soffice"])
        #expect(r.status == 0, "\(r.stderr)")
        let audits = try CLI.audits(out)
        let doc = try #require(audits["001"])
        #expect(doc["status"] as? String != "parsed")
        #expect(((doc["findings"] as! [[String: Any]]).first?["message"] as? String)?.contains("libreoffice-writer-nogui") == true)
        #expect(audits["003"]?["status"] as? String == "parsed")
    }

    @Test("a LibreOffice that never finishes is stopped at the time limit, with its children")
    func hangStopped() throws {
        let dir = CLI.tempDir(), marker = dir.appendingPathComponent("child.pid")
        let wrapper = dir.appendingPathComponent("soffice")
        try "#!/bin/sh\nsleep 300 &\necho $! > '\(marker.path)'\nwait\n".write(to: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper.path, 0o755)
        let started = Date()
        let (out, r) = try Self.audit([Self.fixtures.appendingPathComponent(Self.seeds[0] + ".rtf")], env: ["AUDIT_SOFFICE": wrapper.path, "AUDIT_OFFICE_TIMEOUT": "1"])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try CLI.audits(out)["001"])
        #expect(((doc["findings"] as! [[String: Any]]).first?["message"] as? String)?.contains("LibreOffice") == true)
        // The child it started is gone too.
        let child = try String(contentsOf: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        usleep(200_000)
        // Gone, or a zombie waiting for a parent that does not reap (PID 1 in some containers).
        let stat = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        #expect(stat.isEmpty || state == "Z", "\(stat)")
    }
}

/// A scanned PDF (a seed printed to PDF and rasterised: no text layer) read by OCR: the same
/// sections, period and fee findings as the plain-text original; the table figures are not
/// trusted unless all were read with confidence; every finding says it rests on OCR text.
@Suite("scanned PDF through OCR", .serialized)
struct ScannedPDFTests {
    static let hasOCR = FileManager.default.isExecutableFile(atPath: "/usr/bin/tesseract") && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")
        && ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"].contains { FileManager.default.fileExists(atPath: $0 + "/chi_sim.traineddata") }

    @Test("same sections, period and fee findings as the original; figures could not verify; findings say OCR",
          .enabled(if: hasOCR, "tesseract with chi_sim and pdftoppm are not installed (Debian: tesseract-ocr tesseract-ocr-chi-sim poppler-utils)"))
    func scanned() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples/reports").path)
        let original = CLI.root.appendingPathComponent("examples/reports/" + examples.first { $0.hasPrefix("001") }!)
        let (textOut, _) = try OfficeFormatTests.audit([original])
        let (scanOut, r) = try OfficeFormatTests.audit([OfficeFormatTests.fixtures.appendingPathComponent("001_4f4d1458c3fb7bc1.scanned.pdf")])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try #require(try CLI.audits(textOut)["001"]), scan = try #require(try CLI.audits(scanOut)["001"])
        #expect(scan["status"] as? String == "parsed")
        #expect(scan["agency"] as? String == text["agency"] as? String && scan["year"] as? Int == 2021)
        let tOut = text["outcomes"] as! [String: String], sOut = scan["outcomes"] as! [String: String]
        for rule in ["sections.required", "period.stated", "fees.disclosed", "report.dated"] { #expect(sOut[rule] == tOut[rule], "\(rule)") }
        func messages(_ a: [String: Any], _ rule: String) -> [String] {
            // Quotes are as each text writes them: the OCR text has spaces the original has not.
            CLI.findings(a, rule: rule).map { ($0["message"] as! String).replacingOccurrences(of: "（依据扫描件的 OCR 识别文字）", with: "").replacingOccurrences(of: " ", with: "") }
        }
        for rule in ["period.stated", "fees.disclosed"] { #expect(messages(scan, rule) == messages(text, rule), "\(rule)") }
        // The figures: verified only if every one was read with confidence, never a false imbalance.
        #expect(sOut["tables.balance"] != "fail" && sOut["numbers.consistent"] != "fail")
        let findings = scan["findings"] as! [[String: Any]]
        #expect(findings.contains { $0["rule"] as? String == "input.ocr" })
        #expect(findings.filter { $0["outcome"] as? String == "fail" }.allSatisfy { ($0["message"] as! String).contains("OCR") })
    }

    @Test("a scanned earlier year in --history gives carry-over 'could not verify', never a mismatch from a misread figure",
          .enabled(if: hasOCR, "tesseract with chi_sim and pdftoppm are not installed"))
    func scannedHistory() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples/reports").path)
        let original = try String(contentsOf: CLI.root.appendingPathComponent("examples/reports/" + examples.first { $0.hasPrefix("001") }!), encoding: .utf8)
        let inputs = CLI.tempDir(), history = CLI.tempDir()
        try original.replacingOccurrences(of: "2021", with: "2022").write(to: inputs.appendingPathComponent("001-2022.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: OfficeFormatTests.fixtures.appendingPathComponent("001_4f4d1458c3fb7bc1.scanned.pdf"), to: history.appendingPathComponent("001-2021.pdf"))
        let out = CLI.tempDir().appendingPathComponent("out")
        let r = try CLI.run(["--rules", "strict", "--date", "2026-03-01", "--quiet", "--out", out.path, "--history", history.path, inputs.path])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try #require(try CLI.audits(out)["001"])
        #expect((a["outcomes"] as! [String: String])["carry.consistent"] == "unverifiable")
        #expect(CLI.findings(a, rule: "carry.consistent").contains { ($0["message"] as! String).contains("OCR") })
    }
}
