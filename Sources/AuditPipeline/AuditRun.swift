import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `audit run` pipeline at the edge, as a list of stages: check and lock the output folder,
/// discover the inputs, read and audit each report in parallel, run the corpus-wide rules, score
/// and rank, write every output as one set, and tell the user.
public enum AuditRun {
    public struct Options {
        public var paths: [String]
        public var outputFolder: String
        public var ruleSet: RuleSet
        public var language: Language
        public var failUnder: Double?
        public var date: String
        public var historyPaths: [String] = []
        public var encoding: TextEncoding?
        /// Print a line per report on stdout.
        public var printSummary = true
        /// Notes and the closing line on stderr (off with --quiet).
        public var printNotes = true
        /// A running count on stderr (when it is a terminal).
        public var showProgress = false
        /// Which reports get a page of their own; nil: all up to `PageMode.automaticLimit`
        /// reports, those with findings beyond.
        public var pages: PageMode?
        /// Megabytes for keeping reports' texts and narratives between the passes of a run; nil
        /// for the default (384 MB less 2.5 KB a report, at least 64 MB), 0 to keep none (each
        /// text is read again where it is needed). Not a cap on the run's whole memory.
        public var memoryMB: Int?
        /// Reviewed exemptions (`--exemptions`), and an earlier run's audit.jsonl (`--baseline`).
        public var exemptions: ExemptionSet?
        public var baseline: Baseline?
        /// Also write notice.docx, a draft 通报 (`audit notice`).
        public var notice: NoticeDocument.Options?

        public init(paths: [String], outputFolder: String, ruleSet: RuleSet, language: Language, failUnder: Double?, date: String, historyPaths: [String] = []) {
            self.paths = paths; self.outputFolder = outputFolder; self.ruleSet = ruleSet; self.language = language
            self.failUnder = failUnder; self.date = date; self.historyPaths = historyPaths
        }
    }

    public struct Outcome {
        public var ranked: [ReportAudit]
        public var exitCode: Int32
        public var bytesRead: Int
        public var notAudited: [NotAudited] = []
    }

    public static func execute(_ o: Options) throws -> Int32 {
        try run(o, times: StageTimes()).exitCode
    }

    public static func run(_ o: Options, times: StageTimes) throws -> Outcome {
        if ProcessInfo.processInfo.environment["AUDIT_THREADS"] == "1" { Parallelism.sequential = true }
        let start = StageTimes.now()
        // Checked, locked and staged before any report is read: a run that cannot write its
        // outputs says so at once, and no input can be inside what it replaces.
        let folder = try OutputFolder(o.outputFolder, inputs: o.paths + o.historyPaths)
        defer { folder.release() }
        let found = try times.measure("discover") { try discoverReports(o, outputFolder: folder) }
        let pass = InputPass(found.inputs, options: o, times: times)
        let (audits, clusters) = try auditCorpus(pass, options: o, outputFolder: folder, times: times)
        let ranked = Ranking.rank(audits)
        let written = try times.measure("write") { try writeOutputs(ranked, clusters: clusters, pass: pass, notAudited: found.notAudited, options: o, into: folder, times: times) }
        times.addWall("total", StageTimes.now() - start)
        try tell(written, notAudited: found.notAudited, options: o, outputFolder: folder)
        let code: Int32 = (o.failUnder.map { t in ranked.contains { $0.score < t } } ?? false) ? 1 : 0
        return Outcome(ranked: written, exitCode: code, bytesRead: pass.bytesRead, notAudited: found.notAudited)
    }

    /// `transform` over `items` on every core, results in input order.
    public static func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        Parallelism.map(items.count) { transform(items[$0]) }
    }
}
