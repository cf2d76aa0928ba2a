import Foundation

/// The compact text of a run of segments (white space removed, widths folded) with a map back
/// to source lines, so phrase patterns match across PDF hard wraps and spaced digits.
package struct JoinedText {
    package let text: String
    /// The text's UTF-16 code units: NSRange offsets index them directly (offsets into the
    /// String itself cost a walk of the whole report the first time).
    package let utf16: [UInt16]
    private let starts: [Int]      // UTF-16 offset where each segment begins
    private let segLines: [Int]

    package init(_ segments: ArraySlice<Segment>) {
        var s = ""
        var units: [UInt16] = []
        var starts: [Int] = [], lines: [Int] = []
        for seg in segments {
            var c = TextNormalizer.compact(seg.text)
            // A page's footer (`- 3 -`, `第3页共8页`) inside a sentence a page break cut is no text of it.
            // (Byte tests first: this runs for every line of every report.)
            if Self.isPageFooter(c) { continue }
            // Markdown converters' emphasis, breaks and math marks (`**2025年1月1日**`, `<br>`, `$2025$`).
            c = TextNormalizer.withoutInlineMarkup(c)
            // OCR's l, I, O and 曰 beside figures (bytes: l I O o i |) (收费通知l件, 38O元, 31曰) read as the figures they are.
            if c.utf8.contains(where: { $0 == 0x6C || $0 == 0x49 || $0 == 0x4F || $0 == 0x6F || $0 == 0x69 || $0 == 0x7C }) || c.has("曰") || c.has("丨"), let repaired = TextNormalizer.repairingOCR(c) { c = repaired }
            starts.append(units.count); lines.append(seg.line)
            s += c
            // Code unit by code unit: `utf16.count` of a long non-ASCII string builds an index of it.
            for u in c.utf16 { units.append(u) }
        }
        text = s; utf16 = units; self.starts = starts; segLines = lines
    }

    static let footer = try! NSRegularExpression(pattern: "^(?:[-—–~]+\\d{1,3}[-—–~]+|第\\d{1,3}页(?:[/,，]?共\\d{1,3}页)?|\\d{1,3}/\\d{1,3})$")
    /// Whether a compact line is only a page's footer (byte tests first: this runs for every line).
    static func isPageFooter(_ c: String) -> Bool {
        guard c.utf8.count <= 24, c.utf8.contains(where: { $0 == 0x2D || $0 == 0x2F || $0 == 0x7E }) || c.has("页") || c.has("—") || c.has("–") else { return false }
        return footer.firstMatch(in: c, range: NSRange(location: 0, length: (c as NSString).length)) != nil
    }

    /// The source line of a UTF-16 offset.
    package func line(at offset: Int) -> Int {
        guard !starts.isEmpty else { return 1 }
        return segLines[segmentIndex(at: offset)]
    }

    /// Whether a UTF-16 offset is where one of the segments begins.
    package func startsSegment(_ offset: Int) -> Bool {
        !starts.isEmpty && starts[segmentIndex(at: offset)] == offset
    }

    /// The index (in the segments given) of the segment holding a UTF-16 offset.
    package func segmentIndex(at offset: Int) -> Int {
        guard !starts.isEmpty else { return 0 }
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    package func matches(_ re: NSRegularExpression) -> [NSTextCheckingResult] {
        re.matches(in: text, range: NSRange(location: 0, length: utf16.count))
    }

    /// The same matches as `matches(re)` for a pattern whose every match contains `anchor`,
    /// starting at most `before` and ending at most `after` UTF-16 units around it: only those
    /// windows are scanned. A match cannot reach from one window into another, so scanning each
    /// (merged) window finds exactly the matches a scan of the whole text finds there. Regex
    /// scans of whole reports were a tenth of the audit's time.
    package func matches(_ re: NSRegularExpression, near anchors: [String], before: Int, after: Int) -> [NSTextCheckingResult] {
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

    package static let lookBehindContext = 8

    package func string(_ r: NSRange) -> String {
        guard r.location != NSNotFound, r.location >= 0, r.location + r.length <= utf16.count else { return "" }
        return String(decoding: utf16[r.location..<(r.location + r.length)], as: UTF16.self)
    }

    package func int(_ r: NSRange) -> Int? { r.location == NSNotFound ? nil : Int(string(r)) }
}
