/// Reads table 三 (收到和处理政府信息公开申请情况) from the cells of its section, matching rows
/// by their labels, never by position: real reports drop leading columns (seed 003), put one cell
/// per line (seed 000), lose values (seed 004) or mangle labels (seed 002).
///
/// A row whose label and values share a line (TSV, pipe) is trusted on its own. A row whose values
/// follow its label on later lines (one cell per line) is trusted only when the whole table was
/// read cleanly — every row with exactly seven values and no stray values — because one lost cell
/// shifts every value after it into the wrong row.
package enum ApplicationTableReader {
    /// Each label core to the first row that has it, per format (a lookup per text cell).
    package static let rowByCore2021 = coreIndex(TemplateLabels.applicationSchema(.v2021))
    package static let rowByCore2019 = coreIndex(TemplateLabels.applicationSchema(.v2019))
    private static func coreIndex(_ schema: TableSchema) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, row) in schema.rows.enumerated() { for core in row.cores where out[core] == nil { out[core] = i } }
        return out
    }

    package static func read(_ segments: ArraySlice<Segment>, template: TemplateVersion) -> (table: StatisticalTable?, spans: [TextSpan]) {
        var scan = scanned(segments, template: template, emptyLines: nil).scan
        // A page that gave each cell a paragraph wrote a blank cell as an empty line, between the
        // empty lines that separate a row from its label and from the next row. Read so only when
        // the table then reads cleanly, every row full, and did not as it was.
        if !scan.isClean, segments.contains(where: { PipeShape($0.text) == .empty }) {
            for skip in [1, 0] {
                let (again, trusted) = scanned(segments, template: template, emptyLines: skip)
                if trusted, again.isClean { scan = again; break }
            }
        }
        return (scan.table(), scan.spans)
    }

    /// One reading of the lines. With `emptyLines`, an empty line inside a row still short of
    /// values is a blank cell, once the first `emptyLines` of them after the label are passed.
    /// `trusted` is false when an empty line was taken for a row's last cell, its 总计: that is the
    /// empty line after the row, and the reading is off by one.
    static func scanned(_ segments: ArraySlice<Segment>, template: TemplateVersion, emptyLines skip: Int?) -> (scan: ApplicationTableScan, trusted: Bool) {
        var scan = ApplicationTableScan(template: template)
        var emptiesInRow = 0, trusted = true
        // One cell a line, each closed by a pipe (`0 |`): a line of a bare pipe inside a row still
        // short of values is then a blank cell, not the separator it is between cells written
        // without one, nor the end of a row.
        var closedCells = false
        for seg in segments {
            switch PipeShape(seg.text) {
            case .barePipe:
                if closedCells, scan.rowAwaitsValues { scan.readCells([RawCell(kind: .value(.blank), text: "", line: seg.line)]) }
                continue
            case .closedCell: closedCells = true
            case .other: closedCells = false
            case .empty:
                if let skip, scan.rowAwaitsValues {
                    emptiesInRow += 1
                    if emptiesInRow > skip {
                        scan.readCells([RawCell(kind: .value(.blank), text: "", line: seg.line)])
                        if !scan.rowAwaitsValues { trusted = false }
                    }
                }
                continue
            case .rowEnd: break
            }
            let row = scan.openRowLabelLine
            if let tokens = flatRow(seg, match: { scan.match($0, fuzzy: true) != nil }) {
                scan.readFlat(tokens, line: seg.line)
            } else {
                scan.readCells(CellSplitter.pipeRowKeepingBlanks(seg, width: scan.width) ?? CellSplitter.cells(seg))
            }
            // A new row: its separating empty lines are to be passed again.
            if scan.openRowLabelLine != row { emptiesInRow = 0 }
        }
        return (scan, trusted)
    }

    /// How a line stands among cells written one a line: read from its ends, without a trimmed copy
    /// (this runs on every line of the table).
    enum PipeShape: Equatable {
        case empty, barePipe, rowEnd, closedCell, other

        init(_ text: String) {
            let u = text.unicodeScalars
            guard let a = u.firstIndex(where: { !TextNormalizer.isTrimmable($0) }),
                  let b = u.lastIndex(where: { !TextNormalizer.isTrimmable($0) }) else { self = .empty; return }
            let first = u[a], last = u[b]
            if a == b { self = first == "|" ? .barePipe : .other; return }
            if first == "|", last == "|", u.index(after: a) == b { self = .rowEnd; return }
            self = last == "|" && first != "|" ? .closedCell : .other
        }
    }

    /// Header text of table 三: the note on its identity and the applicant columns.
    package static func isHeader(_ text: String) -> Bool {
        let c = TextNormalizer.compact(text)
        return c.has("勾稽关系") || c.has("钩稽关系") || c.has("申请人情况") || c.has("法人或其他组织")
    }

    /// The tokens of a segment that holds at least one table label directly followed by values on
    /// the same line, with no tab or pipe to separate cells; nil for any other segment (those are
    /// read cell by cell as before).
    package static func flatRow(_ seg: Segment, match: (String) -> Bool) -> [TableToken]? {
        if seg.text.has("\t") || seg.text.has("|") { return nil }
        // Cheap test first: a figure after some label text (`1.属于国家秘密` alone has none after).
        var label = false, figure = false
        for b in seg.text.utf8 { if b >= 0xE0 { label = true } else if label && b >= 0x30 && b <= 0x39 { figure = true; break } }
        guard figure else { return nil }
        let tokens = TableTokenizer.tokens(seg)
        for k in tokens.indices.dropLast() where tokens[k].kind == .text && tokens[k + 1].kind == .values && match(tokens[k].text) {
            return tokens
        }
        return nil
    }

    package static func cell(_ raw: RawCell) -> Cell {
        if case .value(let v) = raw.kind { return Cell(value: v, text: raw.text, line: raw.line, split: raw.split) }
        return Cell(value: .unreadable(raw.text), text: raw.text, line: raw.line, split: raw.split)
    }
}
