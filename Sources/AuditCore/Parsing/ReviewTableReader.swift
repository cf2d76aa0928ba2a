/// Reads table 四 (行政复议、行政诉讼): one data row of fifteen values, five per block, in the
/// fixed order 结果维持 结果纠正 其他结果 尚未审结 总计 (domain note §3.3). On a line where the
/// header words run straight into the values (`…尚未审结总计000000000000000`), the run after the
/// header is the row, cut into fifteen cells.
enum ReviewTableReader {
    static func read(_ segments: ArraySlice<Segment>) -> (table: StatisticalTable?, spans: [TextSpan]) {
        let schema = TemplateLabels.reviewSchema
        let expected = schema.rows.count * schema.columns.count
        var values: [RawCell] = []
        var sawLabel = false
        var firstLine: Int?
        var flat: (reading: DigitRunSplitter.Reading, line: Int)?
        var spans: [TextSpan] = []
        for seg in segments {
            if flat == nil, let (header, run) = flatRow(seg) {
                flat = (DigitRunSplitter.split(run.text, width: expected, identity: DigitRunSplitter.blocksOfFiveTotal), run.line)
                spans.append(TextSpan(line: seg.line, lo: header.lo, hi: run.hi))
                sawLabel = true
                firstLine = firstLine ?? header.line
                continue
            }
            for cell in CellSplitter.cells(seg) {
                if cell.isValue {
                    values.append(cell)
                    if firstLine == nil { firstLine = cell.line }
                } else if isHeader(cell.text) {
                    sawLabel = true
                    if firstLine == nil { firstLine = cell.line }
                }
            }
        }
        guard sawLabel || !values.isEmpty, let first = firstLine else { return (nil, spans) }
        if let flat {
            switch flat.reading {
            case .cells(let cells, let how):
                values = cells.map { var c = CellSplitter.classify($0, line: flat.line); c.split = how; return c }
            case .unreadable(let reason):
                return (StatisticalTable(name: .reviewLitigation, schema: schema,
                                         rows: schema.rows.map { _ in .unreliable(reason: reason, labelLine: first) },
                                         firstLine: first, tableProblem: reason), spans)
            }
        }
        guard values.count == expected else {
            let reason = Localized(zh: "表四应有\(expected)个数值，读到\(values.count)个", en: "table 4 should hold \(expected) values; \(values.count) were read")
            return (StatisticalTable(name: .reviewLitigation, schema: schema,
                                     rows: schema.rows.map { _ in .unreliable(reason: reason, labelLine: first) },
                                     firstLine: first, tableProblem: reason), spans)
        }
        let w = schema.columns.count
        let rows: [RowReading] = schema.rows.indices.map { r in
            .read(values[(r * w)..<(r * w + w)].map(ApplicationTableReader.cell))
        }
        return (StatisticalTable(name: .reviewLitigation, schema: schema, rows: rows, firstLine: first, tableProblem: nil), spans)
    }

    static func isHeader(_ t: String) -> Bool { t.has("复议") || t.has("诉讼") || t.has("结果维持") }

    /// The header text and the run of values right after it, in a segment without cell separators.
    static func flatRow(_ seg: Segment) -> (header: TableToken, run: TableToken)? {
        if seg.text.has("\t") || seg.text.has("|") || !seg.text.has("总计") { return nil }
        let tokens = TableTokenizer.tokens(seg)
        for k in tokens.indices.dropLast() where tokens[k].kind == .text && tokens[k + 1].kind == .values {
            let t = TextNormalizer.compact(tokens[k].text)
            if t.hasSuffix("总计") && (t.has("结果维持") || t.has("尚未审结")) {
                // Narrative may stand before the header in the same token: the table starts at its first word.
                let scalars = Array(tokens[k].text.unicodeScalars)
                var offset = 0
                for word in ["行政复议", "结果维持"] {
                    let w = Array(word.unicodeScalars)
                    if let i = (0...max(0, scalars.count - w.count)).first(where: { i in i + w.count <= scalars.count && Array(scalars[i..<(i + w.count)]) == w }) {
                        offset = i; break
                    }
                }
                return (TableToken(kind: .text, text: t, line: tokens[k].line, lo: tokens[k].lo + offset, hi: tokens[k].hi), tokens[k + 1])
            }
        }
        return nil
    }
}
