import AuditCore
import AuditDocument
import Foundation

/// The parallel pass over the inputs: each file read, decoded, parsed and audited by its own
/// rules on every core (results land by index, so order never depends on scheduling), its text
/// then released — what is kept per report is a few kilobytes. What reading a file again needs
/// (for reuse verification and the pages) stays here: its fingerprint, and the text of a PDF,
/// whose conversion costs more than keeping it.
final class InputPass {
    /// `.prepared` until the report is taken for the corpus stage, `.audited` after.
    enum Slot { case prepared(PreparedReport), audited, failed(Localized) }
    struct Loaded { var slot: Slot; var fingerprint: UInt64?; var keptText: String? }

    let inputs: [AuditRun.Input]
    private(set) var loaded: [Loaded]
    private(set) var bytesRead = 0
    private let encoding: TextEncoding?
    private var indexByFile: [String: Int] = [:]

    /// Memory the pass may spend on narratives and texts kept for later stages: beyond it they
    /// are read and rebuilt when needed, so a run of any size stays bounded. Each report keeps
    /// some 9 KB of results and sketches besides, so a large run keeps fewer texts: 384 MB for
    /// a few thousand reports, 134 MB at 100,000, 64 MB from 128,000 (100,000 reports then peak
    /// near 1.6 GB rather than 1.9 GB).
    static func retainedBytes(reports: Int) -> Int { max(64 << 20, (384 << 20) - reports * 2_560) }

    init(_ inputs: [AuditRun.Input], options o: AuditRun.Options, times: StageTimes) {
        self.inputs = inputs
        encoding = o.encoding
        let progress = o.showProgress ? Progress(total: inputs.count, language: o.language) : nil
        let budget = MemoryBudget(bytes: o.memoryMB.map { $0 << 20 } ?? InputPass.retainedBytes(reports: inputs.count))
        let bytesLock = NSLock()
        var bytes = 0
        let start = StageTimes.now()
        let officePaths = inputs.filter { $0.problem == nil && OfficeDocuments.isOffice($0.path) }.map(\.path)
        if !officePaths.isEmpty, o.printNotes {
            FileHandle.standardError.write(Data((o.language == .zh ? "正在用 LibreOffice 转换 \(officePaths.count) 个 .doc/.wps/.rtf/.odt 文件…\n"
                                                                 : "converting \(officePaths.count) .doc/.wps/.rtf/.odt files with LibreOffice…\n").utf8))
        }
        let office = officePaths.isEmpty ? OfficeDocuments() : times.measure("convert office documents") { OfficeDocuments.convert(officePaths) }
        loaded = AuditRun.parallelMap(inputs) { input -> Loaded in
            defer { progress?.advance() }
            if let problem = input.problem { return Loaded(slot: .failed(problem), fingerprint: nil, keptText: nil) }
            let file = times.measure("read", parallel: true) { InputReader.load(path: input.path, encoding: o.encoding, office: office) }
            switch file.result {
            case .text(let text):
                bytesLock.lock(); bytes += text.utf8.count; bytesLock.unlock()
                let report = times.measure("parse", parallel: true) { ReportParser.parse(text: text, source: input.display, origin: file.origin) }
                var prepared = times.measure("rules", parallel: true) { AuditEngine.prepare(report, rules: o.ruleSet) }
                // While the run has memory to spare, a report's narrative and text are kept: reuse
                // verification and the pages then need not read and rebuild them.
                prepared.releaseText(keepNarrative: prepared.narrative.map { budget.take($0.approximateBytes) } ?? false)
                // A converted text (PDF, office documents) is kept: converting again costs more.
                let format = InputFormat(fileExtension: (input.path as NSString).pathExtension)
                let keep = format == .pdf || format == .office || budget.take(text.utf8.count + 64)
                return Loaded(slot: .prepared(prepared), fingerprint: file.fingerprint, keptText: keep ? text : nil)
            case .failure(let reason): return Loaded(slot: .failed(reason), fingerprint: file.fingerprint, keptText: nil)
            }
        }
        progress?.finish()
        bytesRead = bytes
        times.addWall("read+parse+rules", StageTimes.now() - start)
        for (i, input) in inputs.enumerated() { indexByFile[input.display] = i }
    }

    /// Moves the prepared reports out (this pass keeps only what reading again needs), with the
    /// input index of each.
    func takePrepared() -> (prepared: [PreparedReport], inputOf: [Int]) {
        var prepared: [PreparedReport] = [], inputOf: [Int] = []
        for i in loaded.indices {
            if case .prepared(let p) = loaded[i].slot { prepared.append(p); inputOf.append(i); loaded[i].slot = .audited }
        }
        return (prepared, inputOf)
    }

    var fingerprints: [UInt64?] { loaded.map(\.fingerprint) }

    /// Inputs that could not be read, and why.
    var failures: [(file: String, reason: Localized)] {
        loaded.indices.compactMap { i in if case .failed(let r) = loaded[i].slot { return (inputs[i].display, r) } else { return nil } }
    }

    /// The text of input `i` again, if its bytes are the ones audited.
    func text(_ i: Int) -> String? {
        if let kept = loaded[i].keptText { return kept }
        let again = InputReader.load(path: inputs[i].path, encoding: encoding)
        guard again.fingerprint == loaded[i].fingerprint, case .text(let t) = again.result else { return nil }
        return t
    }

    /// A report's lines for its page: its text as audited; a file changed since is shown without it.
    func lines(_ a: ReportAudit) -> [String] {
        guard let i = indexByFile[a.file], case .audited = loaded[i].slot, let t = text(i) else { return [] }
        return ReportParser.splitLines(t)
    }
}
