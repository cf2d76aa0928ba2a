import Foundation

/// A logical line: usually one source line, but a long line that holds several sections (a web
/// page flattened onto one line) is cut at each section heading, before and after its title.
public struct Segment: Sendable {
    public var line: Int
    public var text: String
    /// Where the segment starts in its source line, in Unicode scalars (0 for a whole line).
    public var column: Int = 0
    /// The segment runs to the end of its line (every whole line does; of a cut line, the last piece).
    public var endsLine = true

    public init(line: Int, text: String, column: Int = 0, endsLine: Bool = true) {
        self.line = line; self.text = text; self.column = column; self.endsLine = endsLine
    }
}

/// A table cell as cut from a segment.
struct RawCell {
    enum Kind { case value(CellValue), text }
    var kind: Kind
    var text: String
    var line: Int
    /// How the cell was cut from digits run together, if it was.
    var split: DigitSplit = .none

    var isValue: Bool { if case .value = kind { return true } else { return false } }
}

enum SegmentSplitter {
    /// The segments of the report, with each chosen heading's title a segment of its own, and the
    /// index of each heading's segment (in the order of `headings`).
    static func segments(of lines: [String], cuttingAt headings: [HeadingCandidate]) -> (segments: [Segment], headingSegments: [Int]) {
        var cutsByLine: [Int: [Int]] = [:]
        for h in headings where !h.wholeLine {
            cutsByLine[h.line, default: []] += [h.start, h.end]
        }
        var out: [Segment] = []
        out.reserveCapacity(lines.count)
        var segmentAt: [Int: [Int: Int]] = [:]       // line -> column -> segment index
        for (i, raw) in lines.enumerated() {
            guard let cuts = cutsByLine[i + 1] else {
                segmentAt[i + 1, default: [:]][0] = out.count
                out.append(Segment(line: i + 1, text: raw))
                continue
            }
            let scalars = Array(raw.unicodeScalars)
            var points = Set(cuts.filter { $0 > 0 && $0 < scalars.count }).sorted()
            points.append(scalars.count)
            var start = 0
            for p in points where p > start {
                segmentAt[i + 1, default: [:]][start] = out.count
                out.append(Segment(line: i + 1, text: String(String.UnicodeScalarView(scalars[start..<p])), column: start, endsLine: p == scalars.count))
                start = p
            }
        }
        let indexes = headings.map { h in segmentAt[h.line]?[h.wholeLine ? 0 : h.start] ?? 0 }
        return (out, indexes)
    }
}

enum CellSplitter {
    /// Cuts a segment into cells: on tabs and pipes when it has them (TSV and pipe tables), else
    /// the whole segment is one cell, except a run of three or more numbers separated by spaces
    /// (a flattened row), which gives one value cell each.
    static func cells(_ seg: Segment) -> [RawCell] {
        let text = TextNormalizer.fold(seg.text)
        if text.has("\t") || text.has("|") {
            var out: [RawCell] = []
            for piece in text.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\t" || $0 == "|" }) {
                let t = TextNormalizer.trim(Substring(piece))
                if t.isEmpty || isMarkdownRule(t) { continue }
                out.append(classify(t, line: seg.line))
            }
            return out
        }
        let t = TextNormalizer.trim(text)
        if t.isEmpty { return [] }
        // Columns laid out with runs of spaces (pdftotext -layout, fixed-width exports).
        if t.has("  ") {
            let columns = TextNormalizer.splitOnSpaceRuns(t)
            if columns.count >= 2, columns.dropFirst().contains(where: isValueText) || columns.count >= 3 {
                return columns.flatMap { col -> [RawCell] in
                    let words = col.split(separator: " ")
                    if words.count >= 3, words.allSatisfy({ isValueText(String($0)) }) { return words.map { classify(String($0), line: seg.line) } }
                    return [classify(col, line: seg.line)]
                }
            }
        }
        let words = t.split(whereSeparator: { $0 == " " })
        if words.count >= 3, words.allSatisfy({ isValueText(String($0)) }) {
            return words.map { classify(String($0), line: seg.line) }
        }
        return [classify(t, line: seg.line)]
    }

    static func isMarkdownRule(_ t: String) -> Bool {
        t.unicodeScalars.count >= 3 && t.unicodeScalars.allSatisfy { $0 == "-" || $0 == ":" || $0 == "—" }
    }

    static func isValueText(_ t: String) -> Bool {
        Quantity(t) != nil || isPlaceholder(t)
    }

    /// Placeholders are one or two short symbols: longer text is not hashed (hashing a
    /// non-ASCII String normalizes it first).
    @inline(__always)
    static func isPlaceholder(_ t: String) -> Bool {
        t.utf8.count <= 6 && TemplateLabels.placeholders.contains(t)
    }

    static func classify(_ t: String, line: Int) -> RawCell {
        if let q = Quantity(t) {
            // `00`, `0000000`: PDF extraction ran several cells' digits together; no count is
            // printed with a leading zero.
            if q.scale == 0, t.count > 1, t.hasPrefix("0") { return RawCell(kind: .value(.unreadable(t)), text: t, line: line) }
            return RawCell(kind: .value(.number(q)), text: t, line: line)
        }
        if isPlaceholder(t) { return RawCell(kind: .value(.placeholder(t)), text: t, line: line) }
        // `1 0` inside one cell: OCR split a number or merged two; either way it cannot be read.
        let words = t.split(separator: " ")
        if words.count >= 2, words.allSatisfy({ Quantity(String($0)) != nil }) {
            return RawCell(kind: .value(.unreadable(t)), text: t, line: line)
        }
        return RawCell(kind: .text, text: t, line: line)
    }
}

/// The compact text of a run of segments (white space removed, widths folded) with a map back
/// to source lines, so phrase patterns match across PDF hard wraps and spaced digits.
struct JoinedText {
    let text: String
    /// The text's UTF-16 code units: NSRange offsets index them directly (offsets into the
    /// String itself cost a walk of the whole report the first time).
    let utf16: [UInt16]
    private let starts: [Int]      // UTF-16 offset where each segment begins
    private let segLines: [Int]

    init(_ segments: ArraySlice<Segment>) {
        var s = ""
        var units: [UInt16] = []
        var starts: [Int] = [], lines: [Int] = []
        for seg in segments {
            let c = TextNormalizer.compact(seg.text)
            starts.append(units.count); lines.append(seg.line)
            s += c
            // Code unit by code unit: `utf16.count` of a long non-ASCII string builds an index of it.
            for u in c.utf16 { units.append(u) }
        }
        text = s; utf16 = units; self.starts = starts; segLines = lines
    }

    /// The source line of a UTF-16 offset.
    func line(at offset: Int) -> Int {
        guard !starts.isEmpty else { return 1 }
        return segLines[segmentIndex(at: offset)]
    }

    /// The index (in the segments given) of the segment holding a UTF-16 offset.
    func segmentIndex(at offset: Int) -> Int {
        guard !starts.isEmpty else { return 0 }
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func matches(_ re: NSRegularExpression) -> [NSTextCheckingResult] {
        re.matches(in: text, range: NSRange(location: 0, length: utf16.count))
    }

    /// The same matches as `matches(re)` for a pattern whose every match contains `anchor`,
    /// starting at most `before` and ending at most `after` UTF-16 units around it: only those
    /// windows are scanned. A match cannot reach from one window into another, so scanning each
    /// (merged) window finds exactly the matches a scan of the whole text finds there. Regex
    /// scans of whole reports were a tenth of the audit's time.
    func matches(_ re: NSRegularExpression, near anchors: [String], before: Int, after: Int) -> [NSTextCheckingResult] {
        var windows: [(lo: Int, hi: Int)] = []
        utf16.withUnsafeBufferPointer { u in
            // An anchor absent from the text (one search of its bytes) needs no scan of its units.
            for anchor in anchors where text.has(anchor) {
                let a = Array(anchor.utf16)
                guard let first = a.first, a.count <= u.count else { continue }
                var i = 0
                while i + a.count <= u.count {
                    if u[i] == first, (1..<a.count).allSatisfy({ u[i + $0] == a[$0] }) {
                        windows.append((max(0, i - before), min(u.count, i + a.count + after)))
                    }
                    i += 1
                }
            }
        }
        guard !windows.isEmpty else { return [] }
        windows.sort { $0.lo < $1.lo }
        var merged: [(lo: Int, hi: Int)] = []
        for w in windows {
            if let last = merged.last, w.lo <= last.hi { merged[merged.count - 1].hi = max(last.hi, w.hi) } else { merged.append(w) }
        }
        // Each window is matched as a short string of its own, results shifted back: matching a
        // range of the whole text made every chunk the regex engine read convert UTF-8 offsets
        // of the whole report. A few characters of context before each window stand in for the
        // text a look-behind may need; no match starts in them (it would start too far before
        // its anchor), and a window cut at the start of the text is the start of the text.
        var out: [NSTextCheckingResult] = []
        for w in merged {
            let lo = max(0, w.lo - JoinedText.lookBehindContext)
            let window = String(decoding: utf16[lo..<w.hi], as: UTF16.self)
            for m in re.matches(in: window, range: NSRange(location: 0, length: w.hi - lo)) {
                out.append(lo == 0 ? m : m.adjustingRanges(offset: lo))
            }
        }
        return out
    }

    static let lookBehindContext = 8

    func string(_ r: NSRange) -> String {
        guard r.location != NSNotFound, r.location >= 0, r.location + r.length <= utf16.count else { return "" }
        return String(decoding: utf16[r.location..<(r.location + r.length)], as: UTF16.self)
    }

    func int(_ r: NSRange) -> Int? { r.location == NSNotFound ? nil : Int(string(r)) }
}
