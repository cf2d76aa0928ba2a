import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

extension Audit {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Audit report files or folders (the default command).")

        @OptionGroup var options: RunOptions

        func run() throws {
            let code = try AuditRun.execute(try options.auditOptions())
            try StandardOutput.check()
            if code != 0 { throw ExitCode(code) }
        }
    }
}

/// The options of an audit run, shared by `run` and `notice`.
struct RunOptions: ParsableArguments {
    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: .long, help: "Output folder.")
    var out: String = "reports-out"

    @Option(name: .customLong("fail-under"), help: "Exit 1 when any report scores below this (0–100).")
    var failUnder: Double?

    @Flag(name: .long, help: "Print nothing but errors (no per-report lines, notes or progress).")
    var quiet = false

    @Option(name: .long, help: "Which reports get a page in reports/: all, findings (only reports with findings) or none (default: all up to 5,000 reports, findings beyond).")
    var pages: PageMode?

    @Option(name: .long, help: "Megabytes for keeping reports' texts between the passes of a run (default: 384 less 2.5 KB a report, at least 64; 0 reads texts again instead). Lower it on a small machine; it does not cap the run's whole memory.")
    var memory: Int?

    @Option(name: .long, help: "The date written into the outputs (YYYY-MM-DD); default today, or SOURCE_DATE_EPOCH.")
    var date: String?

    @Option(name: .long, help: "Force the text encoding of .txt/.md/.html inputs: utf-8, gb18030 or utf-16 (default: detected).")
    var encoding: TextEncoding?

    @Option(name: .long, help: "A YAML file of reviewed exemptions (file or agency, rule, fingerprint, reason, approved_by, expires).")
    var exemptions: String?

    @Option(name: .long, help: "An earlier run's audit.jsonl (or its output folder): adds score and rank changes per agency.")
    var baseline: String?

    @Option(name: .long, help: "A folder (or file) of earlier years' reports: each report is compared with the same agency's earlier ones.")
    var history: [String] = []

    @Argument(help: "Report files or folders (searched recursively).")
    var paths: [String] = []

    /// The pipeline's options from the flags, checked.
    func auditOptions() throws -> AuditRun.Options {
        guard !paths.isEmpty else { throw AuditError.usage("请给出至少一个报告文件或文件夹，如 audit --rules standard examples/reports/\n       give at least one report file or folder, e.g. 'audit --rules standard examples/reports/'.") }
        if let f = failUnder, !(f.isFinite && (0...100).contains(f)) {
            throw AuditError.usage("--fail-under 需要 0 到 100 之间的分数，而不是“\(f)”。\n       --fail-under takes a score from 0 to 100, not '\(f)'.")
        }
        var options = AuditRun.Options(paths: paths, outputFolder: out, ruleSet: try ruleOptions.loadRuleSet(),
                                       language: ruleOptions.lang, failUnder: failUnder,
                                       date: try RunDate.resolve(date), historyPaths: history)
        options.encoding = encoding
        options.pages = pages
        if let memory {
            guard (0...1_048_576).contains(memory) else {
                throw AuditError.usage("--memory 需要 0 到 1048576 之间的兆字节数，而不是“\(memory)”。\n       --memory takes megabytes from 0 to 1048576, not '\(memory)'.")
            }
            options.memoryMB = memory
        }
        options.printSummary = !quiet
        options.printNotes = !quiet
        options.showProgress = !quiet
        if let exemptions { options.exemptions = try SideInputs.exemptions(exemptions, today: options.date, ruleIDs: Set(options.ruleSet.rules.map(\.id))) }
        if let baseline { options.baseline = try SideInputs.baseline(baseline) }
        return options
    }
}
