import Foundation
import Dispatch

/// The narrative of one report prepared for reuse detection: normalized characters (CJK
/// ideographs, letters, digits folded to `0`; punctuation and white space dropped, so width
/// variants, spacing and changed years do not hide a copy), a map back to source lines, which
/// characters are template wording, and the winnowed fingerprints.
public struct NarrativeDocument: Sendable {
    public var file: String
    public var agency: String?
    /// The agency name folded for matching across years (`保安镇人民政府` ~ `保安镇`).
    public var agencyKey: String?
    public var year: Int?
    public var date: ReportDate?
    var text: [UInt16]
    /// Template characters do not count as reuse.
    var template: [Bool]
    /// Per narrative source line: where it starts in `text`, its number, its section.
    var lineStarts: [Int32]
    var lineNumbers: [Int32]
    var lineSections: [UInt8]
    var lineTexts: [String]
    /// For each character of `text`, its position (in Unicode scalars) in its line's text; -1 for
    /// a section boundary. Cites exactly the shared words, not the whole piece around them.
    var rawOffsets: [Int32]
    /// The winnowed fingerprints sorted by hash, for merging.
    var sortedPrints: [(hash: UInt64, position: Int32)]
    /// Characters of narrative that are not template wording: the denominator of the reused share.
    public var ownCharacters: Int

    static func agencyKey(_ name: String?) -> String? {
        guard var k = name.map(TextNormalizer.compact), !k.isEmpty else { return nil }
        for suffix in ["人民政府办公室", "人民政府", "街道办事处", "办事处", "政府"] where k.hasSuffix(suffix) && k.count > suffix.count + 1 {
            k = String(k.dropLast(suffix.count)); break
        }
        return k
    }

    /// The source line of a position in `text`.
    func line(at position: Int) -> Int {
        lineNumbers[lineIndex(at: position)].asInt
    }

    func lineIndex(at position: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= position { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }

    /// The original text a span covers: from its first shared character to its last.
    func excerpt(_ start: Int, _ end: Int, limit: Int = 240) -> String {
        let a = lineIndex(at: start), b = lineIndex(at: max(start, end - 1))
        func slice(_ k: Int, _ lo: Int32?, _ hi: Int32?) -> String {
            let u = Array(lineTexts[k].unicodeScalars)
            let l = max(0, Int(lo ?? 0)), h = min(u.count, hi.map { Int($0) } ?? u.count)
            return l < h ? String(String.UnicodeScalarView(u[l..<h])) : ""
        }
        let first = start < rawOffsets.count && rawOffsets[start] >= 0 ? rawOffsets[start] : nil
        let last = end - 1 < rawOffsets.count && end > 0 && rawOffsets[end - 1] >= 0 ? rawOffsets[end - 1] + 1 : nil
        var t: String
        if a == b {
            t = TextNormalizer.trim(slice(a, first, last))
        } else {
            t = TextNormalizer.trim(slice(a, first, nil))
            for k in (a + 1)..<b { t += TextNormalizer.trim(lineTexts[k]) }
            t += TextNormalizer.trim(slice(b, nil, last))
        }
        return t.count <= limit ? t : String(t.prefix(limit)) + "…"
    }

    func section(at position: Int) -> SectionKind? {
        SectionKind(rawValue: Int(lineSections[lineIndex(at: position)]))
    }

    /// Each narrative piece as normalized for reuse detection, with the wording that does not
    /// count (template, metadata, page chrome, figures) in ⟦⟧: what `audit dump --narrative` shows.
    public func annotated() -> [(line: Int, text: String)] {
        var out: [(line: Int, text: String)] = []
        for k in lineStarts.indices {
            let a = Int(lineStarts[k]), b = k + 1 < lineStarts.count ? Int(lineStarts[k + 1]) : text.count
            var s = "", inTemplate = false
            for i in a..<b where text[i] != ReuseSettings.boundary {
                if template[i] != inTemplate { s += template[i] ? "⟦" : "⟧"; inTemplate = template[i] }
                s += String(decoding: [text[i]], as: UTF16.self)
            }
            if inTemplate { s += "⟧" }
            out.append((Int(lineNumbers[k]), s))
        }
        return out
    }

    func ownCount(_ start: Int, _ end: Int) -> Int {
        var n = 0
        for i in start..<end where !template[i] { n += 1 }
        return n
    }
}

extension Int32 { var asInt: Int { Int(self) } }

/// What reuse detection keeps of a report until it knows which reports share wording with
/// another: its fingerprints as sorted, unique 32-bit keys (about 2 KB a report, against ~25 KB
/// for the whole document). Full documents are rebuilt only for the reports that need them.
public struct NarrativeSketch: Sendable {
    public var agencyKey: String?
    public var year: Int?
    var keys: [UInt32]

    public init(_ doc: NarrativeDocument) {
        agencyKey = doc.agencyKey; year = doc.year
        var keys = doc.sortedPrints.map { NarrativeSketch.key($0.hash) }
        keys.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(keys.count)
        for k in keys where k != unique.last { unique.append(k) }
        self.keys = unique
    }

    /// A fingerprint hash mixed down to 32 bits. Two passages with the same key but different
    /// text only make an extra candidate pair, which verification on the full text rejects.
    @inline(__always)
    static func key(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) }
}

/// Where work runs on every core. Results always land by index, so output never depends on
/// scheduling; `sequential` (AUDIT_THREADS=1) runs everything on one thread, which the tests use
/// to prove exactly that.
public enum Parallelism {
    nonisolated(unsafe) public static var sequential = false

    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if sequential || count < 2 { for i in 0..<count { body(i) } } else { DispatchQueue.concurrentPerform(iterations: count, execute: body) }
    }

    /// `body(i)` for every i in 0..<count on every core, results in index order.
    public static func map<R>(_ count: Int, _ body: (Int) -> R) -> [R] {
        var results = [R?](repeating: nil, count: count)
        let lock = NSLock()
        forEach(count) { i in
            let r = body(i)
            lock.lock(); results[i] = r; lock.unlock()
        }
        return results.map { $0! }
    }
}

/// Fingerprinting parameters and the template k-grams that never count.
public struct ReuseSettings: Sendable {
    public var k: Int
    public var window: Int
    public var minLength: Int
    public var minSimilarity: Double
    /// A k-gram found in more reports than this is treated as common wording.
    public var maxReportsPerPassage: Int
    /// …or in more than this share of the reports (but always at least `minCommonReports`): a
    /// passage most reports of a run share is the convention of the place, not a copy.
    public var maxSharePerPassage: Double = 0.25
    public static let minCommonReports = 5

    /// How many reports may share a passage before it counts as common wording.
    func commonCutoff(documents: Int) -> Int {
        min(maxReportsPerPassage, max(ReuseSettings.minCommonReports, Int((maxSharePerPassage * Double(documents)).rounded(.up))))
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

    /// Sentences of a line, each keeping its closing punctuation.
    static func sentences(_ line: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            i = scalars.index(after: i)
            switch u {
            case "。", "；", ";", "！", "!", "？", "?":
                out.append(Substring(scalars[start..<i])); start = i
            default: continue
            }
        }
        if start < scalars.endIndex { out.append(Substring(scalars[start...])) }
        return out
    }

    /// Sentences every report writes the same way by prescription — the statistics period, where
    /// the electronic version is, whom to contact — are report metadata, not narrative.
    static let metadataMarkers = ["统计期限", "统计时限", "统计数据期限", "电子版", "如有疑问", "有疑问", "邮编", "邮政编码", "联系电话", "联系方式：", "网址",
                                  // Web page chrome and crawler headers around the report.
                                  "发布时间:", "发布日期:", "原文链接", "本地目录", "页面链接", "发布机构:", "栏目:", "文号:", "索引号", "来源:", "浏览次数", "打印本页", "关闭窗口", "分享到", "字号:", "http:", "https:"]
    static let metadataPhrases = PhraseSet(metadataMarkers + [
        // Page chrome saved with the report: breadcrumbs, sharing widgets, attachment links.
        "当前位置", "QQ空间", "全真版", "文字版", "相关链接", "附件下载", "文件下载", "扫一扫", "打印本页", "【打印】", "【关闭】", "返回顶部", "责任编辑",
        // A crawler's separator line (`==== 正文 ====`), and contact details.
        "====", "电话:", "传真:", "邮箱:", "地址:", "联系人:", "电子邮箱", "办公电话"])

    /// The standard opening and closing of a report: it says what the report is, by which
    /// regulation, and that it was compiled (编制), not what the agency did; and the list of the
    /// format's parts (本报告包括总体情况、主动公开…等六个部分).
    static func isFormulaSentence(_ s: Substring) -> Bool {
        // Every formula names the report or the fee: most sentences are ruled out by two searches.
        // (报 and 费 also catch them spaced out, `报 告`.)
        guard s.has("报") || s.has("费") else { return false }
        let c = TextNormalizer.compact(String(s))
        return (c.has("编制") && c.has("报告")) || c.has("年度报告") && (c.has("条例") || c.has("组成")) || c.has("处理费")
            || ((c.has("根据") || c.has("依据") || c.has("按照")) && c.has("条例") && (c.has("报告") || c.has("年报")))
            || (c.has("报告") && (c.has("包括") || c.has("组成") || c.has("分为")) && (c.has("部分") || c.has("总体情况")))
    }

    /// Where a line cites documents, in scalar positions: a title in 《》 and a parenthesised
    /// document number (`（岚综管办〔2020〕80号）`). Every report cites the same notices; a citation
    /// is not copied prose.
    static func citations(_ line: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var titleStart: Int?, parenStart: Int?, parenHasNumber = false
        for (i, u) in line.unicodeScalars.enumerated() {
            switch u {
            case "《": titleStart = titleStart ?? i
            case "》": if let s = titleStart { out.append(s..<(i + 1)); titleStart = nil }
            case "（", "(": parenStart = i; parenHasNumber = false
            case "〔", "[", "【", "号": if parenStart != nil { parenHasNumber = true }
            case "）", ")":
                if let s = parenStart, parenHasNumber { out.append(s..<(i + 1)) }
                parenStart = nil
            default: continue
            }
        }
        return out
    }

    /// The marks that end a clause within a sentence.
    @inline(__always)
    static func endsClause(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", ",", "、", "；", ";", "：", ":": return true
        default: return false
        }
    }

    /// Units a figure is counted in (件, 条, 万元, %…): a clause with a figure in one of them is a
    /// statement of a statistic, written the same way by every agency.
    @inline(__always)
    static func isFigureUnit(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "件", "条", "份", "个", "次", "项", "起", "篇", "人", "户", "家", "所", "万", "元", "%", "名", "期", "场", "批", "余", "宗", "封", "台", "部", "类", "天", "小", "分", "处": return true
        default: return false
        }
    }


    static func isMetadataSentence(_ s: Substring) -> Bool {
        metadataPhrases.occurs(in: TextNormalizer.compact(String(s)))
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

    /// Builds the document of a report: its narrative paragraphs, normalized and fingerprinted.
    public func document(_ report: Report) -> NarrativeDocument {
        var buffer = NarrativeBuffer()
        var starts: [Int32] = [], numbers: [Int32] = [], sections: [UInt8] = [], texts: [String] = []
        for p in report.paragraphs {
            for piece in p.pieces {
                let n = piece.line
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
        // Winnowing: the smallest hash of each window of `window` k-grams; template k-grams are
        // never chosen. Any shared run of window + k − 1 characters shares a fingerprint.
        var prints: [(hash: UInt64, position: Int32)] = []
        if !hashes.isEmpty {
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
        }
        let own = template.reduce(0) { $0 + ($1 ? 0 : 1) }
        return NarrativeDocument(file: report.source, agency: report.agency, agencyKey: NarrativeDocument.agencyKey(report.agency),
                                 year: report.year, date: report.publicationDate, text: text, template: template,
                                 lineStarts: starts, lineNumbers: numbers, lineSections: sections, lineTexts: texts, rawOffsets: offsets,
                                 sortedPrints: prints.sorted { ($0.hash, $0.position) < ($1.hash, $1.position) }, ownCharacters: own)
    }
}

/// A passage shared by two documents: a span in each, and how alike they are.
public struct SharedPassage: Sendable {
    public var a: Int, b: Int
    public var aStart: Int, aEnd: Int, bStart: Int, bEnd: Int
    /// Matching characters that are not template wording.
    public var matched: Int
    public var similarity: Double
}

/// Finds passages shared between documents through an inverted index of fingerprints: work
/// grows with the number of fingerprints, not with the number of report pairs.
public enum ReuseDetector {
    /// Pairs of documents worth comparing in full, and the fingerprint keys of common wording.
    ///
    /// 1. Every key's document frequency, one slice of the key space at a time (so the flat
    ///    array being sorted stays small): wording found in more than `maxReportsPerPassage`
    ///    reports is common, not copied, and is ignored everywhere.
    /// 2. A pair of documents is a candidate when it shares `minSharedKeys` of the remaining
    ///    keys: about a third of the fingerprints a copied passage of `minLength` characters
    ///    carries (one every (window + 1) / 2 characters: fourteen for 50 characters, so five
    ///    are asked for). Pairs that only share a few short stock phrases (three or four keys)
    ///    were nine in ten of the pairs sharing anything on the benchmark corpus, and each costs
    ///    rebuilding two full documents.
    /// Work grows with the number of fingerprints and candidate pairs, not report pairs.
    public static func candidatePairs(_ sketches: [NarrativeSketch], _ s: ReuseSettings) -> (pairs: [(Int, Int)], common: Set<UInt32>) {
        // An inverted index of the keys shared by 2…maxReportsPerPassage documents, built one
        // slice of the key space at a time; each document lists the postings it is in.
        var common = Set<UInt32>()
        var postingStarts: [UInt32] = [0]
        var postingDocs: [UInt32] = []
        var docPostings = [[UInt32]](repeating: [], count: sketches.count)
        let slices: UInt64 = 16
        var entries: [UInt64] = []
        for slice in 0..<slices {
            let lo = UInt32(slice << 28), hiExclusive = (slice + 1) << 28
            entries.removeAll(keepingCapacity: true)
            for (d, sketch) in sketches.enumerated() {
                var i = lowerBound(sketch.keys, lo)
                while i < sketch.keys.count, UInt64(sketch.keys[i]) < hiExclusive {
                    entries.append(UInt64(sketch.keys[i]) << 32 | UInt64(d)); i += 1
                }
            }
            entries.sort()
            var i = 0
            while i < entries.count {
                let key = UInt32(entries[i] >> 32)
                var j = i
                while j < entries.count && UInt32(entries[j] >> 32) == key { j += 1 }
                let size = j - i
                if size > s.commonCutoff(documents: sketches.count) {
                    common.insert(key)
                } else if size >= 2 {
                    let posting = UInt32(postingStarts.count - 1)
                    for e in entries[i..<j] {
                        postingDocs.append(UInt32(truncatingIfNeeded: e))
                        docPostings[Int(UInt32(truncatingIfNeeded: e))].append(posting)
                    }
                    postingStarts.append(UInt32(postingDocs.count))
                }
                i = j
            }
        }
        entries = []
        // Each document counts the later documents it shares keys with, in a counter of its own
        // chunk: no table of every pair sharing one key (which grows far faster than the corpus).
        let minShared = UInt16(s.minSharedKeys)
        let n = sketches.count
        let chunk = 256
        let chunks = (n + chunk - 1) / chunk
        let partners = Parallelism.map(chunks) { c -> [(Int, Int)] in
            var counts = [UInt16](repeating: 0, count: n)
            var touched: [Int] = []
            var out: [(Int, Int)] = []
            for d in (c * chunk)..<min(n, (c + 1) * chunk) {
                for posting in docPostings[d] {
                    for k in Int(postingStarts[Int(posting)])..<Int(postingStarts[Int(posting) + 1]) {
                        let e = Int(postingDocs[k])
                        guard e > d else { continue }
                        if counts[e] == 0 { touched.append(e) }
                        if counts[e] < UInt16.max { counts[e] += 1 }
                    }
                }
                touched.sort()
                for e in touched {
                    if counts[e] >= minShared { out.append((d, e)) }
                    counts[e] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            return out
        }
        return (partners.flatMap { $0 }, common)
    }

    static func lowerBound(_ a: [UInt32], _ v: UInt32) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] < v { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The passages of each candidate pair, verified on the full documents on every core.
    public static func verify(_ pairs: [(Int, Int)], _ docs: [NarrativeDocument?], _ s: ReuseSettings, common: Set<UInt32>) -> [SharedPassage] {
        Parallelism.map(pairs.count) { k -> [SharedPassage] in
            let (a, b) = pairs[k]
            guard let da = docs[a], let db = docs[b] else { return [] }
            return pairPassages(da, db, aIndex: a, bIndex: b, s, common: common)
        }.flatMap { $0 }
    }

    /// Passages shared by two documents compared directly (a report and its own earlier years,
    /// or a candidate pair of the corpus): the shared fingerprints, by merging sorted lists.
    public static func pairPassages(_ a: NarrativeDocument, _ b: NarrativeDocument, aIndex: Int, bIndex: Int, _ s: ReuseSettings,
                                    common: Set<UInt32> = []) -> [SharedPassage] {
        var seeds: [(Int32, Int32)] = []
        let x = a.sortedPrints, y = b.sortedPrints
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i].hash < y[j].hash { i += 1; continue }
            if x[i].hash > y[j].hash { j += 1; continue }
            let h = x[i].hash
            var j2 = j
            while j2 < y.count && y[j2].hash == h { j2 += 1 }
            var i2 = i
            while i2 < x.count && x[i2].hash == h { i2 += 1 }
            // A window repeated many times in one text (a run of one character, digits of a
            // flattened table) says nothing about copying and would pair every position with
            // every other.
            if i2 - i <= maxRepeats && j2 - j <= maxRepeats && !common.contains(NarrativeSketch.key(h)) {
                while i < x.count && x[i].hash == h {
                    for k in j..<j2 { seeds.append((x[i].position, y[k].position)) }
                    i += 1
                }
            } else {
                while i < x.count && x[i].hash == h { i += 1 }
            }
            j = j2
        }
        guard seeds.count >= 2 else { return [] }
        return passages(a, aIndex, b, bIndex, seeds: seeds, s)
    }

    /// A fingerprint at more positions than this within one document is repetition, not text.
    static let maxRepeats = 8

    struct Run { var a0: Int, a1: Int, b0: Int, b1: Int }

    static func passages(_ A: NarrativeDocument, _ ai: Int, _ B: NarrativeDocument, _ bi: Int, seeds: [(Int32, Int32)], _ s: ReuseSettings) -> [SharedPassage] {
        let a = A.text, b = B.text
        var runs: [Run] = []
        // Seeds by diagonal, then position: a seed inside the run already found on its diagonal
        // adds nothing, and is skipped in constant time.
        var coveredTo: [Int: Int] = [:]
        for (pa32, pb32) in seeds.sorted(by: { (Int($0.1) - Int($0.0), $0.0) < (Int($1.1) - Int($1.0), $1.0) }) {
            let pa = Int(pa32), pb = Int(pb32)
            if let end = coveredTo[pb - pa], pa < end { continue }
            var a0 = pa, b0 = pb, a1 = pa, b1 = pb
            while a0 > 0, b0 > 0, a[a0 - 1] == b[b0 - 1], a[a0 - 1] != ReuseSettings.boundary { a0 -= 1; b0 -= 1 }
            while a1 < a.count, b1 < b.count, a[a1] == b[b1], a[a1] != ReuseSettings.boundary { a1 += 1; b1 += 1 }
            coveredTo[pb - pa] = a1
            if a1 - a0 >= s.k { runs.append(Run(a0: a0, a1: a1, b0: b0, b1: b1)) }
        }
        runs.sort { ($0.a0, $0.b0) < ($1.a0, $1.b0) }
        // Chain runs that follow each other in both texts with small edits between them.
        var groups: [[Run]] = []
        for r in runs {
            if var g = groups.last, let last = g.last, A.section(at: r.a0) == A.section(at: last.a0), B.section(at: r.b0) == B.section(at: last.b0),
               r.a0 >= last.a0, r.a0 - last.a1 <= s.gap, r.b0 >= last.b0, r.b0 - last.b1 <= s.gap, r.b0 > last.b1 - s.k {
                g.append(r); groups[groups.count - 1] = g
            } else {
                groups.append([r])
            }
        }
        var out: [SharedPassage] = []
        for g in groups {
            let a0 = g.map(\.a0).min()!, a1 = g.map(\.a1).max()!, b0 = g.map(\.b0).min()!, b1 = g.map(\.b1).max()!
            // Matched characters: the union of the runs in A, template wording excluded.
            var covered = [Bool](repeating: false, count: a1 - a0)
            for r in g { for i in r.a0..<r.a1 { covered[i - a0] = true } }
            var matched = 0, matchedAll = 0
            for i in 0..<covered.count where covered[i] {
                matchedAll += 1
                if !A.template[a0 + i] { matched += 1 }
            }
            let similarity = Double(matchedAll) / Double(max(a1 - a0, b1 - b0))
            if matched >= s.minLength && similarity >= s.minSimilarity {
                out.append(SharedPassage(a: ai, b: bi, aStart: a0, aEnd: a1, bStart: b0, bEnd: b1, matched: matched, similarity: similarity))
            }
        }
        return out
    }
}

/// The normalized narrative of a report as it is built, piece by piece: characters, where each
/// came from in its line, and whether it counts (template, metadata, page chrome, the opening
/// formula, statements of figures and citations do not). A value with mutating methods, so the
/// hot loop works on its arrays directly.
struct NarrativeBuffer {
    var text: [UInt16] = []
    var offsets: [Int32] = []
    var flags: [Bool] = []

    mutating func appendBoundary() {
        text.append(ReuseSettings.boundary); offsets.append(-1); flags.append(true)
    }

    /// One piece of narrative: each sentence scalar by scalar; a clause's flags set when it ends.
    mutating func append(piece raw: String) {
        let cited = raw.has("《") || raw.has("〔") || raw.has("号") ? ReuseSettings.citations(raw).sorted { $0.lowerBound < $1.lowerBound } : []
        var citation = 0
        var position = 0
        for sentence in ReuseSettings.sentences(raw) {
            let whole = ReuseSettings.isMetadataSentence(sentence) || ReuseSettings.isFormulaSentence(sentence)
            var clauseStart = text.count, sawDigit = false, figure = false
            for u in sentence.unicodeScalars {
                if let f = TextNormalizer.foldScalar(u) {
                    if ("0"..."9").contains(f) { sawDigit = true }
                    else if f != " " && f != "." { if sawDigit && ReuseSettings.isFigureUnit(f) { figure = true }; sawDigit = false }
                    ReuseSettings.append(f, at: position, to: &text, offsets: &offsets)
                }
                position += 1
                if ReuseSettings.endsClause(u) {
                    endClause(from: clauseStart, counts: !(whole || figure), cited, &citation)
                    clauseStart = text.count; sawDigit = false; figure = false
                }
            }
            endClause(from: clauseStart, counts: !(whole || figure), cited, &citation)
        }
    }

    /// Flags for the characters of a clause: not counted when formula, else not counted inside a
    /// citation. Offsets only grow: one pointer walks the citations (sorted by start).
    mutating func endClause(from start: Int, counts: Bool, _ cited: [Range<Int>], _ citation: inout Int) {
        guard counts, !cited.isEmpty else {
            flags.append(contentsOf: repeatElement(!counts, count: text.count - start)); return
        }
        for k in start..<text.count {
            let o = Int(offsets[k])
            while citation < cited.count, cited[citation].upperBound <= o { citation += 1 }
            flags.append(citation < cited.count && cited[citation].contains(o))
        }
    }
}
