import Foundation

package enum CellSplitter {
    /// Cuts a segment into cells: on tabs and pipes when it has them (TSV and pipe tables), else
    /// the whole segment is one cell, except a run of three or more numbers separated by spaces
    /// (a flattened row), which gives one value cell each.
    package static func cells(_ seg: Segment) -> [RawCell] {
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

    package static func isMarkdownRule(_ t: String) -> Bool {
        t.unicodeScalars.count >= 3 && t.unicodeScalars.allSatisfy { $0 == "-" || $0 == ":" || $0 == "—" }
    }

    package static func isValueText(_ t: String) -> Bool {
        Quantity(t) != nil || isPlaceholder(t)
    }

    /// Placeholders are one or two short symbols: longer text is not hashed (hashing a
    /// non-ASCII String normalizes it first).
    @inline(__always)
    package static func isPlaceholder(_ t: String) -> Bool {
        t.utf8.count <= 6 && TemplateLabels.placeholders.contains(t)
    }

    package static func classify(_ t: String, line: Int) -> RawCell {
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
