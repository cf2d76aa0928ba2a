import AuditDocument
import Foundation

/// Fingerprinting parameters and the template k-grams that never count.
public struct ReuseSettings: Sendable {
    public var k: Int
    public var window: Int
    public var minLength: Int
    public var minSimilarity: Double
    /// A k-gram found in more reports than this is treated as common wording.
    public var maxReportsPerPassage: Int
    /// …or in more than this share of the reports, if in at least `minCommonReports`: a passage
    /// most reports of a run share is the convention of the place, not a copy.
    public var maxSharePerPassage: Double = 0.25
    public static let minCommonReports = 5

    /// How many reports may share a passage before it counts as common wording: more than the
    /// share, and at least `minCommonReports` (five reports of five sharing it is the convention).
    func commonCutoff(documents: Int) -> Int {
        min(maxReportsPerPassage, max(ReuseSettings.minCommonReports - 1, Int((maxSharePerPassage * Double(documents)).rounded(.down))))
    }
    /// Characters of edit between two exact runs that still count as one passage.
    public var gap: Int
    var templateHashes: Set<UInt64>
    /// Template phrases shorter than a window, by their first two characters: masked by exact
    /// occurrence (第二十条第(五)项 is seven characters).
    var shortPhrases: [UInt32: [[UInt16]]]
    /// Set lookups hashed every k-gram and character pair of every report: a bit filter in
    /// front answers most of them "no" with one load.
    var templateFilter: BitFilter
    var shortPhraseFilter: BitFilter

    /// Keys two sketches must share to be compared in full (see `candidatePairs`).
    var minSharedKeys: Int { max(3, Int((Double(minLength) * 2 / Double(window + 1) / 3).rounded())) }

    static let base: UInt64 = 1_000_003
    /// Marks a section boundary in normalized text; never part of a match.
    static let boundary: UInt16 = 0xFFFF

    public init(k: Int = 10, window: Int = 6, minLength: Int = 50, minSimilarity: Double = 0.8,
                maxReportsPerPassage: Int = 100, gap: Int = 24, templatePhrases: [String]) {
        self.k = k; self.window = window; self.minLength = minLength; self.minSimilarity = minSimilarity
        self.maxReportsPerPassage = maxReportsPerPassage; self.gap = gap
        var hashes = Set<UInt64>()
        var short: [UInt32: [[UInt16]]] = [:]
        for phrase in templatePhrases {
            let t = ReuseSettings.normalize(phrase)
            if t.count >= k { ReuseSettings.kgramHashes(t, k: k) { h, _ in hashes.insert(h) } }
            else if t.count >= 3 { short[UInt32(t[0]) << 16 | UInt32(t[1]), default: []].append(t) }
        }
        templateHashes = hashes
        shortPhrases = short
        templateFilter = BitFilter(hashes)
        shortPhraseFilter = BitFilter(short.keys.map(UInt64.init))
    }

    /// Normalized characters of a text.
    static func normalize(_ s: String) -> [UInt16] {
        var out: [UInt16] = [], offsets: [Int32] = []
        out.reserveCapacity(s.utf8.count)
        normalize(s[...], from: 0, into: &out, offsets: &offsets)
        return out
    }

    /// Appends the normalized characters of `s` to `out`, and to `offsets` where each came from
    /// (`from` is the scalar position of `s` in its line).
    static func normalize(_ s: Substring, from: Int, into out: inout [UInt16], offsets: inout [Int32]) {
        var position = from
        for u in s.unicodeScalars {
            if let f = TextNormalizer.foldScalar(u) { append(f, at: position, to: &out, offsets: &offsets) }
            position += 1
        }
    }

    /// One folded scalar, normalized: CJK ideographs and letters kept (lower case), a run of digits
    /// one `0` (years and counts change between copies, and a phone number or a date must not
    /// match another report's because both are long runs of zeros), everything else dropped.
    @inline(__always)
    static func append(_ f: Unicode.Scalar, at position: Int, to out: inout [UInt16], offsets: inout [Int32]) {
        let v = f.value
        let c: UInt16
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: c = UInt16(v)
        case 0x30...0x39:
            if out.last == 0x30 { return }
            c = 0x30
        case 0x41...0x5A: c = UInt16(v + 0x20)
        case 0x61...0x7A: c = UInt16(v)
        default: return
        }
        out.append(c); offsets.append(Int32(position))
    }

    static func kgramHashes(_ t: [UInt16], k: Int, _ body: (UInt64, Int) -> Void) {
        guard t.count >= k else { return }
        var power: UInt64 = 1
        for _ in 1..<k { power = power &* base }
        var h: UInt64 = 0
        for i in 0..<k { h = h &* base &+ UInt64(t[i]) }
        body(h, 0)
        var i = k
        while i < t.count {
            h = (h &- UInt64(t[i - k]) &* power) &* base &+ UInt64(t[i])
            body(h, i - k + 1)
            i += 1
        }
    }

    /// Own characters shorter than this between template wording are what is left of a table
    /// whose labels were masked (`三不予公开`, `总计`, a figure): a report whose tables are read as
    /// narrative (no section found, or a table flattened into a paragraph) must not share its
    /// template's residue with every other report.
    static let minOwnRun = 6

    /// Marks as template each run of own characters shorter than `minOwnRun` that has template
    /// wording (or the text's edge) on both sides.
    static func maskResidue(_ template: inout [Bool]) {
        for run in runs(of: false, in: template) where run.count < minOwnRun { for k in run { template[k] = true } }
    }

    /// The maximal runs of `value` in `flags`.
    static func runs(of value: Bool, in flags: [Bool]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < flags.count {
            guard flags[i] == value else { i += 1; continue }
            var j = i
            while j < flags.count && flags[j] == value { j += 1 }
            out.append(i..<j)
            i = j
        }
        return out
    }

    /// The lines from the title to the signature: the report, without the page around it. The
    /// signature counts only below the last heading (a crawler's stamp at the top is no end).
    static func bodyLines(_ report: Report) -> ClosedRange<Int> {
        var start = report.titleLine ?? 1
        // A saved page names the report in its browser title, then its menus, then the title
        // again over the article: the body starts at the last title line before the first section.
        if let first = report.sections.map(\.headingLine).min(), first - 1 > start, first - 1 <= report.lines.count {
            for n in stride(from: first - 1, to: start, by: -1) {
                let line = report.lines[n - 1]
                guard line.utf8.count <= 240, line.has("年度报告") || line.has("年报") else { continue }
                let c = TextNormalizer.compact(line)
                if c.unicodeScalars.count <= 60, !c.has("。"), c.hasSuffix("报告") || c.hasSuffix("年报") { start = n; break }
            }
        }
        var end = Int.max
        if let lastHeading = report.sections.map(\.headingLine).max(), let signed = report.publicationDate?.line, signed > lastHeading { end = signed }
        return start <= end ? start...end : 1...Int.max
    }

    /// Winnowing: the smallest hash of each window of `window` k-grams; template k-grams are never
    /// chosen. Any shared run of window + k − 1 characters shares a fingerprint.
    static func winnow(_ hashes: [UInt64], isTemplate: [Bool], window: Int) -> [(hash: UInt64, position: Int32)] {
        var prints: [(hash: UInt64, position: Int32)] = []
        guard !hashes.isEmpty else { return prints }
        var lastChosen = -1
        let w = min(window, hashes.count)
        for start in 0...(hashes.count - w) {
            var best = -1
            for j in start..<(start + w) {
                if isTemplate[j] { continue }
                if best < 0 || hashes[j] <= hashes[best] { best = j }
            }
            if best >= 0 && best != lastChosen {
                prints.append((hashes[best], Int32(best)))
                lastChosen = best
            }
        }
        return prints
    }

    /// Builds the document of a report: its narrative paragraphs, normalized and fingerprinted.
    public func document(_ report: Report) -> NarrativeDocument {
        var buffer = NarrativeBuffer()
        var starts: [Int32] = [], numbers: [Int32] = [], sections: [UInt8] = [], texts: [String] = []
        let body = ReuseSettings.bodyLines(report)
        for p in report.paragraphs {
            for piece in p.pieces {
                let n = piece.line
                // A saved page's menus above the title and its footer under the signature are the
                // site's, the same under every report of the site: not narrative.
                guard body.contains(n) else { continue }
                let raw = report.text(piece)
                // The title is no narrative: every report's title says the same.
                if n == report.titleLine && raw.unicodeScalars.count <= 80 { continue }
                // A section boundary: a passage never runs from one section into the next.
                let section = UInt8(p.section?.rawValue ?? 0)
                if let previous = sections.last, previous != section { buffer.appendBoundary() }
                starts.append(Int32(buffer.text.count)); numbers.append(Int32(n))
                sections.append(section); texts.append(raw)
                buffer.append(piece: raw)
            }
        }
        let text = buffer.text, offsets = buffer.offsets, metadata = buffer.flags
        if starts.isEmpty { starts = [0]; numbers = [1]; sections = [0]; texts = [""] }
        var template = metadata
        if text.count >= 2 {
            for i in 0..<(text.count - 1) {
                let pair = UInt32(text[i]) << 16 | UInt32(text[i + 1])
                guard shortPhraseFilter.mayContain(UInt64(pair)), let candidates = shortPhrases[pair] else { continue }
                for p in candidates where i + p.count <= text.count && text[i..<(i + p.count)].elementsEqual(p) {
                    for j in i..<(i + p.count) { template[j] = true }
                }
            }
        }
        var hashes: [UInt64] = []
        var isTemplate: [Bool] = []
        hashes.reserveCapacity(max(0, text.count - k + 1))
        isTemplate.reserveCapacity(max(0, text.count - k + 1))
        ReuseSettings.kgramHashes(text, k: k) { h, i in
            let t = templateFilter.mayContain(h) && templateHashes.contains(h)
            if t { for j in i..<(i + k) { template[j] = true } }
            hashes.append(h); isTemplate.append(t)
        }
        // After all template wording is known: what is left between it.
        ReuseSettings.maskResidue(&template)
        let prints = ReuseSettings.winnow(hashes, isTemplate: isTemplate, window: window)
        let own = template.reduce(0) { $0 + ($1 ? 0 : 1) }
        return NarrativeDocument(file: report.source, agency: report.agency,
                                 year: report.year, date: report.publicationDate, text: text, template: template,
                                 lineStarts: starts, lineNumbers: numbers, lineSections: sections, lineTexts: texts, rawOffsets: offsets,
                                 sortedPrints: prints.sorted { ($0.hash, $0.position) < ($1.hash, $1.position) }, ownCharacters: own)
    }
}
