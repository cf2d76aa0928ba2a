import AuditDocument
import Foundation

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
        let index = postings(sketches, cutoff: s.commonCutoff(documents: sketches.count))
        return (sharingPairs(index, documents: sketches.count, minShared: UInt16(s.minSharedKeys)), index.common)
    }

    /// The keys shared by 2…cutoff documents, as postings; keys in more documents are common.
    struct Postings {
        var common = Set<UInt32>()
        var starts: [UInt32] = [0]
        var docs: [UInt32] = []
        /// For each document, the postings it is in.
        var ofDocument: [[UInt32]]
    }

    /// An inverted index built one slice of the key space at a time, so that the sorted
    /// (key, document) entries of only one slice are held at once.
    static func postings(_ sketches: [NarrativeSketch], cutoff: Int) -> Postings {
        var index = Postings(ofDocument: [[UInt32]](repeating: [], count: sketches.count))
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
                if size > cutoff {
                    index.common.insert(key)
                } else if size >= 2 {
                    let posting = UInt32(index.starts.count - 1)
                    for e in entries[i..<j] {
                        index.docs.append(UInt32(truncatingIfNeeded: e))
                        index.ofDocument[Int(UInt32(truncatingIfNeeded: e))].append(posting)
                    }
                    index.starts.append(UInt32(index.docs.count))
                }
                i = j
            }
        }
        return index
    }

    /// Each document counts the later documents it shares keys with, in a counter of its own
    /// chunk: no table of every pair sharing one key (which grows far faster than the corpus).
    static func sharingPairs(_ index: Postings, documents n: Int, minShared: UInt16) -> [(Int, Int)] {
        let chunk = 256
        let chunks = (n + chunk - 1) / chunk
        let partners = Parallelism.map(chunks) { c -> [(Int, Int)] in
            var counts = [UInt16](repeating: 0, count: n)
            var touched: [Int] = []
            var out: [(Int, Int)] = []
            for d in (c * chunk)..<min(n, (c + 1) * chunk) {
                for posting in index.ofDocument[d] {
                    for k in Int(index.starts[Int(posting)])..<Int(index.starts[Int(posting) + 1]) {
                        let e = Int(index.docs[k])
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
        return partners.flatMap { $0 }
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
        return passages(a, aIndex, b, bIndex, seeds: seeds, s, common: commonMask(a, common, s))
    }

    /// The characters of `doc` inside a passage most reports of the run share (a site's footer
    /// under every page): a run extended from a real seed across it must not count it as copied.
    /// Only stretches long enough to be a passage themselves: a common name inside a sentence
    /// (the zone's 党工委管委会) stays part of the sentence. Nil when nothing is masked.
    static func commonMask(_ doc: NarrativeDocument, _ common: Set<UInt32>, _ s: ReuseSettings) -> [Bool]? {
        guard !common.isEmpty else { return nil }
        var covered: [Bool]?
        for p in doc.sortedPrints where common.contains(NarrativeSketch.key(p.hash)) {
            if covered == nil { covered = [Bool](repeating: false, count: doc.text.count) }
            for i in Int(p.position)..<min(doc.text.count, Int(p.position) + s.k) { covered![i] = true }
        }
        guard let covered else { return nil }
        let long = ReuseSettings.runs(of: true, in: covered).filter { $0.count >= s.minLength }
        guard !long.isEmpty else { return nil }
        var mask = [Bool](repeating: false, count: covered.count)
        for run in long { for k in run { mask[k] = true } }
        return mask
    }

    /// A fingerprint at more positions than this within one document is repetition, not text.
    static let maxRepeats = 8

    struct Run { var a0: Int, a1: Int, b0: Int, b1: Int }

    static func passages(_ A: NarrativeDocument, _ ai: Int, _ B: NarrativeDocument, _ bi: Int, seeds: [(Int32, Int32)], _ s: ReuseSettings,
                         common: [Bool]? = nil) -> [SharedPassage] {
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
                if !A.template[a0 + i] && !(common?[a0 + i] ?? false) { matched += 1 }
            }
            let similarity = Double(matchedAll) / Double(max(a1 - a0, b1 - b0))
            if matched >= s.minLength && similarity >= s.minSimilarity {
                out.append(SharedPassage(a: ai, b: bi, aStart: a0, aEnd: a1, bStart: b0, bEnd: b1, matched: matched, similarity: similarity))
            }
        }
        return out
    }
}
