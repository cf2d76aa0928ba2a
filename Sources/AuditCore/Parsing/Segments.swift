import Foundation

/// A logical line: usually one source line, but a flattened web page's very long line is cut
/// before each inline section heading so that sections can be found in it.
public struct Segment: Sendable {
    public var line: Int
    public var text: String
}

/// A table cell as cut from a segment.
struct RawCell {
    enum Kind { case value(CellValue), text }
    var kind: Kind
    var text: String
    var line: Int

    var isValue: Bool { if case .value = kind { return true } else { return false } }
}

enum SegmentSplitter {
    /// Lines longer than this are candidates for splitting at inline headings.
    static let flattenedLineLength = 200

    static func segments(of lines: [String]) -> [Segment] {
        var out: [Segment] = []
        out.reserveCapacity(lines.count)
        for (i, raw) in lines.enumerated() {
            if raw.unicodeScalars.count > flattenedLineLength, raw.has("、") {
                for piece in splitAtInlineHeadings(raw) { out.append(Segment(line: i + 1, text: piece)) }
            } else {
                out.append(Segment(line: i + 1, text: raw))
            }
        }
        return out
    }

    /// Cuts `… 一、总体情况 2022年，…` before `一、总体情况` wherever the numeral is followed by a
    /// recognised section title; nothing else is cut.
    static func splitAtInlineHeadings(_ line: String) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var cuts: [Int] = []
        let numerals: [Unicode.Scalar] = ["一", "二", "三", "四", "五", "六"]
        var i = 1
        while i + 1 < scalars.count {
            if let n = numerals.firstIndex(of: scalars[i]), scalars[i + 1] == "、" || scalars[i + 1] == "．",
               scalars[i - 1].properties.isWhitespace || scalars[i - 1] == "。" {
                let tail = String(String.UnicodeScalarView(scalars[(i + 2)..<min(scalars.count, i + 40)]))
                let compactTail = TextNormalizer.compact(tail)
                let kind = SectionKind(rawValue: n + 1)!
                if TemplateLabels.titleMatches(compactTail, kind) {
                    cuts.append(i)
                    // The title ends where the official title ends (`二、主动公开政府信息情况第二十条…`),
                    // else at the first space after it (`一、总体情况 2022年，…`).
                    let official = Array(kind.officialTitle.unicodeScalars)
                    if scalars.count > i + 2 + official.count, Array(scalars[(i + 2)..<(i + 2 + official.count)]) == official {
                        cuts.append(i + 2 + official.count)
                    } else {
                        var j = i + 2
                        while j < min(scalars.count, i + 40), !scalars[j].properties.isWhitespace { j += 1 }
                        if j < min(scalars.count, i + 40) { cuts.append(j) }
                    }
                }
            }
            i += 1
        }
        guard !cuts.isEmpty else { return [line] }
        var pieces: [String] = []
        var start = 0
        for c in cuts {
            pieces.append(String(String.UnicodeScalarView(scalars[start..<c])))
            start = c
        }
        pieces.append(String(String.UnicodeScalarView(scalars[start...])))
        return pieces
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
            for anchor in anchors {
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
