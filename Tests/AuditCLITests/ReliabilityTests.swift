import Foundation
import Testing

/// The reproductions of the reliability issue (#12), each run as a user would: nothing of the
/// user's is lost, the tool never audits its own outputs, nothing hangs or crashes, the outputs
/// are always one run's complete set, and every mistake is a clear error.
@Suite("reliability: nothing lost, nothing hangs, one output set", .serialized)
struct ReliabilityTests {
    static let seeds = CLI.root.appendingPathComponent("examples/reports")

    /// A folder holding copies of the bundled reports (the first `count`).
    static func reportsFolder(_ count: Int = 5, in parent: URL? = nil, name: String = "reports") throws -> URL {
        let dir = (parent ?? CLI.tempDir()).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().prefix(count) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        return dir
    }

    /// Runs the CLI with a deadline: a run still going after `seconds` is killed and reported.
    static func run(_ args: [String], cwd: URL = CLI.root, seconds: Double = 120, asNobody: Bool = false) throws -> CLI.Output {
        let p = Process()
        if asNobody {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + args
        } else {
            p.executableURL = CLI.executable
            p.arguments = args
        }
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["AUDIT_RULES_DIR"] = CLI.root.appendingPathComponent("rules").path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { p.interrupt(); kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: killer)
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        return CLI.Output(status: p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus,
                          stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func lines(_ url: URL) throws -> [Substring] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    }

    // 1. Data loss: an output folder that is, holds or contains the inputs is refused before anything is read.
    @Test("1: --out '.', the input folder itself, or a folder of the user's files is refused; nothing is deleted")
    func outputNeverReplacesInputs() throws {
        let work = CLI.tempDir()
        let reports = try Self.reportsFolder(in: work)
        let before = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        for args in [["--out", ".", "reports/"], ["--out", "reports", "reports/"], ["--out", "reports/..", "reports/"]] {
            let r = try Self.run(args, cwd: work)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("--out") || r.stderr.contains("输出文件夹"), "\(r.stderr)")
        }
        // A folder holding the user's own files (even under our names) is not replaced.
        let mine = work.appendingPathComponent("mine/reports")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: mine.appendingPathComponent("notes.docx"))
        let r = try Self.run(["--out", "mine", "reports/"], cwd: work)
        #expect(r.status == 2 && r.stderr.contains("notes.docx"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: mine.appendingPathComponent("notes.docx").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted() == before)
        // An output folder that is a file, or cannot be created, is an error before any report is read.
        try Data("x".utf8).write(to: work.appendingPathComponent("afile"))
        let file = try Self.run(["--out", "afile", "reports/"], cwd: work)
        #expect(file.status == 2 && file.stderr.contains("是一个文件") && file.stderr.contains("is a file"), "\(file.stderr)")
        let proc = try Self.run(["--out", "/proc/audit-out", "reports/"], cwd: work)
        #expect(proc.status == 2 && proc.stdout.isEmpty, "\(proc.stderr)")
    }

    // 2. The tool never audits its own outputs.
    @Test("2: 'audit .' run three times audits the same five reports; output folders are listed as not audited")
    func neverAuditsItsOutputs() throws {
        let work = CLI.tempDir()
        _ = try Self.reportsFolder(in: work)
        var rankings: [String] = []
        for _ in 0..<3 {
            let r = try Self.run(["."], cwd: work)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.split(separator: "\n").count == 5, "\(r.stdout)")
            rankings.append(try String(contentsOf: work.appendingPathComponent("reports-out/ranking.csv"), encoding: .utf8))
        }
        #expect(Set(rankings).count == 1)
        // Another run's output folder (under another name) is recognised too.
        _ = try Self.run(["--out", "second", "reports"], cwd: work)
        let r = try Self.run(["."], cwd: work)
        #expect(r.stdout.split(separator: "\n").count == 5, "\(r.stdout)")
        let md = try String(contentsOf: work.appendingPathComponent("reports-out/ranking.md"), encoding: .utf8)
        #expect(md.contains("未审核的文件") && md.contains("./second/") && md.contains("./reports-out/"), "\(md)")
    }

    // 3. Long one-line inputs: every check linear (the time bound is in the benchmark, `audit-bench long-lines`).
    @Test("3: a 2 MB report on one line is audited, its sections found")
    func longOneLineReport() throws {
        let work = CLI.tempDir()
        let seed = try String(contentsOf: Self.seeds.appendingPathComponent("000_67dfe248a59990d3.txt"), encoding: .utf8)
        let flat = seed.replacingOccurrences(of: "\n", with: " ")
        var text = flat
        while text.utf8.count < 2_000_000 { text += " " + flat }
        try text.write(to: work.appendingPathComponent("flat.txt"), atomically: true, encoding: .utf8)
        let r = try Self.run(["--out", work.appendingPathComponent("out").path, work.appendingPathComponent("flat.txt").path], seconds: 300)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(try Self.lines(work.appendingPathComponent("out/audit.jsonl"))[0].utf8)) as! [String: Any]
        #expect(CLI.outcome(obj, "sections.required") == "pass")
    }

    // 4. A FIFO never blocks.
    @Test("4: a FIFO among the inputs gets a row 'not a regular file'; dump on it returns")
    func fifoDoesNotBlock() throws {
        let work = CLI.tempDir()
        let reports = try Self.reportsFolder(2, in: work)
        #expect(mkfifo(reports.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        let r = try Self.run(["--out", "out", "reports"], cwd: work, seconds: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.lines(work.appendingPathComponent("out/audit.jsonl"))
        #expect(rows.count == 3)
        #expect(rows.contains { $0.contains("pipe.txt") && $0.contains("不是普通文件") })
        let d = try Self.run(["dump", "reports/pipe.txt"], cwd: work, seconds: 30)
        #expect(d.status == 2 && d.stderr.contains("不是普通文件"), "\(d.status) \(d.stderr)")
    }

    // 5. Long names: pages bounded in bytes and unique; never the cause of a failed run.
    @Test("5: a 250-byte file name, and the same long name in two folders, give two pages and a complete set")
    func longFileNames() throws {
        let work = CLI.tempDir()
        let reports = try Self.reportsFolder(2, in: work)
        let files = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        let long = String(repeating: "很", count: 82) + ".txt"              // 246 + 4 bytes
        #expect(long.utf8.count == 250)
        for (i, sub) in ["a", "b"].enumerated() {
            let dir = reports.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: reports.appendingPathComponent(files[i]), to: dir.appendingPathComponent(long))
        }
        let r = try Self.run(["--out", "out", "reports"], cwd: work)
        #expect(r.status == 0, "\(r.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("out/reports").path)
        #expect(pages.count == 8, "\(pages)")
        #expect(pages.allSatisfy { $0.utf8.count <= 255 })
        #expect(Set(pages.map { $0.lowercased() }).count == pages.count)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/index.html").path))
    }

    // 6. Numbers in rule files: range-checked at load, with file and line; no trap reachable.
    @Test("6: huge, negative, nan and inf numbers in a rule file are errors with file:line; grades must reach 0")
    func ruleFileNumbers() throws {
        let work = CLI.tempDir()
        _ = try Self.reportsFolder(1, in: work)
        let cases: [(String, String)] = [
            ("params: { forbid: 测试, min_count: 1e30 }", "min_count"),
            ("params: { forbid: 测试, min_count: nan }", "min_count"),
            ("when: { year_min: 1e300 }\n    params: { forbid: 测试 }", "year_min"),
            ("points_each: -50\n    params: { forbid: 测试 }", "points_each"),
            ("unverifiable_points: inf\n    params: { forbid: 测试 }", "unverifiable_points"),
        ]
        for (fragment, key) in cases {
            let yaml = """
            name: numbers
            extends: standard
            rules:
              - id: local.test
                kind: pattern
                severity: warning
                points: 5
                basis: 测试
                \(fragment)
                message:
                  missing: { zh: "缺少{pattern}", en: "missing {pattern}" }
                  forbidden: { zh: "出现{match}", en: "found {match}" }
                examples: { pass: ["一、总体情况"], fail: ["测试"] }
            """
            try yaml.write(to: work.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
            let r = try Self.run(["--rules", "r.yaml", "--out", "out", "reports"], cwd: work)
            #expect(r.status == 2, "\(key): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("r.yaml:") && r.stderr.contains(key), "\(key): \(r.stderr)")
        }
        for grades in ["[{ name: 优, min: 90 }, { name: 良, min: 60 }]", "[{ name: 优, min: nan }, { name: 差, min: 0 }]", "[{ name: 优, min: 1e30 }, { name: 差, min: 0 }]"] {
            try "name: g\nextends: standard\ngrades: \(grades)\n".write(to: work.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
            let r = try Self.run(["--rules", "g.yaml", "--out", "out", "reports"], cwd: work)
            #expect(r.status == 2 && r.stderr.contains("g.yaml:3"), "\(grades): \(r.stderr)")
        }
        // Out-of-range parameters of the reuse rule: no conversion trap.
        try "name: m\nextends: standard\nrules:\n  - id: narrative.reuse\n    params: { min_length: 1e30 }\n".write(to: work.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        let m = try Self.run(["--rules", "m.yaml", "--out", "out", "reports"], cwd: work)
        #expect(m.status == 2 && m.stderr.contains("min_length"), "\(m.stderr)")
    }

    // 7. Regular expressions from rule files.
    @Test("7: nested repetition and empty-matching patterns are refused; a slow pattern costs 'could not verify', not a hang")
    func regexBudget() throws {
        let work = CLI.tempDir()
        let reports = try Self.reportsFolder(1, in: work)
        func rule(_ pattern: String) -> String {
            """
            name: rx
            extends: standard
            rules:
              - id: local.rx
                kind: pattern
                severity: warning
                points: 5
                basis: 测试
                params: { regex: true, forbid: '\(pattern)' }
                message:
                  missing: { zh: "缺少{pattern}", en: "missing {pattern}" }
                  forbidden: { zh: "出现{match}", en: "found {match}" }
                examples: { pass: ["一、总体情况"], fail: ["ac"] }
            """
        }
        for bad in ["(a+)+$", "(\\s*x)*y", "x*", "(?:)"] {
            try rule(bad).write(to: work.appendingPathComponent("rx.yaml"), atomically: true, encoding: .utf8)
            let r = try Self.run(["--rules", "rx.yaml", "--out", "out", "reports"], cwd: work, seconds: 60)
            #expect(r.status == 2 && r.stderr.contains("rx.yaml:9:"), "\(bad): \(r.stderr)")
        }
        // Exponential through alternation, which no load-time test refuses: the budget stops it.
        let seed = try String(contentsOf: Self.seeds.appendingPathComponent("001_4f4d1458c3fb7bc1.txt"), encoding: .utf8)
        try (seed + "\n" + String(repeating: "a", count: 80) + "\n").write(to: reports.appendingPathComponent("zz-aaaa.txt"), atomically: true, encoding: .utf8)
        try rule("(a|aa)*c").write(to: work.appendingPathComponent("rx.yaml"), atomically: true, encoding: .utf8)
        let start = Date()
        let r = try Self.run(["--rules", "rx.yaml", "--out", "out", "reports"], cwd: work, seconds: 60)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
        let rows = try Self.lines(work.appendingPathComponent("out/audit.jsonl"))
        #expect(rows.contains { $0.contains("zz-aaaa.txt") && $0.contains("运行超时") })
    }

    // 8. One complete set: lock, staging, swap.
    @Test("8: a second run while one holds the lock is refused; stale staging is removed; a killed run leaves one complete set")
    func oneOutputSet() throws {
        let work = CLI.tempDir()
        _ = try Self.reportsFolder(5, in: work)
        _ = try Self.reportsFolder(2, in: work, name: "few")
        #expect(try Self.run(["--out", "out", "few"], cwd: work).status == 0)
        // A run holding the lock: the lock file beside the folder, locked by this process.
        let lockPath = work.appendingPathComponent(".out.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let busy = try Self.run(["--out", "out", "reports"], cwd: work)
        #expect(busy.status == 2 && busy.stderr.contains("另一个审核正在写入"), "\(busy.stderr)")
        flock(fd, LOCK_UN); close(fd)
        #expect(try Self.lines(work.appendingPathComponent("out/audit.jsonl")).count == 2)
        // What a killed run left beside the folder is cleared by the next run.
        let stale = work.appendingPathComponent(".out.staging-99999/reports")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data(count: 1000).write(to: stale.appendingPathComponent("x.html"))
        #expect(try Self.run(["--out", "out", "reports"], cwd: work).status == 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "\(hidden)")
        // Runs killed at different moments: the folder always holds one run's complete set.
        for delay in [0.05, 0.15, 0.3] {
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["--out", "out", Bool.random() ? "few" : "reports"]
            p.currentDirectoryURL = work
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let out = work.appendingPathComponent("out")
            let jsonl = try Self.lines(out.appendingPathComponent("audit.jsonl")).count
            let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path).count
            let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8).components(separatedBy: "<tr data-rank").count - 1
            #expect([2, 5].contains(jsonl) && pages == 2 * jsonl && index == jsonl, "after \(delay) s: \(jsonl) rows, \(pages) pages, \(index) in index")
        }
    }

    // 9. Dates, thresholds, rule files that are not rule files, unreadable folders, dump, stdout.
    @Test("9: --date and --fail-under validated; extends cycle through ./; a folder or GBK rule file; an unreadable folder; dump and stdout errors")
    func argumentsAndFiles() throws {
        let work = CLI.tempDir()
        _ = try Self.reportsFolder(1, in: work)
        #expect(try Self.run(["--date", "2026-13-45", "--out", "out", "reports"], cwd: work).status == 2)
        #expect(try Self.run(["--date", "2025-02-29", "--out", "out", "reports"], cwd: work).status == 2)
        let d = try Self.run(["--date", "2026-1-5", "--out", "out", "reports"], cwd: work)
        #expect(d.status == 0)
        #expect(try String(contentsOf: work.appendingPathComponent("out/ranking.md"), encoding: .utf8).contains("审核日期：2026-01-05"))
        for bad in ["nan", "-1", "101", "inf"] {
            #expect(try Self.run(["--fail-under", bad, "--out", "out", "reports"], cwd: work).status == 2, "\(bad)")
        }
        try "name: self\nextends: ./self.yaml\nrules: []\n".write(to: work.appendingPathComponent("self.yaml"), atomically: true, encoding: .utf8)
        let cycle = try Self.run(["--rules", "self.yaml", "--out", "out", "reports"], cwd: work, seconds: 30)
        #expect(cycle.status == 2 && cycle.stderr.contains("cycle"), "\(cycle.stderr)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        let folder = try Self.run(["--rules", "folder.yaml", "--out", "out", "reports"], cwd: work)
        #expect(folder.status == 2 && folder.stderr.contains("是一个文件夹"), "\(folder.stderr)")
        // Saved as GBK by Windows Notepad: read as GB18030.
        let gbk = Data("name: ".utf8) + Data([0xB1, 0xBE, 0xB5, 0xD8, 0xB9, 0xE6, 0xD4, 0xF2]) + Data("\nextends: standard\n".utf8)   // 本地规则
        try gbk.write(to: work.appendingPathComponent("gbk.yaml"))
        let g = try Self.run(["--rules", "gbk.yaml", "--out", "out", "reports"], cwd: work)
        #expect(g.status == 0, "\(g.stderr)")
        #expect(try String(contentsOf: work.appendingPathComponent("out/ranking.md"), encoding: .utf8).contains("本地规则"))
        // A folder that cannot be read gets a row (as root, the run drops to an unprivileged user).
        let open = CLI.tempDir()
        chmod(open.path, 0o777)
        let reports = try Self.reportsFolder(1, in: open)
        chmod(reports.path, 0o755)
        for f in try FileManager.default.contentsOfDirectory(atPath: reports.path) { chmod(reports.appendingPathComponent(f).path, 0o644) }
        let closed = reports.appendingPathComponent("closed")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        try Data("一、总体情况".utf8).write(to: closed.appendingPathComponent("x.txt"))
        chmod(closed.path, 0o000)
        defer { chmod(closed.path, 0o755) }
        let asNobody = getuid() == 0
        if asNobody { chmod(CLI.executable.deletingLastPathComponent().path, 0o755) }
        let u = try Self.run(["--out", open.appendingPathComponent("out").path, reports.path], cwd: open, asNobody: asNobody)
        #expect(u.status == 0, "\(u.stderr)")
        let rows = try Self.lines(open.appendingPathComponent("out/audit.jsonl"))
        #expect(rows.count == 2 && rows.contains { $0.contains("closed/") && $0.contains("文件夹无法读取") }, "\(rows)")
        // dump on a missing file, and a full stdout, are failures.
        #expect(try Self.run(["dump", "/nonexistent/report.txt"], cwd: work).status == 2)
        let full = Process()
        full.executableURL = CLI.executable
        full.arguments = ["--out", "out", "reports"]
        full.currentDirectoryURL = work
        full.standardOutput = FileHandle(forWritingAtPath: "/dev/full"); full.standardError = FileHandle.nullDevice
        try full.run(); full.waitUntilExit()
        #expect(full.terminationStatus == 2)
    }

    // 10. Office clutter, UTF-16 without BOM, names with tabs and line breaks, CSV cells.
    @Test("10: office clutter is listed, not ranked; UTF-16 without BOM suggests --encoding; a tab in a name cannot break a line")
    func officeFolders() throws {
        let work = CLI.tempDir()
        let reports = try Self.reportsFolder(2, in: work)
        for junk in ["Thumbs.db", "desktop.ini", "~$年报.docx", "photo.jpg", "统计表.xlsx", ".DS_Store"] {
            try Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0]).write(to: reports.appendingPathComponent(junk))
        }
        let seed = try String(contentsOf: Self.seeds.appendingPathComponent("001_4f4d1458c3fb7bc1.txt"), encoding: .utf8)
        try seed.data(using: .utf16LittleEndian)!.write(to: reports.appendingPathComponent("utf16.txt"))
        try (seed + "\n附：").write(to: reports.appendingPathComponent("tab\tname.txt"), atomically: true, encoding: .utf8)
        let r = try Self.run(["--out", "out", "reports"], cwd: work)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 4, "\(r.stdout)")
        #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
        #expect(r.stdout.contains("tab\\tname.txt"))
        let md = try String(contentsOf: work.appendingPathComponent("out/ranking.md"), encoding: .utf8)
        #expect(md.contains("未审核的文件（6）"), "\(md)")
        #expect(!(try String(contentsOf: work.appendingPathComponent("out/ranking.csv"), encoding: .utf8)).contains("Thumbs.db"))
        let utf16 = try Self.lines(work.appendingPathComponent("out/audit.jsonl")).first { $0.contains("utf16.txt") }
        #expect(utf16?.contains("--encoding utf-16") == true, "\(utf16 ?? "")")
        let forced = try Self.run(["--encoding", "utf-16", "--out", "out2", reports.appendingPathComponent("utf16.txt").path], cwd: work)
        #expect(forced.stdout.contains("顿坊店乡"), "\(forced.stdout) \(forced.stderr)")
    }

    // 11. The command line itself.
    @Test("11: --version, the run options and exit codes in --help, --quiet")
    func commandLine() throws {
        let v = try Self.run(["--version"])
        #expect(v.status == 0 && v.stdout.contains("report-audit"))
        let h = try Self.run(["-h"])
        #expect(h.stdout.contains("--rules") && h.stdout.contains("--out") && h.stdout.contains("Exit codes"), "\(h.stdout)")
        let work = CLI.tempDir()
        _ = try Self.reportsFolder(2, in: work)
        let q = try Self.run(["--quiet", "--out", "out", "reports"], cwd: work)
        #expect(q.status == 0 && q.stdout.isEmpty && q.stderr.isEmpty, "\(q.stdout) \(q.stderr)")
    }
}
