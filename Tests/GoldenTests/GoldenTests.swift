import AuditCore
import AuditDocument
import Foundation
import Testing
import TestSupport

/// Golden files, compared byte for byte: the parse tree (`audit dump`) of every report of the
/// real-world corpus, and every output of an audit of the bundled examples under both rule sets.
/// A change that alters any of them must be meant: rewrite them with
///     AUDIT_BLESS=1 swift test --filter GoldenTests
/// and review the diff (git diff Tests/GoldenTests/Golden) before committing.
@Suite("Golden files")
struct GoldenTests {
    static let golden = ProjectFiles.root.appendingPathComponent("Tests/GoldenTests/Golden")
    static let bless = ProcessInfo.processInfo.environment["AUDIT_BLESS"] == "1"

    /// Every report of the corpus, and the seeds.
    static var corpusFiles: [String] {
        let base = ProjectFiles.root.appendingPathComponent("Tests/RealWorldTests/Corpus/reports")
        var out: [String] = []
        for sub in (try? FileManager.default.contentsOfDirectory(atPath: base.path))?.sorted() ?? [] {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(sub).path))?.sorted() ?? [] {
                out.append("Tests/RealWorldTests/Corpus/reports/\(sub)/\(f)")
            }
        }
        return out + exampleFiles
    }

    static var exampleFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: ProjectFiles.root.appendingPathComponent("examples/reports").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { "examples/reports/" + $0 }
    }

    /// Compares with the golden file (or writes it when blessing); a difference names the first line that differs.
    static func check(_ actual: String, _ name: String) throws {
        let url = golden.appendingPathComponent(name)
        if bless {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        // Bytes, not Foundation's decoding, which drops a byte-order mark (ranking.csv has one).
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ProjectFiles.MissingFixture(path: "Tests/GoldenTests/Golden/" + name) }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        let i = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        Issue.record("\(name) differs from its golden file at line \(i + 1):\n  golden: \(i < e.count ? e[i] : "(end)")\n  now:    \(i < a.count ? a[i] : "(end)")\n(if the change is meant: AUDIT_BLESS=1 swift test --filter GoldenTests)")
    }

    @Test("there are corpus reports to compare")
    func corpusPresent() { #expect(Self.corpusFiles.count >= 60) }

    @Test("the parse tree of every real report", arguments: corpusFiles)
    func dump(_ file: String) throws {
        let report = try ProjectFiles.report(file)
        try Self.check(report.dump(), "dump/" + file.replacingOccurrences(of: "/", with: "__") + ".txt")
    }

    @Test("every output of an audit of the examples", arguments: ["standard", "strict"])
    func outputs(_ setName: String) throws {
        let set = try ProjectFiles.ruleSet(setName)
        let reports = try Self.exampleFiles.map(ProjectFiles.report)
        let (audits, clusters) = AuditEngine.auditAll(reports, history: [], rules: set, language: .zh)
        let ranked = Ranking.rank(audits)
        let run = RunInfo(ruleSet: set, date: "2026-01-01", language: .zh)
        let pages = OutputNames.pages(for: ranked.map(\.file))
        let files: [(String, String)] = [
            ("ranking.csv", RankingCSV.render(ranked, run)),
            ("ranking.md", RankingMarkdown.render(ranked, run)),
            ("audit.jsonl", AuditJSONL.render(ranked, run)),
            ("reuse.md", ReuseReport.markdown(clusters, run)),
            ("reuse.csv", ReuseReport.csv(clusters, run)),
            ("index.html", HTMLReport.index(ranked, run, pages: pages)),
        ] + ranked.flatMap { a in
            [("reports/\(pages[a.file]!).md", ReportMarkdown.render(a, run)), ("reports/\(pages[a.file]!).html", HTMLReport.page(a, run, pages: pages))]
        }
        for (name, text) in files { try Self.check(text, "outputs-\(setName)/" + name) }
    }
}
