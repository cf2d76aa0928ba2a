import AuditCore
import AuditDocument
import Foundation

/// libFuzzer entry point: every parser that takes untrusted bytes, and the whole rule pipeline
/// on what they produce. Built by scripts/fuzz.sh with `--sanitize fuzzer -DFUZZING`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if FuzzTarget.target == "rules" { RuleFileFuzz.run(Data(bytes: data, count: size)) } else { FuzzTarget.run(Data(bytes: data, count: size)) }
    return 0
}

enum FuzzTarget {
    /// `AUDIT_FUZZ_TARGET=rules` fuzzes rule and phrase files instead of reports.
    static let target = ProcessInfo.processInfo.environment["AUDIT_FUZZ_TARGET"] ?? "reports"

    static let rules: RuleSet = {
        let dir = ProcessInfo.processInfo.environment["AUDIT_RULES_DIR"] ?? "rules"
        func file(_ n: String) -> RuleFileText? {
            let path = dir + "/" + (n.contains(".") ? n : n + ".yaml")
            return (try? String(contentsOfFile: path, encoding: .utf8)).map { RuleFileText(path: path, text: $0) }
        }
        return try! RuleSetLoader.load(file("strict")!) { n, _ in file(n) }
    }()

    /// The first byte chooses the reader, so each execution stays cheap: text, HTML, DOCX, or
    /// (one input in eight) text through the whole rule pipeline and the writers.
    static func run(_ data: Data) {
        guard let selector = data.first else { return }
        let body = data.dropFirst()
        let format: InputFormat = body.starts(with: [0x50, 0x4B]) ? .docx : (selector % 2 == 0 ? .text : .html)
        guard case .text(let text) = InputText.extract(Data(body), format: format) else { return }
        let report = ReportParser.parse(text: text, source: "fuzz")
        _ = report.dump()
        guard selector % 8 == 7 else { return }
        let reports = [report]
        // Two reports as a corpus, so reuse detection runs too.
        if !reports.isEmpty {
            let (audits, clusters) = AuditEngine.auditAll(reports + reports.prefix(1), history: [], rules: rules, language: .zh)
            let run = RunInfo(ruleSet: rules, date: "2026-01-01", language: .zh)
            _ = AuditJSONL.render(audits, run)
            _ = HTMLReport.index(audits, run, pages: [:])
            _ = ReuseReport.markdown(clusters, run)
            // The large-run path: texts released after the per-report rules, narratives rebuilt
            // from the lines for candidate pairs only; it must find what the in-memory path finds.
            var released = (reports + reports.prefix(1)).map { AuditEngine.prepare($0, rules: rules) }
            for i in released.indices { released[i].releaseText() }
            _ = AuditEngine.runCorpusRules(&released, history: [], rules: rules) { _, r in
                AuditEngine.narrativeDocument(r, lines: report.lines, rules: rules)
            }
            let reuse = rules.rules.firstIndex { $0.kind == .narrativeReuse }
            if let ri = reuse, audits[0].status == .parsed, (released[0].results[ri]?.outcome ?? .notApplicable) != audits[0].outcomes[ri].outcome {
                fatalError("reuse differs between the in-memory and the released-text paths")
            }
        }
    }
}
