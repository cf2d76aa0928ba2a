/// A piece of a table as printed on one line without cell separators: label text, or a run of
/// values (digits glued together or spaced irregularly), as in
/// `…数量3000000二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开1000000…`.
struct TableToken {
    enum Kind { case text, values }
    var kind: Kind
    /// Folded text (full-width forms to half-width; spaces kept inside value runs).
    var text: String
    var line: Int
    /// Scalar offsets in the source line.
    var lo: Int
    var hi: Int
}

enum TableTokenizer {
    /// Cuts a segment into label text and value runs. A digit before `.`/`、` that starts the
    /// next label (`00000002.其他法律…`) is that label's enumerator, not a value; text is further
    /// cut before each enumerator (`三、本年度办理结果（一）予以公开`).
    static func tokens(_ seg: Segment) -> [TableToken] {
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
        // `…00000002.其他法律行政法规禁止公开`: the 2 belongs to the label.
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
        // `…继续办理20000022025年，我局…`: a year glued after the last value belongs to the sentence.
        for k in merged.indices.dropFirst() where merged[k].kind == .text && merged[k - 1].kind == .values && merged[k].text.hasPrefix("年") {
            let run = Array(merged[k - 1].text.unicodeScalars)
            guard run.count > 4, run.suffix(4).allSatisfy({ ("0"..."9").contains($0) }),
                  run[run.count - 4] == "2" && run[run.count - 3] == "0" || run[run.count - 4] == "1" && run[run.count - 3] == "9" else { continue }
            merged[k].text = String(String.UnicodeScalarView(run.suffix(4))) + merged[k].text
            merged[k].lo -= 4
            merged[k - 1].text = String(String.UnicodeScalarView(run.dropLast(4)))
            merged[k - 1].hi -= 4
        }
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

    /// Digits, spaces between values, a decimal point between digits, and the placeholders that
    /// stand for "not applicable" in a cell.
    @inline(__always)
    static func isValueScalar(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
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

    static let chineseNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Text cut before `四、`, `（七）`, `(3)` when they do not start it.
    static func cutBeforeEnumerators(_ t: TableToken) -> [TableToken] {
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

/// Cuts a run of values into a row's cells. Space-separated pieces are whole cells or several
/// cells run together (an empty separator lost), never part of one number; a number of two or
/// more digits never starts with 0. A run is read only when one reading fits — or, when several
/// do, exactly one of them satisfies the row's own identity (its total equals its parts), and then
/// its cells say so. Otherwise the row cannot be read, and the reason says why.
enum DigitRunSplitter {
    enum Reading: Equatable {
        case cells([String], DigitSplit)
        case unreadable(Localized)
    }

    /// At most this many readings are enumerated; more is "ambiguous" anyway.
    static let maxReadings = 256

    static func split(_ run: String, width: Int, identity: (([Quantity]) -> Bool)? = nil) -> Reading {
        let pieces = run.split(separator: " ").map(String.init)
        let shown = pieces.joined(separator: " ")
        if pieces.count == width, pieces.allSatisfy({ isWholeCell($0) }) { return .cells(pieces, .none) }
        // No cell is longer than 18 digits: a longer run is not one row's values.
        if pieces.reduce(0, { $0 + $1.unicodeScalars.count }) > width * 18 {
            return .unreadable(Localized(zh: "数字“\(shown.prefix(40))…”过长，不是一行的数值", en: "the run of figures is too long to be one row's values"))
        }
        // Pieces that cannot be cut: decimals and placeholders.
        var readings: [[String]] = []
        var current: [String] = []
        var aborted = false
        func visit(_ k: Int, _ offset: Int) {
            if aborted { return }
            if k == pieces.count {
                if current.count == width {
                    readings.append(current)
                    if readings.count > maxReadings { aborted = true }
                }
                return
            }
            let p = Array(pieces[k].unicodeScalars)
            if offset == p.count { visit(k + 1, 0); return }
            guard current.count < width else { return }
            if offset == 0, !p.allSatisfy({ ("0"..."9").contains($0) }) {
                guard isWholeCell(pieces[k]) else { return }
                current.append(pieces[k]); visit(k + 1, 0); current.removeLast(); return
            }
            // Remaining digits must fit in the remaining cells.
            let remainingDigits = p.count - offset + pieces[(k + 1)...].reduce(0) { $0 + $1.unicodeScalars.count }
            if remainingDigits < width - current.count || remainingDigits > (width - current.count) * 18 { return }
            let maxLength = p[offset] == "0" ? 1 : min(18, p.count - offset)
            for length in 1...maxLength {
                current.append(String(String.UnicodeScalarView(p[offset..<(offset + length)])))
                visit(k, offset + length)
                current.removeLast()
            }
        }
        visit(0, 0)
        if readings.count == 1 {
            return .cells(readings[0], pieces.count == width ? .none : .unique)
        }
        if readings.isEmpty {
            let digits = pieces.reduce(0) { $0 + $1.unicodeScalars.count }
            return .unreadable(Localized(zh: "数字“\(shown)”无法拆成\(width)格（\(digits < width ? "数字不足，可能有空格丢失" : "格式不符")）",
                                         en: "the figures '\(shown)' cannot be cut into \(width) cells"))
        }
        if let identity, !aborted {
            let fitting = readings.filter { r in
                let qs = r.compactMap(Quantity.init)
                return qs.count == r.count && identity(qs)
            }
            if fitting.count == 1 { return .cells(fitting[0], .byTotal) }
        }
        return .unreadable(Localized(zh: "数字“\(shown)”连在一起，可拆成\(aborted ? "许多" : String(readings.count))种读法，无法确定每格数值",
                                     en: "the figures '\(shown)' run together and can be read in \(aborted ? "many" : String(readings.count)) ways"))
    }

    /// A piece that is one cell as printed: a number (no leading zero unless it is 0), a decimal,
    /// or a placeholder.
    static func isWholeCell(_ p: String) -> Bool {
        if CellSplitter.isPlaceholder(p) { return true }
        guard let q = Quantity(p) else { return false }
        return !(q.scale == 0 && p.unicodeScalars.count > 1 && p.hasPrefix("0"))
    }

    /// The identity of a row whose last cell totals the others (table 三's 总计).
    static func lastIsTotal(_ qs: [Quantity]) -> Bool {
        TableBalanceCheck.consistent(Array(qs.dropLast()), [qs[qs.count - 1]])
    }

    /// Table 四's identity: in each block of five, the fifth totals the first four.
    static func blocksOfFiveTotal(_ qs: [Quantity]) -> Bool {
        stride(from: 0, to: qs.count, by: 5).allSatisfy { b in b + 4 < qs.count && TableBalanceCheck.consistent(Array(qs[b..<(b + 4)]), [qs[b + 4]]) }
    }
}
