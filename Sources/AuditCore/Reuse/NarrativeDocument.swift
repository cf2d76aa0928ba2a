import AuditDocument
import Foundation

/// The narrative of one report prepared for reuse detection: normalized characters (CJK
/// ideographs, letters, digits folded to `0`; punctuation and white space dropped, so width
/// variants, spacing and changed years do not hide a copy), a map back to source lines, which
/// characters are template wording, and the winnowed fingerprints.
public struct NarrativeDocument: Sendable {
    public var file: String
    public var agency: String?
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

    /// About how much memory the document holds, for a run's memory budget.
    public var approximateBytes: Int {
        text.count * 7 + sortedPrints.count * 16 + lineStarts.count * 9 + lineTexts.reduce(0) { $0 + $1.utf8.count + 16 } + 256
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
