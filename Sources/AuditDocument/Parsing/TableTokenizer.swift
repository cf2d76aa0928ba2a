package enum TableTokenizer {
    /// Cuts a segment into label text and value runs. A digit before `.`/`、` that starts the
    /// next label (`00000002.其他法律…`) is that label's enumerator, not a value; text is further
    /// cut before each enumerator (`三、本年度办理结果（一）予以公开`).
    package static func tokens(_ seg: Segment) -> [TableToken] {
        let raw = Array(seg.text.unicodeScalars)
        var folded: [Unicode.Scalar] = []
        var at: [Int] = []                      // index in `raw` of each folded scalar
        folded.reserveCapacity(raw.count)
        for (i, u) in raw.enumerated() {
            guard let f = TextNormalizer.foldScalar(u) else { continue }
            folded.append(f.isSpaceLike ? " " : f); at.append(i)
        }
        var out: [TableToken] = []
        var i = 0
        while i < folded.count {
            let isValue = isValueScalar(folded, i)
            var j = i + 1
            while j < folded.count, isValueScalar(folded, j) == isValue { j += 1 }
            out.append(TableToken(kind: isValue ? .values : .text, text: String(String.UnicodeScalarView(folded[i..<j])),
                                  line: seg.line, lo: seg.column + at[i], hi: seg.column + (j < at.count ? at[j] : raw.count)))
            i = j
        }
        // Spaces alone are not values: they join the text around them.
        var merged: [TableToken] = []
        for t in out {
            let blank = t.kind == .values && t.text.unicodeScalars.allSatisfy { $0 == " " }
            if (blank || t.kind == .text), let last = merged.last, last.kind == .text {
                merged[merged.count - 1].text += t.text; merged[merged.count - 1].hi = t.hi
            } else if blank {
                merged.append(TableToken(kind: .text, text: t.text, line: t.line, lo: t.lo, hi: t.hi))
            } else {
                merged.append(t)
            }
        }
        giveDigitsToText(&merged)
        var result: [TableToken] = []
        for t in merged {
            if t.kind == .values {
                if !t.text.unicodeScalars.allSatisfy({ $0 == " " }) { result.append(t) }
                continue
            }
            result += cutBeforeEnumerators(t)
        }
        return result
    }

    /// Digits at the end of a run of values that belong to the text after it: an enumerator
    /// (`…00000002.其他法律行政法规禁止公开`: the 2 belongs to the label) and a year
    /// (`…继续办理20000022025年，我局…`: the year belongs to the sentence).
    package static func giveDigitsToText(_ merged: inout [TableToken]) {
        for k in merged.indices.dropFirst() where merged[k].kind == .text && merged[k - 1].kind == .values {
            guard let first = merged[k].text.unicodeScalars.first, first == "." || first == "、" || first == "．" else { continue }
            var run = Array(merged[k - 1].text.unicodeScalars)
            guard let last = run.last, ("0"..."9").contains(last) else { continue }
            run.removeLast()
            merged[k].text = String(last) + merged[k].text
            merged[k].lo -= 1
            merged[k - 1].text = String(String.UnicodeScalarView(run))
            merged[k - 1].hi -= 1
        }
        for k in merged.indices.dropFirst() where merged[k].kind == .text && merged[k - 1].kind == .values && merged[k].text.hasPrefix("年") {
            let run = Array(merged[k - 1].text.unicodeScalars)
            guard run.count > 4, run.suffix(4).allSatisfy({ ("0"..."9").contains($0) }),
                  run[run.count - 4] == "2" && run[run.count - 3] == "0" || run[run.count - 4] == "1" && run[run.count - 3] == "9" else { continue }
            merged[k].text = String(String.UnicodeScalarView(run.suffix(4))) + merged[k].text
            merged[k].lo -= 4
            merged[k - 1].text = String(String.UnicodeScalarView(run.dropLast(4)))
            merged[k - 1].hi -= 4
        }
    }

    /// Digits, spaces between values, a decimal point between digits, and the placeholders that
    /// stand for "not applicable" in a cell.
    @inline(__always)
    package static func isValueScalar(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        let u = s[i]
        if ("0"..."9").contains(u) || u == " " { return true }
        if u == "." { return i > 0 && i + 1 < s.count && ("0"..."9").contains(s[i - 1]) && ("0"..."9").contains(s[i + 1]) }
        if u == "/" || u == "—" || u == "-" || u == "\\" || u == "×" {
            // Standing alone between spaces, digits or the ends: not inside a word such as 增/减.
            let before = i == 0 || s[i - 1] == " " || ("0"..."9").contains(s[i - 1])
            let after = i + 1 == s.count || s[i + 1] == " " || ("0"..."9").contains(s[i + 1])
            return before && after
        }
        return false
    }

    package static let chineseNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Text cut before `四、`, `（七）`, `(3)` when they do not start it.
    package static func cutBeforeEnumerators(_ t: TableToken) -> [TableToken] {
        let s = Array(t.text.unicodeScalars)
        var cuts: [Int] = []
        for i in 1..<max(1, s.count) {
            if chineseNumerals.contains(s[i]), i + 1 < s.count, s[i + 1] == "、", !chineseNumerals.contains(s[i - 1]) { cuts.append(i) }
            if s[i] == "(" || s[i] == "（", i + 2 < s.count, chineseNumerals.contains(s[i + 1]) || ("1"..."9").contains(s[i + 1]),
               s[i + 2] == ")" || s[i + 2] == "）" { cuts.append(i) }
        }
        guard !cuts.isEmpty else { return [t] }
        var out: [TableToken] = []
        var start = 0
        // Offsets in the folded text map one to one onto the source only when nothing was dropped;
        // positions are for spans of table text, so an approximation inside a token is harmless.
        for c in cuts + [s.count] where c > start {
            out.append(TableToken(kind: .text, text: String(String.UnicodeScalarView(s[start..<c])), line: t.line,
                                  lo: min(t.hi, t.lo + start), hi: c == s.count ? t.hi : min(t.hi, t.lo + c)))
            start = c
        }
        return out
    }
}
