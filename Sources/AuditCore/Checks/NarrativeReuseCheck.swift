import AuditDocument
import Foundation

/// `narrative_reuse`: narrative passages copied between the audited reports, or carried over
/// from the same agency's earlier reports (`--history`). The official template's fixed wording
/// (the rule's `template_file` plus every label of the format) never counts. The deduction is
/// proportional to the share of the report's own narrative that is reused, capped at `points`.
/// This kind needs the whole corpus, so the engine runs it after every report is prepared.
public enum NarrativeReuseCheck: CorpusCheck {
    public struct Parameters: Sendable {
        public var settings: ReuseSettings
        /// Deduction per percent of the report's narrative that is reused.
        public var pointsPerPercent: Double
        public var compareHistory: Bool
        public var templateFile: String

        init(_ r: inout ParameterReader) {
            let minLength = r.integer("min_length", default: 50, in: 12...10_000)
            let minSimilarity = r.number("min_similarity", default: 0.8, in: 0.5...1)
            let maxReports = r.integer("max_reports_per_passage", default: 100, in: 2...1_000_000)
            let maxShare = r.number("max_share_per_passage", default: 0.25, in: 0.01...1)
            pointsPerPercent = r.number("points_per_percent", default: 0.5, in: 0...100)
            compareHistory = r.value("compare_history")?.bool ?? true
            let templateNode = r.value("template_file")
            templateFile = templateNode?.string ?? ""
            var phrases = NarrativeReuseCheck.builtInTemplatePhrases
            if templateFile.isEmpty {
                r.fail(nil, "'params: template_file' is required: the file of template wording that never counts as reuse (e.g. template-phrases.txt)")
            } else if let node = templateNode, let file = r.readFile(templateFile, node.file) {
                if let why = file.unreadable { r.fail(node, "template_file: \(why)") }
                phrases += file.text.split(whereSeparator: \.isNewline).map(String.init)
                    .filter { !$0.hasPrefix("#") && !TextNormalizer.trim($0).isEmpty }
            } else {
                r.fail(templateNode, "template_file '\(templateFile)' was not found beside the rule file")
            }
            settings = ReuseSettings(minLength: minLength, minSimilarity: minSimilarity, maxReportsPerPassage: maxReports, templatePhrases: phrases)
            settings.maxSharePerPassage = maxShare
        }
    }

    enum Variant: String, CheckVariant {
        case crossReport = "cross_report"
        case earlierYear = "earlier_year"

        var placeholders: [String] {
            switch self {
            case .crossReport: return ["others", "length", "similarity", "section"]
            case .earlierYear: return ["year", "length", "similarity", "section"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        "min_length: \(p.settings.minLength), min_similarity: \(p.settings.minSimilarity), max_share_per_passage: \(Format.number(p.settings.maxSharePerPassage)), points_per_percent: \(Format.number(p.pointsPerPercent)), template_file: \(p.templateFile), compare_history: \(p.compareHistory)"
    }

    /// Every label of the format: section titles, table headers and row labels.
    static var builtInTemplatePhrases: [String] {
        var out = TemplateLabels.sectionTitles + ["年政府信息公开工作年度报告", "年度政府信息公开工作年度报告"]
        for t in TemplateVersion.allCases {
            out += TemplateLabels.applicationSchema(t).rows.map(\.label) + TemplateLabels.applicationSchema(t).columns.map(\.label)
        }
        out += TemplateLabels.reviewSchema.columns.map(\.label) + TemplateLabels.keys2019 + TemplateLabels.keys2021
        out += TemplateLabels.proactiveTableLabels
        // Table 三's group headers (三、本年度办理结果, （三）不予公开…), which carry no values.
        out += TemplateLabels.applicationGroupHeaders.keys.sorted()
        return out
    }

    /// One region of a report that is shared, with the other places it appears.
    struct Region {
        var start: Int, end: Int
        var matched: Int
        var similarity: Double
        var partners: [(doc: Int, start: Int)]
    }

    /// Evaluates the rule over a corpus held in memory: one result per document, plus the
    /// clusters of shared passages for reuse.md / reuse.csv.
    /// Reports need only their sketches in memory: the narratives of candidate pairs are
    /// rebuilt (`context.reload`) for verification.
    static func evaluate(_ prepared: inout [PreparedReport], rule: RuleDefinition, at ri: Int, _ p: Parameters,
                         context: CorpusContext) -> [ReuseCluster] {
        let members = prepared.indices.filter { prepared[$0].sketch != nil && rule.condition.applies(to: prepared[$0].released) }
        let snapshot = prepared
        let (results, found) = evaluate(sketches: members.map { prepared[$0].sketch! }, history: context.history.compactMap(\.narrative), p) { k in
            snapshot[members[k]].narrative ?? context.reload(members[k], snapshot[members[k]].released)
        }
        for (k, i) in members.enumerated() { prepared[i].results[ri] = results[k] }
        for i in prepared.indices where prepared[i].results[ri] == nil && prepared[i].sketch != nil { prepared[i].results[ri] = .notApplicable }
        return found
    }

    static let examplesCompareWithHistory = false

    static let rowsKept: Set<String> = []

    public static func evaluate(_ docs: [NarrativeDocument], history: [NarrativeDocument], _ p: Parameters) -> (results: [CheckResult], clusters: [ReuseCluster]) {
        evaluate(sketches: docs.map(NarrativeSketch.init), history: history, p) { docs[$0] }
    }

    /// The same over sketches: `document(d)` rebuilds the full document of report `d`, and is
    /// called (on every core) only for reports in a candidate pair or with an earlier year to
    /// compare with, so a large corpus never holds every document at once. A document that
    /// cannot be rebuilt (its file changed during the run) makes that report "could not verify".
    public static func evaluate(sketches: [NarrativeSketch], history: [NarrativeDocument], _ p: Parameters,
                                document: (Int) -> NarrativeDocument?) -> (results: [CheckResult], clusters: [ReuseCluster]) {
        var (pairs, common) = ReuseDetector.candidatePairs(sketches, p.settings)
        // One agency's report of one year saved twice (a page and its text, a copy with other line
        // ends) is one report: it is not copied from itself. (`AuditEngine.sameReports` notes it.)
        pairs.removeAll { a, b in sketches[a].agencyName != nil && sketches[a].agencyName == sketches[b].agencyName && sketches[a].year != nil && sketches[a].year == sketches[b].year }
        let own = OwnHistory(sketches: sketches, history: history, compare: p.compareHistory)
        var needed = [Bool](repeating: false, count: sketches.count)
        for (a, b) in pairs { needed[a] = true; needed[b] = true }
        if !history.isEmpty { for d in sketches.indices where !own.earlier(sketches[d].agencyName, sketches[d].year).isEmpty { needed[d] = true } }
        var docs = [NarrativeDocument?](repeating: nil, count: sketches.count)
        let wanted = needed.indices.filter { needed[$0] }
        for (k, doc) in Parallelism.map(wanted.count, { document(wanted[$0]) }).enumerated() { docs[wanted[k]] = doc }
        let passages = ReuseDetector.verify(pairs, docs, p.settings, common: common)
        var perDoc = [[Span]](repeating: [], count: sketches.count)
        for sp in passages {
            perDoc[sp.a].append((sp.aStart, sp.aEnd, sp.matched, sp.similarity, sp.b, sp.bStart))
            perDoc[sp.b].append((sp.bStart, sp.bEnd, sp.matched, sp.similarity, sp.a, sp.aStart))
        }
        // Each agency's level once (a government compiles its departments' work, see `judge`).
        let levels = docs.map { $0.flatMap { AgencyLevel.classify($0.agency) } }
        let results = sketches.indices.map { d -> CheckResult in
            guard docs[d] != nil else {
                return needed[d] ? .from([.unverifiable(Localized(zh: "文件在审核过程中被修改或无法再次读取，未能比对", en: "the file changed or could not be read again during the run, so it was not compared"))]) : .from([])
            }
            return .from(judge(d, sketches: sketches, docs: docs, spans: perDoc[d], levels: levels, own: own, p))
        }
        return (results, ReuseCluster.build(docs, passages))
    }

    typealias Span = (start: Int, end: Int, matched: Int, similarity: Double, partner: Int, partnerStart: Int)

    /// The agencies' own earlier reports given with `--history` (a government's office is not the
    /// government); one already in the run is compared there, not twice.
    struct OwnHistory {
        let history: [NarrativeDocument]
        let names: [String?]
        let compare: Bool

        init(sketches: [NarrativeSketch], history: [NarrativeDocument], compare: Bool) {
            let inRun = Set(sketches.compactMap { s in s.agencyName.map { "\($0)|\(s.year ?? 0)" } })
            self.history = history
            self.compare = compare
            names = history.map { old -> String? in
                guard let name = AgencyName.key(old.agency), !inRun.contains("\(name)|\(old.year ?? 0)") else { return nil }
                return name
            }
        }

        func earlier(_ name: String?, _ year: Int?) -> [Int] {
            guard compare, let name else { return [] }
            return history.indices.filter { names[$0] == name && (history[$0].year ?? Int.min) < (year ?? Int.max) }
        }
    }

    /// What report `d` shares with the others of the run and with its own earlier years.
    static func judge(_ d: Int, sketches: [NarrativeSketch], docs: [NarrativeDocument?], spans all: [Span], levels: [AgencyLevel?],
                      own history: OwnHistory, _ p: Parameters) -> [Observation] {
        let doc = docs[d]!
        var obs: [Observation] = []
        // The same agency's report of another year in the same run: the later one copies the
        // earlier one (a finding of its own kind), never the other way round.
        let own = sketches[d].agencyName
        func sameAgency(_ other: Int) -> Bool { own != nil && sketches[other].agencyName == own }
        let laterOfSameAgency = { (o: Int) in sameAgency(o) && (docs[o]?.year ?? Int.min) > (doc.year ?? Int.max) }
        let earlierOfSameAgency = { (o: Int) in sameAgency(o) && (docs[o]?.year ?? Int.max) < (doc.year ?? Int.min) }
        // A government's report compiles its departments' work: a department that published
        // its text first is the source, not the copy.
        let compiledFrom = { (o: Int) -> Bool in
            guard let other = docs[o], other.year == doc.year, levels[o] == .government, levels[d] != .government,
                  let mine = doc.date, let theirs = other.date else { return false }
            return mine < theirs
        }
        let spans = all.filter { !laterOfSameAgency($0.partner) && !compiledFrom($0.partner) }
        for region in mergeRegions(spans.filter { earlierOfSameAgency($0.partner) }) {
            let last = region.partners.map { docs[$0.doc]! }.max { ($0.year ?? 0, $0.file) < ($1.year ?? 0, $1.file) }!
            let year = last.year.map(String.init) ?? "往"
            obs.append(observation(doc, region, .earlierYear, extra: ["year": Localized(zh: year, en: year)],
                                   sources: region.partners.map { SourceRef(file: docs[$0.doc]!.file, line: docs[$0.doc]!.line(at: $0.start)) }, p))
        }
        for region in mergeRegions(spans.filter { !earlierOfSameAgency($0.partner) }) {
            let others = region.partners.map { docs[$0.doc]! }
            let names = Array(Set(others.map { $0.agency ?? $0.file })).sorted()
            obs.append(observation(doc, region, .crossReport, extra: ["others": Localized(zh: names.joined(separator: "、"), en: names.joined(separator: ", "))],
                                   sources: region.partners.map { SourceRef(file: docs[$0.doc]!.file, line: docs[$0.doc]!.line(at: $0.start)) }, p))
        }
        for h in history.earlier(own, doc.year) {
            let old = history.history[h]
            let shared = ReuseDetector.pairPassages(doc, old, aIndex: d, bIndex: h, p.settings)
            for region in mergeRegions(shared.map { ($0.aStart, $0.aEnd, $0.matched, $0.similarity, h, $0.bStart) }) {
                let year = old.year.map(String.init) ?? "往"
                obs.append(observation(doc, region, .earlierYear, extra: ["year": Localized(zh: year, en: year)],
                                       sources: [SourceRef(file: old.file, line: old.line(at: region.partners[0].start))], p))
            }
        }
        return obs
    }

    static func observation(_ doc: NarrativeDocument, _ r: Region, _ variant: Variant, extra: [String: Localized], sources: [SourceRef], _ p: Parameters) -> Observation {
        let section = doc.section(at: r.start)
        var values = extra
        values["length"] = Localized(zh: String(r.matched), en: String(r.matched))
        values["similarity"] = Localized(zh: String(Int((r.similarity * 100).rounded())), en: String(Int((r.similarity * 100).rounded())))
        values["section"] = Localized(zh: section.map { "第\($0.numeral)部分" } ?? "正文", en: section.map { "section \($0.rawValue)" } ?? "the body")
        var o = Observation(.fail, variant, values: values, line: doc.line(at: r.start), excerpt: doc.excerpt(r.start, r.end))
        // The cost is this region's share of the report's own narrative.
        o.cost = p.pointsPerPercent * 100 * Double(doc.ownCount(r.start, r.end)) / Double(max(1, doc.ownCharacters))
        o.sources = sources
        o.relatedLines = (doc.lineIndex(at: r.start)...doc.lineIndex(at: max(r.start, r.end - 1))).map { Int(doc.lineNumbers[$0]) }
        return o
    }

    /// Overlapping shared spans of one document become one region listing every partner.
    static func mergeRegions(_ spans: [Span]) -> [Region] {
        var out: [Region] = []
        for s in spans.sorted(by: { ($0.start, $0.end, $0.partner) < ($1.start, $1.end, $1.partner) }) {
            if var last = out.last, s.start < last.end {
                last.end = max(last.end, s.end)
                last.matched = max(last.matched, s.matched)
                last.similarity = max(last.similarity, s.similarity)
                if !last.partners.contains(where: { $0.doc == s.partner }) { last.partners.append((s.partner, s.partnerStart)) }
                out[out.count - 1] = last
            } else {
                out.append(Region(start: s.start, end: s.end, matched: s.matched, similarity: s.similarity, partners: [(s.partner, s.partnerStart)]))
            }
        }
        return out
    }
}
