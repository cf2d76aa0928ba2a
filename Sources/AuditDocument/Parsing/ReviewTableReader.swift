/// Reads table 四 (行政复议、行政诉讼): one data row of fifteen values, five per block, in the
/// fixed order 结果维持 结果纠正 其他结果 尚未审结 总计 (domain note §3.3). On a line where the
/// header words run straight into the values (`…尚未审结总计000000000000000`), the run after the
/// header is the row, cut into fifteen cells.
package enum ReviewTableReader {
    package static func read(_ segments: ArraySlice<Segment>) -> (table: StatisticalTable?, spans: [TextSpan]) {
        let schema = TemplateLabels.reviewSchema
        let expected = schema.rows.count * schema.columns.count
        var values: [RawCell] = []
        var sawLabel = false
        var firstLine: Int?
        var flat: (reading: DigitRunSplitter.Reading, line: Int)?
        var spans: [TextSpan] = []
        var header = HeaderOrder()
        for seg in segments {
            // The table is whole at fifteen values: text after it that is no header of the table
            // (`本年度信息处理费收取情况如下：` and a small table of its own) ends it.
            if flat == nil, values.count == expected,
               CellSplitter.cells(seg).contains(where: { !$0.isValue && !isHeader($0.text) && TextNormalizer.compact($0.text).unicodeScalars.count > 4 }) { break }
            header.read(CellSplitter.cells(seg))
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
        // Read by position, the values are the format's only when the headers are in its order.
        if let reason = header.problem {
            return (StatisticalTable(name: .reviewLitigation, schema: schema,
                                     rows: schema.rows.map { _ in .unreliable(reason: reason, labelLine: first) },
                                     firstLine: first, tableProblem: reason), spans)
        }
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

    package static func isHeader(_ t: String) -> Bool { t.has("复议") || t.has("诉讼") || t.has("结果维持") }

    /// The order of table 四's header words as written: 行政复议 before 行政诉讼, and on a header
    /// line 结果维持 … 尚未审结 before 总计. A table with its blocks or columns in another order, or
    /// transposed (a result label heading a row of values), cannot be read by position.
    /// 总计 is compared on one line only: PDF extraction scatters a two-row header over lines.
    package struct HeaderOrder {
        private var blocks: [String] = []
        private var totalFirst = false
        private var transposed = false
        package static let results = ["结果维持", "结果纠正", "其他结果", "尚未审结"]
        /// A label broken over two header lines (结 / 果维持) still marks where the results stand.
        package static let resultTails = ["维持", "纠正", "他结果", "未审结"]

        package mutating func read(_ cells: [RawCell]) {
            var lineWords: [Int: [String]] = [:]
            // Header cells are short: a sentence of the section (行政诉讼0件，行政复议0件) is no header.
            for (k, cell) in cells.enumerated() where !cell.isValue {
                let t = TextNormalizer.compact(cell.text)
                guard t.unicodeScalars.count <= 12 else { continue }
                if t.has("行政复议") && !t.has("诉讼") { blocks.append("复议") }
                if (t.has("行政诉讼") || t.has("直接起诉")) && !t.has("复议") { blocks.append("诉讼") }
                let labels = Self.results.filter { t.has($0) }
                if !labels.isEmpty || Self.resultTails.contains(where: { t.hasSuffix($0) }) { lineWords[cell.line, default: []].append("结果") }
                if t == "总计" { lineWords[cell.line, default: []].append("总计") }
                // One result label, then values on its line: a row of the transposed table.
                if labels.count == 1, cells.dropFirst(k + 1).prefix(2).filter({ $0.isValue && $0.line == cell.line }).count == 2 { transposed = true }
            }
            if lineWords.values.contains(where: { $0.first == "总计" && $0.contains("结果") }) { totalFirst = true }
        }

        package var problem: Localized? {
            let why: String?
            if transposed { why = "结果作行、复议诉讼作列" }
            else if let r = blocks.firstIndex(of: "复议"), let l = blocks.firstIndex(of: "诉讼"), l < r { why = "行政诉讼列在行政复议之前" }
            else if totalFirst { why = "“总计”列在“结果维持”之前" }
            else { why = nil }
            return why.map { Localized(zh: "的数值无法按位置读取：表四的栏目排列与格式不同（\($0)）",
                                       en: "its values cannot be read by position: table 4's columns are not in the format's order") }
        }
    }

    /// The header text and the run of values right after it, in a segment without cell separators.
    package static func flatRow(_ seg: Segment) -> (header: TableToken, run: TableToken)? {
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
