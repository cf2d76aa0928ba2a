import Foundation
import Testing

/// Runs the built `audit` executable as a user would, on the bundled examples.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 { candidates.append(dir.appendingPathComponent("audit")); dir = dir.deletingLastPathComponent() }
        candidates.append(root.appendingPathComponent(".build/debug/audit"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], cwd: URL = root, env: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("audit-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    /// audit.jsonl as objects, keyed by the seed's number prefix.
    static func audits(_ out: URL) throws -> [String: [String: Any]] {
        let text = try String(contentsOf: out.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        var result: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let file = (obj["file"] as! String).split(separator: "/").last!
            result[String(file.prefix(3))] = obj
        }
        return result
    }

    static func findings(_ a: [String: Any], rule: String) -> [[String: Any]] {
        (a["findings"] as! [[String: Any]]).filter { $0["rule"] as? String == rule }
    }
    static func outcome(_ a: [String: Any], _ rule: String) -> String? { (a["outcomes"] as? [String: String])?[rule] }
}

@Suite("audit command end to end", .serialized)
struct AuditCLITests {
    @Test("standard on the examples: the acceptance facts of the audit issue")
    func standard() throws {
        let out = CLI.tempDir()
        let r = try CLI.run(["--rules", "standard", "--out", out.path, "examples/reports/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 5)
        let a = try CLI.audits(out)
        #expect(a.count == 5)
        #expect(a["000"]?["agency"] as? String == "道外区团结镇")
        #expect(a["002"]?["template"] as? String == "2019" && a["002"]?["year"] as? Int == 2020)
        #expect(a["004"]?["agency"] as? String == "方正县政府办公室")
        for (k, v) in a {
            #expect((CLI.outcome(v, "sections.required") == "fail") == (k == "004"), "\(k)")
            #expect((CLI.outcome(v, "period.stated") == "fail") == (k == "001"), "\(k)")
            #expect((CLI.outcome(v, "fees.disclosed") == "fail") == (k == "003"), "\(k)")
            #expect(CLI.outcome(v, "tables.balance") != "fail", "\(k)")
        }
        let missing = CLI.findings(a["004"]!, rule: "sections.required").compactMap { $0["message"] as? String }
        #expect(missing.contains { $0.contains("第二部分") } && missing.contains { $0.contains("第四部分") })
        #expect(CLI.outcome(a["002"]!, "fees.disclosed") == "not_applicable")
        #expect(CLI.outcome(a["004"]!, "tables.balance") == "unverifiable")
        #expect(a["004"]?["rank"] as? Int == 5)
        for f in ["ranking.csv", "ranking.md", "reports/000_67dfe248a59990d3.md", "reports/004_9d2222aa7d3b2ecb.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "\(f)")
        }
        let csv = try Data(contentsOf: out.appendingPathComponent("ranking.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test("strict on the examples: numbering, period position, fee completeness")
    func strict() throws {
        let out = CLI.tempDir()
        let r = try CLI.run(["--rules", "strict", "--out", out.path, "examples/reports/"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try CLI.audits(out)
        let numbering = CLI.findings(a["000"]!, rule: "sections.required")
        #expect(numbering.count == 1 && numbering.first?["severity"] as? String == "warning" && numbering.first?["line"] as? Int == 521)
        #expect(CLI.outcome(a["002"]!, "period.stated") == "fail")
        #expect(CLI.outcome(a["003"]!, "period.stated") == "pass")
        #expect(CLI.outcome(a["001"]!, "fees.disclosed") == "fail" && CLI.outcome(a["004"]!, "fees.disclosed") == "fail")
        #expect(CLI.outcome(a["000"]!, "fees.disclosed") == "pass")
        #expect(a["004"]?["rank"] as? Int == 5)
    }

    @Test("two runs give byte-identical outputs")
    func deterministic() throws {
        let one = CLI.tempDir(), two = CLI.tempDir()
        _ = try CLI.run(["--rules", "strict", "--out", one.path, "examples/reports/"])
        _ = try CLI.run(["--rules", "strict", "--out", two.path, "examples/reports/"])
        for f in ["ranking.csv", "ranking.md", "audit.jsonl", "reports/002_22aa9dc67aee4612.md"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(f)) == Data(contentsOf: two.appendingPathComponent(f)), "\(f)")
        }
    }

    @Test("a second run into the same folder replaces the pages whole: no stale pages, no staging left")
    func rerunReplacesPages() throws {
        let out = CLI.tempDir()
        _ = try CLI.run(["--rules", "standard", "--out", out.path, "examples/reports/"])
        let fm = FileManager.default
        #expect(try fm.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path).count == 10)
        let one = CLI.root.appendingPathComponent("examples/reports").path + "/" + (try fm.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("examples/reports").path).sorted().first!)
        let r = try CLI.run(["--rules", "standard", "--out", out.path, one])
        #expect(r.status == 0, "\(r.stderr)")
        let pages = try fm.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path)
        #expect(pages.count == 2, "\(pages)")
        // Nothing hidden but the mark of an output folder: no staging or temporary files left.
        #expect(try fm.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") } == [".report-audit"])
        #expect(try fm.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).filter { $0.hasPrefix(".\(out.lastPathComponent).staging") }.isEmpty)
    }

    @Test("one thread or all cores: byte-identical outputs")
    func threads() throws {
        let one = CLI.tempDir(), many = CLI.tempDir()
        let inputs = [CLI.root.appendingPathComponent("examples/reports").path, CLI.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/formats").path]
        _ = try CLI.run(["--rules", "strict", "--out", one.path] + inputs, env: ["AUDIT_THREADS": "1"])
        _ = try CLI.run(["--rules", "strict", "--out", many.path] + inputs)
        let files = try FileManager.default.subpathsOfDirectory(atPath: one.path).sorted()
        #expect(files.count > 20)
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: many.path).sorted()))
        for f in files where !f.hasSuffix("reports") {
            #expect(try Data(contentsOf: one.appendingPathComponent(f)) == Data(contentsOf: many.appendingPathComponent(f)), "\(f)")
        }
    }

    @Test("--memory 0 (every text read again where it is needed) gives byte-identical outputs; a bad value is a usage error")
    func memoryBudget() throws {
        let kept = CLI.tempDir(), reread = CLI.tempDir()
        let inputs = [CLI.root.appendingPathComponent("examples/reports").path, CLI.root.appendingPathComponent("Tests/RealWorldTests/Corpus/pages").path]
        #expect(try CLI.run(["--rules", "strict", "--out", kept.path] + inputs).status == 0)
        #expect(try CLI.run(["--rules", "strict", "--memory", "0", "--out", reread.path] + inputs).status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: kept.path).sorted()
        let again = try FileManager.default.subpathsOfDirectory(atPath: reread.path).sorted()
        #expect(files.count > 10 && files == again)
        for f in files where !f.hasSuffix("reports") {
            #expect(try Data(contentsOf: kept.appendingPathComponent(f)) == Data(contentsOf: reread.appendingPathComponent(f)), "\(f)")
        }
        for bad in ["-1", "lots"] {
            let r = try CLI.run(["--memory", bad, "--out", CLI.tempDir().path, "examples/reports/"])
            #expect(r.status == 2, "\(bad): \(r.stderr)")
        }
    }

    @Test("a rule set name works from another directory")
    func otherDirectory() throws {
        let out = CLI.tempDir()
        let r = try CLI.run(["--rules", "strict", "--out", out.path, CLI.root.appendingPathComponent("examples/reports").path], cwd: FileManager.default.temporaryDirectory)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test("exit codes: 1 below --fail-under, 2 for usage and rule-file errors")
    func exitCodes() throws {
        let out = CLI.tempDir()
        #expect(try CLI.run(["--fail-under", "95", "--out", out.path, "examples/reports/"]).status == 1)
        #expect(try CLI.run(["--fail-under", "50", "--out", out.path, "examples/reports/"]).status == 0)
        #expect(try CLI.run(["--rules", "nosuchset", "--out", out.path, "examples/reports/"]).status == 2)
        #expect(try CLI.run(["--lang", "fr", "--out", out.path, "examples/reports/"]).status == 2)
        #expect(try CLI.run(["--no-such-flag", "examples/reports/"]).status == 2)
        let bad = out.appendingPathComponent("bad.yaml")
        try "name: bad\nextends: standard\nrules:\n  - id: tables.balance\n    pionts: 3\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["--rules", bad.path, "--out", out.path, "examples/reports/"], env: ["AUDIT_RULES_DIR": CLI.root.appendingPathComponent("rules").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:5") && r.stderr.contains("did you mean 'points'"))
    }

    @Test("English messages with --lang en")
    func english() throws {
        let out = CLI.tempDir()
        _ = try CLI.run(["--lang", "en", "--out", out.path, "examples/reports/"])
        let a = try CLI.audits(out)
        let m = CLI.findings(a["004"]!, rule: "sections.required").first?["message"] as? String
        #expect(m?.hasPrefix("Section 2") == true)
    }

    @Test("rules and explain")
    func rulesAndExplain() throws {
        let list = try CLI.run(["rules"])
        #expect(list.status == 0 && list.stdout.contains("standard") && list.stdout.contains("strict") && list.stdout.contains("tables.balance"))
        let explain = try CLI.run(["explain", "--rules", "strict", "fees.disclosed"])
        #expect(explain.status == 0 && explain.stdout.contains("basis:") && explain.stdout.contains("example 1 that fails"))
        #expect(try CLI.run(["explain", "no.such.rule"]).status == 2)
    }

    @Test("every input file gets a row, even one that cannot be read")
    func everyFile() throws {
        let inputs = CLI.tempDir(), out = CLI.tempDir()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("examples/reports/003_bae77339b0aba9fa.txt"), to: inputs.appendingPathComponent("a.txt"))
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0xFF, 0x80, 0x00]).write(to: inputs.appendingPathComponent("binary.txt"))
        try "hello".write(to: inputs.appendingPathComponent("notes.pdf"), atomically: true, encoding: .utf8)
        // GB18030 text of a seed.
        let gbSource = try String(contentsOf: CLI.root.appendingPathComponent("examples/reports/001_4f4d1458c3fb7bc1.txt"), encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe; p.standardOutput = outPipe
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") {
            try p.run()
            inPipe.fileHandleForWriting.write(Data(gbSource.utf8)); inPipe.fileHandleForWriting.closeFile()
            let gb = outPipe.fileHandleForReading.readDataToEndOfFile(); p.waitUntilExit()
            try gb.write(to: inputs.appendingPathComponent("gb.txt"))
        }
        let r = try CLI.run(["--out", out.path, inputs.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOf: out.appendingPathComponent("audit.jsonl"), encoding: .utf8).split(separator: "\n")
        let expected = FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") ? 5 : 4
        #expect(lines.count == expected)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let unreadable = objects.filter { $0["status"] as? String == "unreadable" }
        #expect(unreadable.count == 3)
        #expect(unreadable.allSatisfy { $0["score"] as? Int == 0 })
        if expected == 5 {
            #expect(objects.contains { $0["agency"] as? String == "顿坊店乡人民政府" })
        }
    }

    @Test("reuse: 000 and 003 flagged with the passages they share, cited by line in both; reuse.md and reuse.csv")
    func reuse() throws {
        let out = CLI.tempDir()
        let r = try CLI.run(["--out", out.path, "examples/reports/"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try CLI.audits(out)
        let f000 = CLI.findings(a["000"]!, rule: "narrative.reuse"), f003 = CLI.findings(a["003"]!, rule: "narrative.reuse")
        #expect(f000.compactMap { $0["line"] as? Int } == [16, 17, 22])
        #expect(f003.compactMap { $0["line"] as? Int } == [96, 108, 110])
        let sources = f000.compactMap { ($0["sources"] as? [[String: Any]])?.first?["line"] as? Int }
        #expect(sources == [96, 108, 110])
        #expect(f000.contains { ($0["excerpt"] as? String)?.contains("四个结合") == true })
        #expect(f000.contains { ($0["excerpt"] as? String)?.contains("赢得了广大纳税人的好评") == true })
        #expect(f000.contains { ($0["excerpt"] as? String)?.contains("投资软环境") == true })
        for k in ["001", "002", "004"] { #expect(CLI.findings(a[k]!, rule: "narrative.reuse").isEmpty, "\(k)") }
        let md = try String(contentsOf: out.appendingPathComponent("reuse.md"), encoding: .utf8)
        #expect(md.contains("雷同段落组数：3"))
        let csv = try Data(contentsOf: out.appendingPathComponent("reuse.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]) && String(decoding: csv, as: UTF8.self).contains("003_bae77339b0aba9fa.txt,96"))
    }

    @Test("--history compares a report with the same agency's earlier year")
    func history() throws {
        let current = CLI.tempDir(), old = CLI.tempDir(), out = CLI.tempDir()
        let seed = try String(contentsOf: CLI.root.appendingPathComponent("examples/reports/001_4f4d1458c3fb7bc1.txt"), encoding: .utf8)
        try seed.write(to: current.appendingPathComponent("2021.txt"), atomically: true, encoding: .utf8)
        let earlier = seed.replacingOccurrences(of: "2021年政府信息公开工作年度报告", with: "2020年政府信息公开工作年度报告")
        try earlier.write(to: old.appendingPathComponent("2020.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["--out", out.path, "--history", old.path, current.path])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try String(contentsOf: out.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let reuse = CLI.findings(obj, rule: "narrative.reuse")
        #expect(!reuse.isEmpty)
        #expect(reuse.allSatisfy { ($0["message"] as? String)?.contains("2020年报告") == true })
        #expect(reuse.contains { ($0["message"] as? String)?.contains("第五部分") == true })
    }

    @Test("hostile and odd inputs: each gets a row and a reason, the run goes on")
    func hostile() throws {
        let fm = FileManager.default
        let inputs = CLI.tempDir(), out = CLI.tempDir()
        let seed = CLI.root.appendingPathComponent("examples/reports/003_bae77339b0aba9fa.txt")
        try fm.copyItem(at: seed, to: inputs.appendingPathComponent("report.txt"))
        try fm.copyItem(at: seed, to: inputs.appendingPathComponent("report-copy.txt"))               // duplicate
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: inputs.appendingPathComponent("binary.md"))
        try Data([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x80]).write(to: inputs.appendingPathComponent("invalid.txt"))
        let big = inputs.appendingPathComponent("huge.txt")                                              // 50 MB, never read whole
        _ = fm.createFile(atPath: big.path, contents: nil)
        let h = try FileHandle(forWritingTo: big); try h.truncate(atOffset: 50 * 1024 * 1024); try h.close()
        try (String(repeating: "<div>", count: 20_000) + "正文").write(to: inputs.appendingPathComponent("deep.html"), atomically: true, encoding: .utf8)
        try "这是一份会议纪要，与年度报告无关。".write(to: inputs.appendingPathComponent("minutes.txt"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: inputs.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/file.txt")
        let sub = inputs.appendingPathComponent("sub")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: sub.appendingPathComponent("loop").path, withDestinationPath: inputs.path)   // a folder loop
        try Data("%PDF-1.4 broken".utf8).write(to: inputs.appendingPathComponent("scan.pdf"))
        let locked = inputs.appendingPathComponent("locked.txt")
        try "一、总体情况".write(to: locked, atomically: true, encoding: .utf8)
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }

        let r = try CLI.run(["--out", out.path, inputs.path], env: ["AUDIT_PDFTOTEXT": "/nonexistent/pdftotext"])
        #expect(r.status == 0, "\(r.stderr)")
        let objects = try String(contentsOf: out.appendingPathComponent("audit.jsonl"), encoding: .utf8).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        func entry(_ name: String) -> [String: Any]? { objects.first { ($0["file"] as? String)?.hasSuffix("/" + name) == true } }
        func message(_ name: String) -> String { ((entry(name)?["findings"] as? [[String: Any]])?.first?["message"] as? String) ?? "" }
        #expect(objects.count == 11, "\(objects.map { $0["file"] ?? "" })")   // every file once; the loop adds none
        #expect(message("empty.txt").contains("文件为空"))
        #expect(message("binary.md").contains("二进制"))
        #expect(message("invalid.txt").contains("编码无法识别"))
        #expect(message("huge.txt").contains("文件过大"))
        #expect(message("gone.txt").contains("无法读取"))
        #expect(message("scan.pdf").contains("poppler-utils"))
        #expect(entry("minutes.txt")?["status"] as? String == "not_a_report" && entry("minutes.txt")?["score"] as? Int == 0)
        #expect(entry("deep.html") != nil)
        if getuid() != 0 { #expect(message("locked.txt").contains("无法读取")) }   // root reads it anyway
        let pair = [try #require(entry("report-copy.txt")), try #require(entry("report.txt"))]
        let rules = pair.map { ($0["findings"] as! [[String: Any]]).compactMap { $0["rule"] as? String } }
        #expect(rules.filter { $0.contains("input.duplicate") }.count == 1)
        #expect(!rules.contains { $0.contains("narrative.reuse") })   // a file given twice is not "copied" from itself
        #expect("\(pair[0]["score"]!)" == "\(pair[1]["score"]!)")
    }

    @Test("exemptions: a matching one waives the deduction and is listed; an expired one does not")
    func exemptions() throws {
        let first = CLI.tempDir()
        _ = try CLI.run(["--out", first.path, "examples/reports/"])
        let a = try CLI.audits(first)
        let finding = try #require(CLI.findings(a["001"]!, rule: "period.stated").first)
        let fingerprint = try #require(finding["fingerprint"] as? String)
        let scoreBefore = (a["001"]!["score"] as! NSNumber).doubleValue
        let file = CLI.tempDir().appendingPathComponent("exemptions.yaml")
        func write(expires: String) throws {
            try """
            exemptions:
              - file: 001_4f4d1458c3fb7bc1.txt
                rule: period.stated
                fingerprint: \(fingerprint)
                reason: 统计期限在报告封面说明，已核实
                approved_by: 县政务公开办 张三
                expires: \(expires)
              - agency: 不存在的单位
                rule: fees.disclosed
                fingerprint: 0000000000000000
                reason: 测试
                approved_by: 测试
                expires: 2099-12-31
            """.write(to: file, atomically: true, encoding: .utf8)
        }
        try write(expires: "2099-12-31")
        let out = CLI.tempDir()
        let r = try CLI.run(["--out", out.path, "--date", "2026-11-23", "--exemptions", file.path, "examples/reports/"])
        #expect(r.status == 0, "\(r.stderr)")
        let b = try CLI.audits(out)
        let waived = try #require(CLI.findings(b["001"]!, rule: "period.stated").first)
        #expect((waived["deduction"] as! NSNumber).doubleValue == 0)
        #expect((waived["exempted"] as? [String: Any])?["approved_by"] as? String == "县政务公开办 张三")
        #expect((b["001"]!["score"] as! NSNumber).doubleValue == scoreBefore + 10)
        let listing = try String(contentsOf: out.appendingPathComponent("exemptions.md"), encoding: .utf8)
        #expect(listing.contains("已适用：1") && listing.contains("未匹配：1"))
        #expect(r.stderr.contains("matches no finding"))

        try write(expires: "2026-01-01")
        let out2 = CLI.tempDir()
        let r2 = try CLI.run(["--out", out2.path, "--date", "2026-11-23", "--exemptions", file.path, "examples/reports/"])
        let c = try CLI.audits(out2)
        #expect((CLI.findings(c["001"]!, rule: "period.stated").first?["deduction"] as! NSNumber).doubleValue == 10)
        #expect((c["001"]!["score"] as! NSNumber).doubleValue == scoreBefore)
        #expect(r2.stderr.contains("expired on 2026-01-01"))

        try "exemptions:\n  - rule: x\n    resaon: y\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["--out", out2.path, "--exemptions", file.path, "examples/reports/"])
        #expect(bad.status == 2 && bad.stderr.contains("did you mean 'reason'"))
        // A mistyped rule id and an impossible date: errors at their own lines.
        try "exemptions:\n  - file: a.txt\n    rule: period.state\n    fingerprint: 0000000000000000\n    reason: r\n    approved_by: a\n    expires: 2027-13-31\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let typo = try CLI.run(["--out", out2.path, "--exemptions", file.path, "examples/reports/"])
        #expect(typo.status == 2 && typo.stderr.contains(":3:") && typo.stderr.contains("did you mean 'period.stated'"), "\(typo.stderr)")
        #expect(typo.stderr.contains(":7:") && typo.stderr.contains("2027-13-31"), "\(typo.stderr)")
    }

    @Test("baseline: score and rank change per agency, agencies new and missing")
    func baseline() throws {
        let old = CLI.tempDir(), new = CLI.tempDir(), before = CLI.tempDir(), after = CLI.tempDir()
        let fm = FileManager.default
        for name in ["001_4f4d1458c3fb7bc1.txt", "003_bae77339b0aba9fa.txt", "004_9d2222aa7d3b2ecb.txt"] {
            try fm.copyItem(at: CLI.root.appendingPathComponent("examples/reports/" + name), to: old.appendingPathComponent(name))
        }
        for name in ["001_4f4d1458c3fb7bc1.txt", "003_bae77339b0aba9fa.txt", "000_67dfe248a59990d3.txt"] {
            try fm.copyItem(at: CLI.root.appendingPathComponent("examples/reports/" + name), to: new.appendingPathComponent(name))
        }
        // This year 001 states its statistics period.
        let fixed = try String(contentsOf: new.appendingPathComponent("001_4f4d1458c3fb7bc1.txt"), encoding: .utf8)
            .replacingOccurrences(of: "一、总体情况\n", with: "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n\n一、总体情况\n")
        try fixed.write(to: new.appendingPathComponent("001_4f4d1458c3fb7bc1.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--out", before.path, old.path]).status == 0)
        let r = try CLI.run(["--out", after.path, "--baseline", before.appendingPathComponent("audit.jsonl").path, new.path])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try CLI.audits(after)
        let change = try #require(a["001"]?["baseline"] as? [String: Any])
        #expect((change["score_change"] as! NSNumber).doubleValue == 10)
        #expect(a["000"]?["baseline"] is NSNull)
        let md = try String(contentsOf: after.appendingPathComponent("ranking.md"), encoding: .utf8)
        #expect(md.contains("新增单位1个（道外区团结镇）") && md.contains("缺少单位1个（方正县政府办公室）"))
        let csv = String(decoding: try Data(contentsOf: after.appendingPathComponent("ranking.csv")), as: UTF8.self)
        #expect(csv.contains("得分变化") && csv.contains(",+10,"))
        #expect(try CLI.run(["--out", after.path, "--baseline", "/nonexistent/audit.jsonl", new.path]).status == 2)
    }

    @Test("a report's text is shown escaped, never run")
    func escaping() throws {
        let inputs = CLI.tempDir(), out = CLI.tempDir()
        let hostile = "<script>alert('x')</script>镇2021年政府信息公开工作年度报告\n一、总体情况\n<img src=x onerror=alert(1)>本镇情况。\n"
        try hostile.write(to: inputs.appendingPathComponent("evil.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--out", out.path, inputs.path]).status == 0)
        for f in ["index.html", "reports/evil.html"] {
            let html = try String(contentsOf: out.appendingPathComponent(f), encoding: .utf8)
            #expect(!html.contains("<script>alert") && !html.contains("<img src=x"), "\(f)")
            #expect(html.contains("&lt;script&gt;alert"), "\(f)")
        }
    }
}

/// PDF through poppler's pdftotext, when the machine has it (.ci/run installs poppler-utils).
@Suite("PDF input", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "pdftotext is not installed (apt-get install poppler-utils); the PDF test is skipped"))
struct PDFTests {
    @Test("a PDF printed from a seed audits like the text, its mangled table is could-not-verify, never an imbalance")
    func pdf() throws {
        let inputs = CLI.tempDir(), out = CLI.tempDir()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/AuditCoreTests/Fixtures/formats/001_4f4d1458c3fb7bc1.pdf"),
                                         to: inputs.appendingPathComponent("001_4f4d1458c3fb7bc1.pdf"))
        #expect(try CLI.run(["--out", out.path, inputs.path]).status == 0)
        let a = try #require(try CLI.audits(out)["001"])
        #expect(a["agency"] as? String == "顿坊店乡人民政府" && a["year"] as? Int == 2021)
        #expect(CLI.outcome(a, "sections.required") == "pass" && CLI.outcome(a, "period.stated") == "fail" && CLI.outcome(a, "fees.disclosed") == "pass")
        #expect(CLI.outcome(a, "tables.balance") != "fail")
    }
}

/// Headless Chromium, when the machine has it (.ci/run installs Debian's `chromium`).
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Loads a page, lets its scripts run, and returns the rendered DOM and the browser's log.
    static func dump(_ url: String) throws -> (dom: String, log: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                       "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom", url]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") && ($0.contains("Uncaught") || $0.contains("Error") || $0.contains(":ERROR:")) }
    }

    static func rankOrder(_ dom: String) -> [String] {
        dom.components(separatedBy: "<tr data-rank=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}

@Suite("HTML report in a real browser", .serialized, .enabled(if: Browser.path != nil, "headless Chromium is not installed (apt-get install chromium); the browser test is skipped"))
struct BrowserTests {
    @Test("index.html: one row per report, sorting and filtering work, no console errors; drill-down pages load")
    func index() throws {
        let out = CLI.tempDir()
        #expect(try CLI.run(["--out", out.path, "examples/reports/"]).status == 0)
        let index = out.appendingPathComponent("index.html").absoluteString
        let plain = try Browser.dump(index)
        #expect(plain.dom.contains("data-ready=\"1\""), "the page script did not finish")
        #expect(Browser.rankOrder(plain.dom) == ["1", "2", "3", "4", "5"])
        #expect(Browser.consoleErrors(plain.log).isEmpty, "\(Browser.consoleErrors(plain.log))")
        let sorted = try Browser.dump(index + "?sort=score&dir=asc")
        #expect(Browser.rankOrder(sorted.dom) == ["5", "4", "3", "2", "1"])
        #expect(sorted.dom.contains("aria-sort=\"ascending\""))
        let filtered = try Browser.dump(index + "?q=" + "方正县".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)
        #expect(filtered.dom.components(separatedBy: "style=\"display: none;\"").count - 1 == 4)
        let page = try Browser.dump(out.appendingPathComponent("reports/004_9d2222aa7d3b2ecb.html").absoluteString)
        #expect(page.dom.contains("sections.required") && page.dom.contains("id=\"L98\""))
        #expect(Browser.consoleErrors(page.log).isEmpty)
    }
}
