import AuditCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
        /// Notes and the closing line on stderr (off with --quiet).
        public var printNotes = true
        /// A running count on stderr (when it is a terminal).
        public var showProgress = false
        /// Which reports get a page of their own; nil: all up to `PageMode.automaticLimit`
        /// reports, those with findings beyond.
        public var pages: PageMode?
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
        public var notAudited: [NotAudited] = []
    }

        /// An input file: where it is, the name it is shown by, and why it is not read when that is
    /// known without opening it (not a regular file, a folder that cannot be listed).
    struct Input { var path: String; var display: String; var problem: Localized? = nil }

    /// What discovery found: the inputs to audit, and what it deliberately left out.
    struct Discovery { var inputs: [Input] = []; var notAudited: [NotAudited] = [] }

    public static func execute(_ o: Options) throws -> Int32 {
        try run(o, times: StageTimes()).exitCode
    }

    public static func run(_ o: Options, times: StageTimes) throws -> Outcome {
        if ProcessInfo.processInfo.environment["AUDIT_THREADS"] == "1" { Parallelism.sequential = true }
        let phaseStart = StageTimes.now()
        // The output folder is checked, locked and staged before any report is read: a run that
        // cannot write its outputs says so at once, and no input can be inside what it replaces.
        let folder = try OutputFolder(o.outputFolder, inputs: o.paths + o.historyPaths)
        defer { folder.release() }
        let found = try times.measure("discover") { try discover(o.paths, outputFolder: folder) }
        let inputs = found.inputs
        guard !inputs.isEmpty else {
            throw UsageError(message: "在 \(o.paths.joined(separator: "、")) 中没有找到报告文件" + (found.notAudited.isEmpty ? "" : "（另有 \(found.notAudited.count) 个不是报告的文件未审核）")
                             + "。\n       no report files were found in \(o.paths.joined(separator: ", "))" + (found.notAudited.isEmpty ? "." : " (\(found.notAudited.count) files that are not reports were left out)."))
        }
        let progress = o.showProgress ? Progress(total: inputs.count, language: o.language) : nil
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
            defer { progress?.advance() }
            if let problem = input.problem { return Loaded(slot: .failed(problem), fingerprint: nil, keptText: nil) }
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
        progress?.finish()
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
        let history = try loadHistory(o.historyPaths, rules: o.ruleSet, outputFolder: folder, printNotes: o.printNotes)
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
        var run = RunInfo(ruleSet: o.ruleSet, date: o.date, language: o.language, baseline: o.baseline)
        run.notAudited = found.notAudited
        let pageMode = o.pages ?? (ranked.count > PageMode.automaticLimit ? .findings : .all)
        if o.pages == nil, pageMode == .findings, o.printNotes {
            FileHandle.standardError.write(Data((o.language == .zh
                ? "报告超过 \(PageMode.automaticLimit) 份：只为有问题的报告写单独页面（--pages all 可全部写出）\n"
                : "more than \(PageMode.automaticLimit) reports: pages are written only for reports with findings (--pages all writes every one)\n").utf8))
        }
        let written = try times.measure("write") { () -> [ReportAudit] in
            // A page shows the report's text as audited; a file changed since is shown without it.
            let lines: (ReportAudit) -> [String] = { a in
                guard let i = inputByFile[a.file], case .audited = loaded[i].slot,
                      let t = text(i) else { return [] }
                return ReportParser.splitLines(t)
            }
            return try write(ranked, clusters: clusters, hasReuseRule: o.ruleSet.rules.contains { $0.kind == .narrativeReuse }, run: run,
                             exemptions: o.exemptions, pageMode: pageMode, into: folder, lines: lines, times: times)
        }
        times.addWall("total", StageTimes.now() - phaseStart)

        if o.printSummary {
            // One line per report, tab-separated: a tab or line break inside a name is written escaped.
            func field(_ s: String) -> String {
                guard s.contains(where: { $0 == "\\" || $0.isNewline || $0 == "\t" }) else { return s }
                return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                    .replacingOccurrences(of: "\r\n", with: "\\r\\n").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            }
            var out = ""
            for a in written {
                out += "\(a.rank)\t\(Format.score(a.score))\t\(field(a.grade))\t\(field(a.displayName))\t\(field(a.file))\t" +
                    (o.language == .zh ? "错误\(a.errorCount) 警告\(a.warningCount) 核验\(a.verifiedRules)/\(a.applicableRules)"
                                       : "errors \(a.errorCount), warnings \(a.warningCount), verified \(a.verifiedRules)/\(a.applicableRules)") + "\n"
                if out.utf8.count > 1 << 16 { try StandardOutput.write(out); out = "" }
            }
            try StandardOutput.write(out)
        }
        if o.printNotes {
            var note = ""
            if !found.notAudited.isEmpty {
                note += o.language == .zh ? "未审核 \(found.notAudited.count) 个不是报告的文件或文件夹（见 ranking.md）：\n" : "\(found.notAudited.count) file(s) or folder(s) that are not reports were not audited (listed in ranking.md):\n"
                for n in found.notAudited.prefix(10) { note += "  \(n.path)：\(n.reason.text(o.language))\n" }
                if found.notAudited.count > 10 { note += "  …\n" }
            }
            note += o.language == .zh ? "已用规则集“\(o.ruleSet.name)”审核 \(ranked.count) 个文件，输出在 \(folder.path)/\n"
                                      : "audited \(ranked.count) file(s) with rule set '\(o.ruleSet.name)'; outputs in \(folder.path)/\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
        let code: Int32 = (o.failUnder.map { t in ranked.contains { $0.score < t } } ?? false) ? 1 : 0
        return Outcome(ranked: written, exitCode: code, bytesRead: bytesRead, notAudited: found.notAudited)
    }

    /// Files named, and every non-hidden file below folders named, sorted; a folder reached twice
    /// through links is read once. Left out, and listed: the output folder and any other output
    /// folder of this tool (a run must never audit its own pages), and office clutter (thumbnail
    /// caches, lock files, images, spreadsheets). Kept as inputs that are not opened: what is not
    /// a regular file (a FIFO would block a read forever) and folders that cannot be listed.
    static func discover(_ paths: [String], outputFolder: OutputFolder? = nil) throws -> Discovery {
        var found = Discovery()
        var seenFolders: Set<String> = []
        var seenFiles: Set<String> = []
        func add(_ path: String, problem: Localized? = nil) {
            if seenFiles.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted {
                found.inputs.append(Input(path: path, display: path, problem: problem))
            }
        }
        for p in paths {
            guard let kind = FileKind.of(p) else {
                throw UsageError(message: "“\(p)”不存在；请给出报告文件或报告所在的文件夹。\n       '\(p)' does not exist; give a report file or a folder of reports.")
            }
            guard kind == .folder else { add(p, problem: kind.problem); continue }
            var stack = [p]
            while let dir = stack.popLast() {
                let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
                guard seenFolders.insert(real).inserted else { continue }
                if let why = OutputFolder.isOutput(dir, of: outputFolder) {
                    found.notAudited.append(NotAudited(path: dir + "/", reason: why)); continue
                }
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                    found.inputs.append(Input(path: dir, display: dir + "/", problem: Localized(zh: "文件夹无法读取（权限不足），其中的报告未审核", en: "the folder cannot be read (permissions); the reports in it were not audited")))
                    continue
                }
                for name in names.sorted() {
                    let child = (dir as NSString).appendingPathComponent(name)
                    if let why = Clutter.reason(name) { found.notAudited.append(NotAudited(path: child, reason: why)); continue }
                    if name.hasPrefix(".") { continue }
                    // A dangling link: still an input, reported as unreadable.
                    guard let kind = FileKind.of(child) else { add(child, problem: FileKind.danglingLink); continue }
                    if kind == .folder { stack.append(child) } else { add(child, problem: kind.problem) }
                }
            }
        }
        found.inputs.sort { $0.display.unicodeScalars.lexicographicallyPrecedes($1.display.unicodeScalars) }
        found.notAudited.sort { $0.path.unicodeScalars.lexicographicallyPrecedes($1.path.unicodeScalars) }
        return found
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
    static func loadHistory(_ paths: [String], rules: RuleSet, outputFolder: OutputFolder? = nil, printNotes: Bool = true) throws -> [HistoryReport] {
        guard !paths.isEmpty else { return [] }
        let inputs = try discover(paths, outputFolder: outputFolder).inputs
        return parallelMap(inputs) { input -> HistoryReport? in
            guard input.problem == nil, case .text(let text) = InputReader.read(path: input.path) else {
                if printNotes { FileHandle.standardError.write(Data("warning: history file \(input.display) cannot be read; it is not compared\n".utf8)) }
                return nil
            }
            return AuditEngine.historyDocument(ReportParser.parse(text: text, source: input.display), rules: rules)
        }.compactMap { $0 }
    }

    /// `transform` over `items` on every core, results in input order.
    public static func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        Parallelism.map(items.count) { transform(items[$0]) }
    }

    /// Writes every output into the staging folder and puts it in place of the previous set in
    /// one step. A page that cannot be written is a finding on its report, not a failed run; the
    /// audits as written (with such findings) are returned.
    static func write(_ ranked: [ReportAudit], clusters: [ReuseCluster], hasReuseRule: Bool, run: RunInfo, exemptions: ExemptionSet? = nil,
                      pageMode: PageMode = .all, into folder: OutputFolder, lines: (ReportAudit) -> [String], times: StageTimes = StageTimes()) throws -> [ReportAudit] {
        let out = URL(fileURLWithPath: folder.staging)
        let reports = out.appendingPathComponent("reports")
        var ranked = ranked
        do {
            let t = StageTimes.now()
            // The tables and every report's page are independent: one pool of tasks on every
            // core, the large tables first so that they overlap the pages. The staging folder is
            // this run's own, so each file is written once in place (a temporary file and a
            // rename per page were most of the write stage in a folder of 200,000 files).
            func tables(_ ranked: [ReportAudit]) -> [(String, () -> String)] {
                var list: [(String, () -> String)] = [
                    ("audit.jsonl", { AuditJSONL.render(ranked, run) }),
                    ("ranking.md", { RankingMarkdown.render(ranked, run) }),
                    ("ranking.csv", { RankingCSV.render(ranked, run) }),
                ]
                if hasReuseRule {
                    list.append(("reuse.md", { ReuseReport.markdown(clusters, run) }))
                    list.append(("reuse.csv", { ReuseReport.csv(clusters, run) }))
                }
                if let ex = exemptions { list.append(("exemptions.md", { ExemptionReport.markdown(ranked, ex, run) })) }
                return list
            }
            let first = tables(ranked)
            let paged = ranked.indices.filter { pageMode.wants(ranked[$0]) }
            var pages = OutputNames.pages(for: paged.map { ranked[$0].file })
            let failures = Parallelism.map(first.count + paged.count) { k -> (table: Error?, page: Error?) in
                if k < first.count {
                    do { try plainWrite(first[k].1(), to: reports.deletingLastPathComponent().appendingPathComponent(first[k].0).path); return (nil, nil) }
                    catch { return (error, nil) }
                }
                var a = ranked[paged[k - first.count]]
                if a.lines.isEmpty { a.lines = lines(a) }
                let base = reports.appendingPathComponent(pages[a.file]!).path
                do {
                    try plainWrite(ReportMarkdown.render(a, run), to: base + ".md")
                    try plainWrite(HTMLReport.page(a, run, pages: pages), to: base + ".html")
                    return (nil, nil)
                } catch {
                    unlink(base + ".md"); unlink(base + ".html")
                    return (nil, error)
                }
            }
            if let e = failures.lazy.compactMap(\.table).first { throw e }
            // Pages that could not be written: a finding on the report, and the tables again with it.
            let failedPages = failures.dropFirst(first.count).enumerated().compactMap { i, f in f.page.map { (paged[i], $0) } }
            if !failedPages.isEmpty {
                for (i, error) in failedPages {
                    AuditEngine.markPageUnwritten(&ranked[i], reason: error.localizedDescription, language: run.language)
                    pages[ranked[i].file] = nil
                }
                for (name, render) in tables(ranked) { try plainWrite(render(), to: out.appendingPathComponent(name).path) }
            }
            times.addWall("write tables and pages", StageTimes.now() - t)
            try plainWrite(HTMLReport.index(ranked, run, pages: pages), to: out.appendingPathComponent("index.html").path)
            if let ex = exemptions {
                for w in ExemptionReport.warnings(ranked, ex) { FileHandle.standardError.write(Data((w + "\n").utf8)) }
            }
            try folder.commit()
            return ranked
        } catch let e as UsageError {
            throw e
        } catch {
            throw OutputFolder.error("无法把输出写入“\(folder.path)”：\(error.localizedDescription)；上一次的输出保持不变。请检查磁盘空间与权限，或用 --out 换一个文件夹",
                                     "cannot write the outputs to '\(folder.path)': \(error.localizedDescription); the previous outputs are unchanged. Check the disk space and permissions, or choose another folder with --out")
        }
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
