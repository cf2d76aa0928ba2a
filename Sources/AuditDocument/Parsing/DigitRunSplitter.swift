/// Cuts a run of values into a row's cells. Space-separated pieces are whole cells or several
/// cells run together (an empty separator lost), never part of one number; a number of two or
/// more digits never starts with 0. A run is read only when one reading fits — or, when several
/// do, exactly one of them satisfies the row's own identity (its total equals its parts), and then
/// its cells say so. Otherwise the row cannot be read, and the reason says why.
package enum DigitRunSplitter {
    package enum Reading: Equatable {
        case cells([String], DigitSplit)
        case unreadable(Localized)
    }

    /// At most this many readings are enumerated; more is "ambiguous" anyway.
    package static let maxReadings = 256
    /// At most this many steps of the search: long runs of digits (a mangled row, or hostile
    /// input) have astronomically many partial cuts that never complete; past it, "ambiguous".
    package static let maxSteps = 20_000

    package static func split(_ run: String, width: Int, identity: (([Quantity]) -> Bool)? = nil) -> Reading {
        if let mixed = singleSpaceInsideColumn(run) {
            return .unreadable(Localized(zh: "数字“\(mixed)”在同一栏中只隔一个空格，而各栏以多个空格分开：无法确定是一个数还是两个",
                                         en: "the figures '\(mixed)' share one column (one space inside, several between columns): one number or two cannot be told"))
        }
        let pieces = run.split(separator: " ").map(String.init)
        let shown = pieces.joined(separator: " ")
        // Figures set in columns (runs of spaces between them): a whole number in its column is
        // one cell; a row with fewer figures than cells has blank cells, which are not zeros to
        // be made up by cutting `258` into 2, 5 and 8. Only runs a number cannot be (`00`) are cut.
        let columns = pieces.count > 1 && hasOnlyColumnGaps(run)
        if pieces.count == width, pieces.allSatisfy({ isWholeCell($0) }) { return .cells(pieces, .none) }
        // No cell is longer than 18 digits: a longer run is not one row's values.
        if pieces.reduce(0, { $0 + $1.unicodeScalars.count }) > width * 18 {
            return .unreadable(Localized(zh: "数字“\(shown.prefix(40))…”过长，不是一行的数值", en: "the run of figures is too long to be one row's values"))
        }
        let (readings, aborted) = cuts(pieces, width: width, columns: columns)
        // A search stopped early may have missed other readings: one found is not "the" reading.
        if readings.count == 1, !aborted {
            return .cells(readings[0], pieces.count == width ? .none : .unique)
        }
        if readings.isEmpty, !aborted {
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

    /// Every way to cut the pieces into `width` cells, by depth-first search, and whether the
    /// search stopped early. Pieces that cannot be cut (decimals, placeholders, a whole number in
    /// its column) are kept whole.
    package static func cuts(_ pieces: [String], width: Int, columns: Bool) -> (readings: [[String]], aborted: Bool) {
        var readings: [[String]] = []
        var current: [String] = []
        var aborted = false
        var steps = 0
        func visit(_ k: Int, _ offset: Int) {
            if aborted { return }
            steps += 1
            if steps > maxSteps { aborted = true; return }
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
            if offset == 0, !p.allSatisfy({ ("0"..."9").contains($0) }) || (columns && isWholeCell(pieces[k])) {
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
        return (readings, aborted)
    }

    /// Figures separated both by single spaces and by runs of spaces (`1 0  0 0 0 0 0`,
    /// pdftotext -layout, fixed-width text, tabs turned into spaces): the runs are column gaps or
    /// lost empty cells, so figures one space apart share a column — one number OCR split, or two
    /// cells whose neighbour was lost. The text cannot tell which, so the row is not read. Real
    /// flattened pages separate every figure by one space and are read as before.
    package static func singleSpaceInsideColumn(_ run: String) -> String? {
        guard run.utf8.count > 4, run.has("  ") else { return nil }
        let columns = TextNormalizer.splitOnSpaceRuns(TextNormalizer.trim(run)).filter { !$0.isEmpty }
        guard columns.count >= 2 else { return nil }
        return columns.first { c in
            let words = c.split(separator: " ")
            return words.count >= 2 && words.allSatisfy { Quantity(String($0)) != nil }
        }
    }

    /// Every gap between two figures of the run is two spaces or more.
    package static func hasOnlyColumnGaps(_ run: String) -> Bool {
        let t = run.trimmingCharacters(in: .whitespaces)
        var spaces = 0, sawGap = false
        for u in t.unicodeScalars {
            if u == " " { spaces += 1; continue }
            if spaces == 1 { return false }
            if spaces >= 2 { sawGap = true }
            spaces = 0
        }
        return sawGap
    }

    /// A piece that is one cell as printed: a number (no leading zero unless it is 0), a decimal,
    /// or a placeholder.
    package static func isWholeCell(_ p: String) -> Bool {
        if CellSplitter.isPlaceholder(p) { return true }
        guard let q = Quantity(p) else { return false }
        return !(q.scale == 0 && p.unicodeScalars.count > 1 && p.hasPrefix("0"))
    }

    /// The identity of a row whose last cell totals the others (table 三's 总计).
    package static func lastIsTotal(_ qs: [Quantity]) -> Bool {
        Quantity.sumsAgree(Array(qs.dropLast()), [qs[qs.count - 1]])
    }

    /// Table 四's identity: in each block of five, the fifth totals the first four.
    package static func blocksOfFiveTotal(_ qs: [Quantity]) -> Bool {
        stride(from: 0, to: qs.count, by: 5).allSatisfy { b in b + 4 < qs.count && Quantity.sumsAgree(Array(qs[b..<(b + 4)]), [qs[b + 4]]) }
    }
}
