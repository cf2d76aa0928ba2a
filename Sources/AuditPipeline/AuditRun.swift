import AuditCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A mistake in how the command was called, said in a full sentence with what to do.
public struct UsageError: Error {
    public var message: String
    public init(message: String) { self.message = message }
}

/// Time spent per stage: wall time of each phase, and CPU time summed over threads for the
/// stages that run in parallel.
public final class StageTimes: @unchecked Sendable {
    private let lock = NSLock()
    public private(set) var cpu: [String: Double] = [:]
    public private(set) var wall: [String: Double] = [:]
    /// Resident memory (MB) when each stage ended, for the benchmark.
    public private(set) var residentMB: [String: Double] = [:]

    public init() {}

    func addCPU(_ stage: String, _ seconds: Double) { lock.lock(); cpu[stage, default: 0] += seconds; lock.unlock() }
    func addWall(_ stage: String, _ seconds: Double) {
        let rss = StageTimes.residentMB()
        lock.lock(); wall[stage, default: 0] += seconds; residentMB[stage] = rss; lock.unlock()
    }

    /// VmRSS from /proc (Linux); 0 where it cannot be read.
    static func residentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `body`, adding its duration to `stage` (CPU when `parallel`, else wall).
    @discardableResult
    func measure<T>(_ stage: String, parallel: Bool = false, _ body: () throws -> T) rethrows -> T {
        let t = StageTimes.now()
        let r = try body()
        if parallel { addCPU(stage, StageTimes.now() - t) } else { addWall(stage, StageTimes.now() - t) }
        return r
    }
}

/// The `audit run` pipeline at the edge: discover inputs, read and decode them, audit them in
/// parallel, rank, write every output atomically, and choose the exit code.
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
        /// Reviewed exemptions (`--exemptions`), and an earlier run's audit.jsonl (`--baseline`).
        public var exemptions: ExemptionSet?
        public var baseline: Baseline?

        public init(paths: [String], outputFolder: String, ruleSet: RuleSet, language: Language, failUnder: Double?, date: String, historyPaths: [String] = []) {
            self.paths = paths; self.outputFolder = outputFolder; self.ruleSet = ruleSet; self.language = language
            self.failUnder = failUnder; self.date = date; self.historyPaths = historyPaths
        }
    }

    public struct Outcome {
        public var ranked: [ReportAudit]
        public var exitCode: Int32
        public var bytesRead: Int
    }

    /// An input file: where it is, and the name it is shown by.
    struct Input { var path: String; var display: String }

    public static func execute(_ o: Options) throws -> Int32 {
        try run(o, times: StageTimes()).exitCode
    }

    public static func run(_ o: Options, times: StageTimes) throws -> Outcome {
        if ProcessInfo.processInfo.environment["AUDIT_THREADS"] == "1" { Parallelism.sequential = true }
        let phaseStart = StageTimes.now()
        let inputs = try times.measure("discover") { try discover(o.paths) }
        guard !inputs.isEmpty else { throw UsageError(message: "no files were found in \(o.paths.joined(separator: ", ")).") }
        // Reports are independent until reuse detection: prepare them on every core; results land
        // by index, so output order never depends on scheduling. Each report's text is released
        // once its own rules have run: what is kept per report is a few kilobytes, and the text
        // is read again for the few reports reuse verification needs and for the pages.
        // `.prepared` until the report moves into `prepared` below, `.audited` after, so that
        // this array keeps only what reading again needs.
        enum Slot { case prepared(PreparedReport), audited, failed(Localized) }
        struct Loaded { var slot: Slot; var fingerprint: UInt64?; var keptText: String? }
        let bytesLock = NSLock()
        var bytesRead = 0
        let prepareStart = StageTimes.now()
        var loaded = parallelMap(inputs) { input -> Loaded in
            let file = times.measure("read", parallel: true) { InputReader.load(path: input.path, encoding: o.encoding) }
            switch file.result {
            case .text(let text):
                bytesLock.lock(); bytesRead += text.utf8.count; bytesLock.unlock()
                let report = times.measure("parse", parallel: true) { ReportParser.parse(text: text, source: input.display) }
                var prepared = times.measure("rules", parallel: true) { AuditEngine.prepare(report, rules: o.ruleSet) }
                prepared.releaseText(rules: o.ruleSet)
                // Text from an external converter is kept: running it again would cost more.
                return Loaded(slot: .prepared(prepared), fingerprint: file.fingerprint, keptText: InputFormat(fileExtension: (input.path as NSString).pathExtension) == .pdf ? text : nil)
            case .failure(let reason): return Loaded(slot: .failed(reason), fingerprint: file.fingerprint, keptText: nil)
            }
        }
        times.addWall("read+parse+rules", StageTimes.now() - prepareStart)
        var prepared: [PreparedReport] = []
        var inputOf: [Int] = []              // prepared index -> input index
        var inputByFile: [String: Int] = [:]
        for i in loaded.indices {
            inputByFile[inputs[i].display] = i
            if case .prepared(let p) = loaded[i].slot { prepared.append(p); inputOf.append(i); loaded[i].slot = .audited }
        }
        /// The text of input `i` again, if its bytes are the ones audited.
        func text(_ i: Int) -> String? {
            if let kept = loaded[i].keptText { return kept }
            let again = InputReader.load(path: inputs[i].path, encoding: o.encoding)
            guard again.fingerprint == loaded[i].fingerprint, case .text(let t) = again.result else { return nil }
            return t
        }
        // The same file given twice is one report: it must not count as copying from itself.
        let duplicateOf = times.measure("duplicates") { duplicates(inputs, loaded.map(\.fingerprint)) }
        let preparedIndex = Dictionary(uniqueKeysWithValues: prepared.enumerated().map { ($1.report.source, $0) })
        for i in prepared.indices where duplicateOf[prepared[i].report.source] != nil { prepared[i].excludeFromReuse() }
        let history = try loadHistory(o.historyPaths, rules: o.ruleSet)
        let clusters = times.measure("reuse") {
            AuditEngine.runCorpusRules(&prepared, history: history, rules: o.ruleSet) { k, released in
                text(inputOf[k]).flatMap { AuditEngine.narrativeDocument(released, lines: ReportParser.splitLines($0), rules: o.ruleSet) }
            }
        }
        for i in prepared.indices {
            guard let original = duplicateOf[prepared[i].report.source], let j = preparedIndex[original] else { continue }
            for (ri, rule) in o.ruleSet.rules.enumerated() where rule.kind.isCorpusWide { prepared[i].results[ri] = prepared[j].results[ri] }
        }
        let finished = times.measure("score") { parallelMap(prepared) { AuditEngine.finish($0, rules: o.ruleSet, language: o.language, exemptions: o.exemptions) } }
        prepared = []
        var audits = finished
        for (i, l) in loaded.enumerated() {
            if case .failed(let reason) = l.slot { audits.append(AuditEngine.unreadable(file: inputs[i].display, reason: reason, rules: o.ruleSet, language: o.language)) }
        }
        for i in audits.indices {
            if let original = duplicateOf[audits[i].file] { AuditEngine.markDuplicate(&audits[i], of: original, language: o.language) }
        }
        let ranked = Ranking.rank(audits)
        let run = RunInfo(ruleSet: o.ruleSet, date: o.date, language: o.language, baseline: o.baseline)
        try times.measure("write") {
            // A page shows the report's text as audited; a file changed since is shown without it.
            let lines: (ReportAudit) -> [String] = { a in
                guard let i = inputByFile[a.file], case .audited = loaded[i].slot,
                      let t = text(i) else { return [] }
                return ReportParser.splitLines(t)
            }
            try write(ranked, clusters: clusters, hasReuseRule: o.ruleSet.rules.contains { $0.kind == .narrativeReuse }, run: run, to: o.outputFolder, lines: lines, times: times)
            if let ex = o.exemptions {
                try atomicWrite(ExemptionReport.markdown(ranked, ex, run), to: URL(fileURLWithPath: o.outputFolder).appendingPathComponent("exemptions.md"))
                for w in ExemptionReport.warnings(ranked, ex) { FileHandle.standardError.write(Data((w + "\n").utf8)) }
            }
        }
        times.addWall("total", StageTimes.now() - phaseStart)

        for a in ranked where o.printSummary {
            print("\(a.rank)\t\(Format.score(a.score))\t\(a.grade)\t\(a.displayName)\t\(a.file)\t" +
                  (o.language == .zh ? "错误\(a.errorCount) 警告\(a.warningCount) 核验\(a.verifiedRules)/\(a.applicableRules)"
                                     : "errors \(a.errorCount), warnings \(a.warningCount), verified \(a.verifiedRules)/\(a.applicableRules)"))
        }
        if o.printSummary { FileHandle.standardError.write(Data("audited \(ranked.count) file(s) with rule set '\(o.ruleSet.name)'; outputs in \(o.outputFolder)/\n".utf8)) }
        let code: Int32 = (o.failUnder.map { t in ranked.contains { $0.score < t } } ?? false) ? 1 : 0
        return Outcome(ranked: ranked, exitCode: code, bytesRead: bytesRead)
    }

    /// Files named, and every non-hidden file below folders named, sorted; a folder reached twice
    /// through links is read once.
    static func discover(_ paths: [String]) throws -> [Input] {
        let fm = FileManager.default
        var out: [Input] = []
        var seenFolders: Set<String> = []
        var seenFiles: Set<String> = []
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { throw UsageError(message: "'\(p)' does not exist; give a report file or a folder of reports.") }
            if !isDir.boolValue {
                if seenFiles.insert(URL(fileURLWithPath: p).resolvingSymlinksInPath().path).inserted { out.append(Input(path: p, display: p)) }
                continue
            }
            var stack = [p]
            while let dir = stack.popLast() {
                let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
                guard seenFolders.insert(real).inserted else { continue }
                guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
                for name in names.sorted() where !name.hasPrefix(".") {
                    let child = (dir as NSString).appendingPathComponent(name)
                    var childIsDir: ObjCBool = false
                    guard fm.fileExists(atPath: child, isDirectory: &childIsDir) else {
                        // A dangling link: still an input, reported as unreadable.
                        out.append(Input(path: child, display: child)); continue
                    }
                    if childIsDir.boolValue { stack.append(child) }
                    else if seenFiles.insert(URL(fileURLWithPath: child).resolvingSymlinksInPath().path).inserted {
                        out.append(Input(path: child, display: child))
                    }
                }
            }
        }
        return out.sorted { $0.display.unicodeScalars.lexicographicallyPrecedes($1.display.unicodeScalars) }
    }

    /// Inputs whose bytes equal an earlier input's (in input order), mapped to that input.
    static func duplicates(_ inputs: [Input], _ prints: [UInt64?]) -> [String: String] {
        var first: [UInt64: String] = [:]
        var duplicateOf: [String: String] = [:]
        for (i, p) in prints.enumerated() {
            guard let p else { continue }
            if let f = first[p] { duplicateOf[inputs[i].display] = f } else { first[p] = inputs[i].display }
        }
        return duplicateOf
    }

    /// Reports of earlier years (`--history`): parsed for comparison only, never audited.
    static func loadHistory(_ paths: [String], rules: RuleSet) throws -> [HistoryReport] {
        guard !paths.isEmpty else { return [] }
        let inputs = try discover(paths)
        return parallelMap(inputs) { input -> HistoryReport? in
            guard case .text(let text) = InputReader.read(path: input.path) else {
                FileHandle.standardError.write(Data("warning: history file \(input.display) cannot be read; it is not compared\n".utf8))
                return nil
            }
            return AuditEngine.historyDocument(ReportParser.parse(text: text, source: input.display), rules: rules)
        }.compactMap { $0 }
    }

    /// `transform` over `items` on every core, results in input order.
    public static func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        Parallelism.map(items.count) { transform(items[$0]) }
    }

    static func write(_ ranked: [ReportAudit], clusters: [ReuseCluster], hasReuseRule: Bool, run: RunInfo, to folder: String,
                      lines: (ReportAudit) -> [String], times: StageTimes = StageTimes()) throws {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: folder)
        let reports = out.appendingPathComponent("reports")
        // Per-report pages go into a fresh staging folder that then replaces reports/ in one
        // rename: the folder is always one run's complete set, and each page costs one file
        // creation instead of a temporary file and a rename per page (in a folder of 200,000
        // files those directory operations were most of the write stage).
        let staging = out.appendingPathComponent(".reports-staging-\(getpid())")
        let retired = out.appendingPathComponent(".reports-old-\(getpid())")
        do {
            try fm.createDirectory(at: out, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            let t = StageTimes.now()
            // The tables and every report's page are independent: one pool of tasks on every
            // core, the large tables first so that they overlap the pages.
            var tables: [(String, () -> String)] = [
                ("audit.jsonl", { AuditJSONL.render(ranked, run) }),
                ("ranking.md", { RankingMarkdown.render(ranked, run) }),
                ("ranking.csv", { RankingCSV.render(ranked, run) }),
            ]
            if hasReuseRule {
                tables.append(("reuse.md", { ReuseReport.markdown(clusters, run) }))
                tables.append(("reuse.csv", { ReuseReport.csv(clusters, run) }))
            }
            let pages = OutputNames.pages(for: ranked.map(\.file))
            let failures = Parallelism.map(tables.count + ranked.count) { k -> Error? in
                do {
                    if k < tables.count {
                        try atomicWrite(tables[k].1(), to: out.appendingPathComponent(tables[k].0))
                    } else {
                        var a = ranked[k - tables.count]
                        if a.lines.isEmpty { a.lines = lines(a) }
                        try plainWrite(ReportMarkdown.render(a, run), to: staging.appendingPathComponent(pages[a.file]! + ".md").path)
                        try plainWrite(HTMLReport.page(a, run, pages: pages), to: staging.appendingPathComponent(pages[a.file]! + ".html").path)
                    }
                    return nil
                } catch { return error }
            }
            if let e = failures.compactMap({ $0 }).first { throw e }
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: reports.path, isDirectory: &isDir) {
                guard isDir.boolValue else { throw WriteError(path: reports.path, code: ENOTDIR) }
                try? fm.removeItem(at: retired)
                guard rename(reports.path, retired.path) == 0 else { throw WriteError(path: reports.path, code: errno) }
            }
            guard rename(staging.path, reports.path) == 0 else { throw WriteError(path: reports.path, code: errno) }
            try? fm.removeItem(at: retired)
            times.addWall("write tables and pages", StageTimes.now() - t)
            try atomicWrite(HTMLReport.index(ranked, run, pages: pages), to: out.appendingPathComponent("index.html"))
        } catch let e as UsageError {
            try? fm.removeItem(at: staging)
            throw e
        } catch {
            try? fm.removeItem(at: staging)
            throw UsageError(message: "cannot write the outputs to '\(folder)': \(error.localizedDescription). Choose another folder with --out.")
        }
    }

    /// Temporary file beside the target, then rename: an interrupted run never leaves half a
    /// file. No fsync: the outputs can be regenerated, and syncing each of 200,000 pages cost
    /// more than rendering them (Foundation's `.atomic` syncs every file).
    static func atomicWrite(_ text: String, to url: URL) throws {
        let path = url.path
        let dir = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        let temporary = (dir.isEmpty ? "." : dir) + "/." + name + ".tmp-\(getpid())"
        do { try plainWrite(text, to: temporary) } catch { unlink(temporary); throw error }
        if rename(temporary, path) != 0 { let code = errno; unlink(temporary); throw WriteError(path: path, code: code) }
    }

    /// Creates (or truncates) a file and writes the text.
    static func plainWrite(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        var text = text
        let failure: Int32? = text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; return errno }
                offset += n
            }
            return nil
        }
        if close(fd) != 0, failure == nil { throw WriteError(path: path, code: errno) }
        if let code = failure { throw WriteError(path: path, code: code) }
    }

    struct WriteError: Error, LocalizedError {
        var path: String, code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }
}
