import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AuditRun {
    /// The corpus-wide rules over every prepared report (a file given twice is one report: it
    /// does not count as copying from itself, and shares its original's results), then each
    /// report's score; inputs that could not be read get their row.
    static func auditCorpus(_ pass: InputPass, options o: Options, outputFolder: OutputFolder, times: StageTimes) throws -> (audits: [ReportAudit], clusters: [ReuseCluster]) {
        var (prepared, inputOf) = pass.takePrepared()
        let duplicateOf = times.measure("duplicates") { duplicates(pass.inputs, pass.fingerprints) }
        let preparedIndex = Dictionary(uniqueKeysWithValues: prepared.enumerated().map { ($1.released.source, $0) })
        for i in prepared.indices where duplicateOf[prepared[i].released.source] != nil { prepared[i].excludeFromReuse() }
        let history = try loadHistory(o.historyPaths, rules: o.ruleSet, outputFolder: outputFolder, printNotes: o.printNotes)
        let clusters = times.measure("reuse") {
            AuditEngine.runCorpusRules(&prepared, history: history, rules: o.ruleSet) { k, released in
                pass.text(inputOf[k]).flatMap { AuditEngine.narrativeDocument(released, lines: ReportParser.splitLines($0), rules: o.ruleSet) }
            }
        }
        for i in prepared.indices {
            guard let original = duplicateOf[prepared[i].released.source], let j = preparedIndex[original] else { continue }
            for (ri, rule) in o.ruleSet.rules.enumerated() where rule.kind.isCorpusWide { prepared[i].results[ri] = prepared[j].results[ri] }
        }
        var audits = times.measure("score") { parallelMap(prepared) { AuditEngine.finish($0, rules: o.ruleSet, language: o.language, exemptions: o.exemptions) } }
        prepared = []
        for (file, reason) in pass.failures { audits.append(AuditEngine.unreadable(file: file, reason: reason, rules: o.ruleSet, language: o.language)) }
        for i in audits.indices {
            if let original = duplicateOf[audits[i].file] { AuditEngine.markDuplicate(&audits[i], of: original, language: o.language) }
        }
        AuditEngine.markSameReports(&audits, language: o.language)
        return (audits, clusters)
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
        let office = OfficeDocuments.convert(inputs.filter { $0.problem == nil && OfficeDocuments.isOffice($0.path) }.map(\.path))
        return parallelMap(inputs) { input -> HistoryReport? in
            let loaded = input.problem == nil ? InputReader.load(path: input.path, office: office) : nil
            guard let loaded, case .text(let text) = loaded.result else {
                if printNotes { FileHandle.standardError.write(Data("warning: history file \(input.display) cannot be read; it is not compared\n".utf8)) }
                return nil
            }
            return AuditEngine.historyDocument(ReportParser.parse(text: text, source: input.display, origin: loaded.origin), rules: rules)
        }.compactMap { $0 }
    }
}
