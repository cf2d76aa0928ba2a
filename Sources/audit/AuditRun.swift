import AuditCore
import Dispatch
import Foundation

/// The `audit run` pipeline at the edge: discover inputs, read and decode them, audit them in
/// parallel, rank, write every output atomically, and choose the exit code.
enum AuditRun {
    struct Options {
        var paths: [String]
        var outputFolder: String
        var ruleSet: RuleSet
        var language: Language
        var failUnder: Double?
        var date: String
        var historyPaths: [String] = []
        var encoding: TextEncoding?
    }

    /// An input file: where it is, and the name it is shown by.
    struct Input { var path: String; var display: String }

    static func execute(_ o: Options) throws -> Int32 {
        let inputs = try discover(o.paths)
        guard !inputs.isEmpty else { throw UsageError(message: "no files were found in \(o.paths.joined(separator: ", ")).") }
        // Reports are independent until reuse detection: prepare them on every core; results land
        // by index, so output order never depends on scheduling.
        enum Slot { case prepared(PreparedReport), failed(Localized) }
        let slots = parallelMap(inputs) { input -> Slot in
            switch InputReader.read(path: input.path, displayName: input.display, encoding: o.encoding) {
            case .text(let text): return .prepared(AuditEngine.prepare(ReportParser.parse(text: text, source: input.display), rules: o.ruleSet))
            case .failure(let reason): return .failed(reason)
            }
        }
        var prepared: [PreparedReport] = []
        for s in slots { if case .prepared(let p) = s { prepared.append(p) } }
        // The same file given twice is one report: it must not count as copying from itself.
        let duplicateOf = duplicates(inputs)
        let preparedIndex = Dictionary(uniqueKeysWithValues: prepared.enumerated().map { ($1.report.source, $0) })
        for i in prepared.indices where duplicateOf[prepared[i].report.source] != nil { prepared[i].narrative = nil }
        let history = try loadHistory(o.historyPaths, rules: o.ruleSet)
        let clusters = AuditEngine.runCorpusRules(&prepared, history: history, rules: o.ruleSet)
        for i in prepared.indices {
            guard let original = duplicateOf[prepared[i].report.source], let j = preparedIndex[original] else { continue }
            for (ri, rule) in o.ruleSet.rules.enumerated() where rule.kind.isCorpusWide { prepared[i].results[ri] = prepared[j].results[ri] }
        }
        let finished = parallelMap(prepared) { AuditEngine.finish($0, rules: o.ruleSet, language: o.language) }
        var audits = finished
        for (i, s) in slots.enumerated() {
            if case .failed(let reason) = s { audits.append(AuditEngine.unreadable(file: inputs[i].display, reason: reason, rules: o.ruleSet, language: o.language)) }
        }
        for i in audits.indices {
            if let original = duplicateOf[audits[i].file] { AuditEngine.markDuplicate(&audits[i], of: original, language: o.language) }
        }
        let ranked = Ranking.rank(audits)
        let run = RunInfo(ruleSet: o.ruleSet, date: o.date, language: o.language)
        try write(ranked, clusters: clusters, hasReuseRule: o.ruleSet.rules.contains { $0.kind == .narrativeReuse }, run: run, to: o.outputFolder)

        for a in ranked {
            print("\(a.rank)\t\(Format.score(a.score))\t\(a.grade)\t\(a.displayName)\t\(a.file)\t" +
                  (o.language == .zh ? "错误\(a.errorCount) 警告\(a.warningCount) 核验\(a.verifiedRules)/\(a.applicableRules)"
                                     : "errors \(a.errorCount), warnings \(a.warningCount), verified \(a.verifiedRules)/\(a.applicableRules)"))
        }
        FileHandle.standardError.write(Data("audited \(ranked.count) file(s) with rule set '\(o.ruleSet.name)'; outputs in \(o.outputFolder)/\n".utf8))
        if let threshold = o.failUnder, ranked.contains(where: { $0.score < threshold }) { return 1 }
        return 0
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
    static func duplicates(_ inputs: [Input]) -> [String: String] {
        let prints = parallelMap(inputs) { InputReader.fingerprint(path: $0.path) }
        var first: [UInt64: String] = [:]
        var duplicateOf: [String: String] = [:]
        for (i, p) in prints.enumerated() {
            guard let p else { continue }
            if let f = first[p] { duplicateOf[inputs[i].display] = f } else { first[p] = inputs[i].display }
        }
        return duplicateOf
    }

    /// Reports of earlier years (`--history`): parsed for comparison only, never audited.
    static func loadHistory(_ paths: [String], rules: RuleSet) throws -> [NarrativeDocument] {
        guard !paths.isEmpty else { return [] }
        let inputs = try discover(paths)
        return parallelMap(inputs) { input -> NarrativeDocument? in
            guard case .text(let text) = InputReader.read(path: input.path, displayName: input.display) else {
                FileHandle.standardError.write(Data("warning: history file \(input.display) cannot be read; it is not compared\n".utf8))
                return nil
            }
            return AuditEngine.historyDocument(ReportParser.parse(text: text, source: input.display), rules: rules)
        }.compactMap { $0 }
    }

    /// `transform` over `items` on every core, results in input order.
    static func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let r = transform(items[i])
            lock.lock(); results[i] = r; lock.unlock()
        }
        return results.map { $0! }
    }

    static func write(_ ranked: [ReportAudit], clusters: [ReuseCluster], hasReuseRule: Bool, run: RunInfo, to folder: String) throws {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: folder)
        let reports = out.appendingPathComponent("reports")
        do {
            try fm.createDirectory(at: reports, withIntermediateDirectories: true)
            // Outputs are written whole each run: per-report pages of an earlier run go.
            for name in (try? fm.contentsOfDirectory(atPath: reports.path)) ?? [] where name.hasSuffix(".md") || name.hasSuffix(".html") {
                try? fm.removeItem(at: reports.appendingPathComponent(name))
            }
            try atomicWrite(RankingCSV.render(ranked, run), to: out.appendingPathComponent("ranking.csv"))
            try atomicWrite(RankingMarkdown.render(ranked, run), to: out.appendingPathComponent("ranking.md"))
            try atomicWrite(AuditJSONL.render(ranked, run), to: out.appendingPathComponent("audit.jsonl"))
            if hasReuseRule {
                try atomicWrite(ReuseReport.markdown(clusters, run), to: out.appendingPathComponent("reuse.md"))
                try atomicWrite(ReuseReport.csv(clusters, run), to: out.appendingPathComponent("reuse.csv"))
            }
            let pages = OutputNames.pages(for: ranked.map(\.file))
            for a in ranked {
                try atomicWrite(ReportMarkdown.render(a, run), to: reports.appendingPathComponent(pages[a.file]! + ".md"))
                try atomicWrite(HTMLReport.page(a, run, pages: pages), to: reports.appendingPathComponent(pages[a.file]! + ".html"))
            }
            try atomicWrite(HTMLReport.index(ranked, run, pages: pages), to: out.appendingPathComponent("index.html"))
        } catch let e as UsageError {
            throw e
        } catch {
            throw UsageError(message: "cannot write the outputs to '\(folder)': \(error.localizedDescription). Choose another folder with --out.")
        }
    }

    /// Temporary file, then rename: an interrupted run never leaves half a file.
    static func atomicWrite(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
