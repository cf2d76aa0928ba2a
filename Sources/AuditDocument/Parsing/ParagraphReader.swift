import Foundation

/// Groups narrative text (not headings, not table cells) into paragraphs: a run of non-blank
/// lines; a blank line, a heading or a table ends it. In a long line that holds tables and
/// narrative together, the table text (as the table readers report it) is cut out.
package enum ParagraphReader {
    package static func read(segments: [Segment], headingIndexes: Set<Int>, tableSpans: [TextSpan], sectionAt: (Int) -> SectionKind?) -> [Paragraph] {
        var spansByLine: [Int: [TextSpan]] = [:]
        for s in tableSpans { spansByLine[s.line, default: []].append(s) }
        var out: [Paragraph] = []
        var pieces: [TextSpan] = []
        var section: SectionKind?
        var first = 0, last = 0, firstSegment = 0, lastSegment = 0
        func flush() {
            if !pieces.isEmpty { out.append(Paragraph(span: LineSpan(first, last), section: section, pieces: pieces, segments: firstSegment...lastSegment)) }
            pieces = []
        }
        for (i, seg) in segments.enumerated() {
            let lineSpans = spansByLine[seg.line] ?? []
            // Counting a segment's characters walks it: only lines that hold a table or are cut need it.
            let count = lineSpans.isEmpty && seg.endsLine ? 0 : seg.text.unicodeScalars.count
            let end = seg.endsLine ? TextSpan.lineEnd : seg.column + count
            let cuts = lineSpans.filter { $0.lo < seg.column + count && $0.hi > seg.column }.sorted { $0.lo < $1.lo }
            let t = TextNormalizer.trim(seg.text)
            // A value cell is a short number or placeholder: long lines skip folding.
            let isTable = cuts.isEmpty && (seg.text.has("\t") || t.hasPrefix("|") || (t.utf8.count <= 128 && CellSplitter.isValueText(TextNormalizer.fold(t)))
                || (seg.text.utf8.count <= 600 && t.has("  ") && CellSplitter.cells(seg).filter(\.isValue).count >= 2))
            if t.isEmpty || isTable || headingIndexes.contains(i) { flush(); continue }
            func add(_ lo: Int, _ hi: Int) {
                let span = TextSpan(line: seg.line, lo: lo, hi: hi)
                let local = TextSpan(line: 0, lo: lo - seg.column, hi: hi == TextSpan.lineEnd ? TextSpan.lineEnd : hi - seg.column)
                guard !TextNormalizer.trim(Report.slice(seg.text, local)).isEmpty else { return }
                if pieces.isEmpty { section = sectionAt(i); first = seg.line; firstSegment = i }
                last = seg.line; lastSegment = i
                pieces.append(span)
            }
            var cursor = seg.column
            for span in cuts {
                if span.lo > cursor { add(cursor, span.lo) }
                // A table between two stretches of narrative ends a paragraph.
                flush()
                cursor = max(cursor, span.hi)
            }
            if cuts.isEmpty || cursor < seg.column + count { add(cursor, end) }
        }
        flush()
        return out
    }
}
