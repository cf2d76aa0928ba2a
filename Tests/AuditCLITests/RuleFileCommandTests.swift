import Foundation
import Testing

/// `audit init-rules` and `audit test-rules`: an office writes and checks its own rule file
/// without a Swift toolchain.
@Suite("rule files without Swift", .serialized)
struct RuleFileCommandTests {
    @Test("init-rules writes a starter that passes test-rules; a broken example exits 1 naming file:line; an invalid file exits 2")
    func starterAndTests() throws {
        let work = CLI.tempDir()
        let env = ["AUDIT_RULES_DIR": CLI.root.appendingPathComponent("rules").path]
        let made = try CLI.run(["init-rules", "mine.yaml"], cwd: work, env: env)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try CLI.run(["init-rules", "mine.yaml"], cwd: work, env: env).status == 2)   // never overwrites
        let ok = try CLI.run(["test-rules", "mine.yaml"], cwd: work, env: env)
        #expect(ok.status == 0 && ok.stdout.contains("of") && !ok.stdout.contains("FAIL"), "\(ok.stdout) \(ok.stderr)")
        // A fail example that now passes: exit 1, the example's file and line named.
        let path = work.appendingPathComponent("mine.yaml")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "本局围绕重要文件开展宣传12次。", with: "本局开展政策解读12次。")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let failing = try CLI.run(["test-rules", "mine.yaml"], cwd: work, env: env)
        #expect(failing.status == 1, "\(failing.stdout)")
        // The example is the list item after the last `fail:` (lines count from 1).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let failKey = try #require(lines.lastIndex { $0.trimmingCharacters(in: .whitespaces) == "fail:" })
        #expect(failing.stdout.contains("FAIL mine.yaml:\(failKey + 2)  local.interpretation"), "\(failing.stdout)")
        try "name: broken\nrules:\n  - id: x\n    kind: nonsense\n".write(to: path, atomically: true, encoding: .utf8)
        let invalid = try CLI.run(["test-rules", "mine.yaml"], cwd: work, env: env)
        #expect(invalid.status == 2 && invalid.stderr.contains("mine.yaml:4"), "\(invalid.stderr)")
        // The shipped example of local rules passes.
        let local = try CLI.run(["test-rules", "rules/examples/local.yaml"])
        #expect(local.status == 0, "\(local.stdout)")
    }
}

@Suite("pages per report")
struct PageModeTests {
    @Test("--pages findings writes pages only for reports with findings, --pages none none; the ranking links only to pages that exist")
    func pageModes() throws {
        let work = CLI.tempDir()
        let out = work.appendingPathComponent("out"), inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for seed in ["000_67dfe248a59990d3.txt", "004_9d2222aa7d3b2ecb.txt"] {   // 000 alone has no finding; 004 lacks sections
            try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("examples/reports/" + seed), to: inputs.appendingPathComponent(seed))
        }
        let findings = try CLI.run(["--pages", "findings", "--out", out.path, inputs.path])
        #expect(findings.status == 0, "\(findings.stderr)")
        let audits = try CLI.audits(out)
        let withFindings = audits.values.filter { !(($0["findings"] as? [Any]) ?? []).isEmpty }.count
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path)
        #expect(pages.count == 2 * withFindings && withFindings == 1 && audits.count == 2, "\(pages)")
        let none = try CLI.run(["--pages", "none", "--out", out.path, inputs.path])
        #expect(none.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("reports").path).isEmpty)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!index.contains("href=\"reports/"))
        #expect(try CLI.run(["--pages", "some", "--out", out.path, "examples/reports/"]).status == 2)
    }
}

@Suite("the command's outputs equal the golden files")
struct CLIGoldenTests {
    @Test("audit on the examples writes exactly the golden outputs", arguments: ["standard", "strict"])
    func sameAsGolden(_ setName: String) throws {
        let out = CLI.tempDir().appendingPathComponent("out")
        let r = try CLI.run(["--rules", setName, "--date", "2026-01-01", "--quiet", "--out", out.path, "examples/reports/"])
        #expect(r.status == 0, "\(r.stderr)")
        let golden = CLI.root.appendingPathComponent("Tests/GoldenTests/Golden/outputs-\(setName)")
        let fm = FileManager.default
        let names = try (fm.subpathsOfDirectory(atPath: golden.path)).filter { !$0.hasSuffix("/") && $0 != "reports" }.sorted()
        // ranking.xlsx is libxlsxwriter's zip, whose bytes follow the library's version: its
        // content is checked by SpreadsheetTests, cell by cell.
        let written = try (fm.subpathsOfDirectory(atPath: out.path)).filter { $0 != "reports" && $0 != ".report-audit" && $0 != "ranking.xlsx" }.sorted()
        #expect(fm.fileExists(atPath: out.appendingPathComponent("ranking.xlsx").path))
        #expect(names == written)
        for name in names {
            #expect(fm.contents(atPath: out.appendingPathComponent(name).path) == fm.contents(atPath: golden.appendingPathComponent(name).path), "\(name)")
        }
    }
}
