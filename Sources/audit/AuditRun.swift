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
    }

    /// An input file: where it is, and the name it is shown by.
    struct Input { var path: String; var display: String }

    static func execute(_ o: Options) throws -> Int32 {
        let inputs = try discover(o.paths)
        guard !inputs.isEmpty else { throw UsageError(message: "no files were found in \(o.paths.joined(separator: ", ")).") }
        var audits = [ReportAudit?](repeating: nil, count: inputs.count)
        let lock = NSLock()
        // Reports are independent: audit them on every core; results land by index, so output
        // order never depends on scheduling.
        DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
            let input = inputs[i]
            let audit: ReportAudit
            switch InputReader.read(path: input.path, displayName: input.display) {
            case .text(let text):
                audit = AuditEngine.audit(ReportParser.parse(text: text, source: input.display), rules: o.ruleSet, language: o.language)
            case .failure(let reason):
                audit = AuditEngine.unreadable(file: input.display, reason: reason, rules: o.ruleSet, language: o.language)
            }
            lock.lock(); audits[i] = audit; lock.unlock()
        }
        let ranked = Ranking.rank(audits.compactMap { $0 })
        let run = RunInfo(ruleSet: o.ruleSet, date: o.date, language: o.language)
        try write(ranked, run: run, to: o.outputFolder)

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

    static func write(_ ranked: [ReportAudit], run: RunInfo, to folder: String) throws {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: folder)
        let reports = out.appendingPathComponent("reports")
        do {
            try fm.createDirectory(at: reports, withIntermediateDirectories: true)
            // Outputs are written whole each run: per-report pages of an earlier run go.
            for name in (try? fm.contentsOfDirectory(atPath: reports.path)) ?? [] where name.hasSuffix(".md") {
                try? fm.removeItem(at: reports.appendingPathComponent(name))
            }
            try atomicWrite(RankingCSV.render(ranked, run), to: out.appendingPathComponent("ranking.csv"))
            try atomicWrite(RankingMarkdown.render(ranked, run), to: out.appendingPathComponent("ranking.md"))
            try atomicWrite(AuditJSONL.render(ranked, run), to: out.appendingPathComponent("audit.jsonl"))
            let pages = OutputNames.pages(for: ranked.map(\.file))
            for a in ranked {
                try atomicWrite(ReportMarkdown.render(a, run), to: reports.appendingPathComponent(pages[a.file]! + ".md"))
            }
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
