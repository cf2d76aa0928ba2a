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

    /// A pipe row that leaves cells blank (`一、本年新收… | 2 |  |  |  |  |  | 2 |`): its label cells,
    /// then exactly `width` value cells, the empty ones blank — when the row has just that many
    /// places after its label and some are filled. Nil for any other line (read as before, blanks
    /// skipped).
    package static func pipeRowKeepingBlanks(_ seg: Segment, width: Int) -> [RawCell]? {
        guard seg.text.has("|"), !seg.text.has("\t") else { return nil }
        var pieces = TextNormalizer.fold(seg.text).unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" })
            .map { TextNormalizer.trim(Substring($0)) }
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        guard let lastLabel = pieces.lastIndex(where: { !$0.isEmpty && !isValueText($0) }) else { return nil }
        let values = pieces[(lastLabel + 1)...]
        guard values.count == width, values.contains(where: \.isEmpty), values.contains(where: { !$0.isEmpty }),
              !pieces.contains(where: isMarkdownRule) else { return nil }
        let labels = pieces[...lastLabel].filter { !$0.isEmpty }.map { classify($0, line: seg.line) }
        return labels + values.map { $0.isEmpty ? RawCell(kind: .value(.blank), text: "", line: seg.line) : classify($0, line: seg.line) }
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
