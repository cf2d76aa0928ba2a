/// Reads table 三 (收到和处理政府信息公开申请情况) from the cells of its section, matching rows
/// by their labels, never by position: real reports drop leading columns (seed 003), put one cell
/// per line (seed 000), lose values (seed 004) or mangle labels (seed 002).
///
/// A row whose label and values share a line (TSV, pipe) is trusted on its own. A row whose values
/// follow its label on later lines (one cell per line) is trusted only when the whole table was
/// read cleanly — every row with exactly seven values and no stray values — because one lost cell
/// shifts every value after it into the wrong row.
enum ApplicationTableReader {
    private enum Match { case row(Int), group(String) }

    private struct OpenRow {
        var index: Int
        var labelLine: Int
        var values: [RawCell] = []
        var inline = false
        /// Why the row's values could not be cut into cells (a run of digits read two ways).
        var problem: Localized?
    }

    private struct Claim {
        var values: [RawCell]
        var inline: Bool
        var labelLine: Int
        var duplicated = false
        var problem: Localized?
    }

    /// Each label core to the first row that has it, per format (a lookup per text cell).
    private static let rowByCore2021 = coreIndex(TemplateLabels.applicationSchema(.v2021))
    private static let rowByCore2019 = coreIndex(TemplateLabels.applicationSchema(.v2019))
    private static func coreIndex(_ schema: TableSchema) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, row) in schema.rows.enumerated() { for core in row.cores where out[core] == nil { out[core] = i } }
        return out
    }

    static func read(_ segments: ArraySlice<Segment>, template: TemplateVersion) -> (table: StatisticalTable?, spans: [TextSpan]) {
        let schema = TemplateLabels.applicationSchema(template)
        let rowByCore = template == .v2021 ? rowByCore2021 : rowByCore2019
        let width = schema.columns.count
        var claims: [Int: Claim] = [:]
        var labelSeen: [Int: Int] = [:]         // row index -> first line its label was seen
        var open: OpenRow?
        var lastMatched: Int?
        var group: String?
        var strayValues = 0
        var firstLine: Int?
        var spans: [TextSpan] = []

        func close() {
            guard let row = open else { return }
            open = nil
            guard !row.values.isEmpty || row.problem != nil else { return }
            if var c = claims[row.index] {
                c.duplicated = true; claims[row.index] = c
            } else {
                claims[row.index] = Claim(values: row.values, inline: row.inline, labelLine: row.labelLine, problem: row.problem)
            }
        }

        func match(_ text: String, fuzzy: Bool) -> Match? {
            // A label is short; a long run of text is narrative (and costs a lot to fold).
            if text.utf8.count > 240 { return nil }
            let (enumerator, core) = TemplateLabels.labelCore(text)
            guard !core.isEmpty else { return nil }
            let chineseEnumerator = enumerator.unicodeScalars.contains { !("0"..."9").contains($0) && $0 != "." && $0 != "、" && $0 != "(" && $0 != ")" }
            let inOther = group == "other_processing" || lastMatched.map { schema.rows[$0].group == "other_processing" } == true
            if core == "其他" {
                if chineseEnumerator { return template == .v2021 ? .group("other_processing") : schema.rowIndex("other_processing").map(Match.row) }
                return inOther ? schema.rowIndex("other_3").map(Match.row) : nil
            }
            if core == "总计" || core == "合计" {
                // The bare word is also a column header; it names the （七） row only after result rows.
                let afterResults = lastMatched.map { schema.rows[$0].group != nil } ?? false
                if enumerator.has("七") || (enumerator.isEmpty && afterResults) { return schema.rowIndex("results_total").map(Match.row) }
                return nil
            }
            if let g = TemplateLabels.applicationGroupHeaders[core] {
                if g == "other_processing", template == .v2019 { return schema.rowIndex("other_processing").map(Match.row) }
                return .group(g)
            }
            if let i = rowByCore[core] { return .row(i) }
            // A label with a typo (属于行政执法案件 for 案卷) in a page whose labels and values share a
            // line: the one row whose label is within an edit or two, never a guess between rows.
            // Only a label with its enumerator (`7.属于行政执法案件`): narrative and header text never.
            if fuzzy, !enumerator.isEmpty, core.unicodeScalars.count >= 5 {
                let n = core.unicodeScalars.count
                let limit = n >= 10 ? 2 : 1
                let near = rowByCore.filter { abs($0.key.unicodeScalars.count - n) <= limit && Levenshtein.distance($0.key, core, limit: limit) <= limit }.map(\.value)
                if Set(near).count == 1 { return .row(near[0]) }
            }
            return nil
        }

        func openRow(_ m: Match?, line: Int) {
            switch m {
            case .row(let i)?:
                close()
                open = OpenRow(index: i, labelLine: line)
                if labelSeen[i] == nil { labelSeen[i] = line }
                lastMatched = i
                if firstLine == nil { firstLine = line }
            case .group(let g)?:
                close(); group = g
            case nil:
                close()
            }
        }

        for seg in segments {
            if let tokens = flatRow(seg, match: { match($0, fuzzy: true) != nil }) {
                // Labels and values on one line without cell separators: each label takes the run of
                // values that follows it, cut into exactly seven cells.
                var tableStart: Int?, tableEnd = 0
                for t in tokens {
                    switch t.kind {
                    case .text:
                        let m = match(t.text, fuzzy: true)
                        openRow(m, line: t.line)
                        if m != nil { tableStart = tableStart ?? t.lo; tableEnd = t.hi }
                    case .values:
                        guard var row = open, row.values.isEmpty, row.problem == nil else { continue }
                        switch DigitRunSplitter.split(t.text, width: width, identity: DigitRunSplitter.lastIsTotal) {
                        case .cells(let cells, let how):
                            row.values = cells.map { var c = CellSplitter.classify($0, line: t.line); c.split = how; return c }
                        case .unreadable(let reason):
                            row.problem = reason
                        }
                        row.inline = true
                        open = row
                        close()
                        tableEnd = t.hi
                    }
                }
                if var s = tableStart {
                    // The header before the first row (the 勾稽关系 note, the applicant columns) is table text too.
                    if let header = tokens.first(where: { $0.lo < s && isHeader($0.text) }) { s = header.lo }
                    spans.append(TextSpan(line: seg.line, lo: s, hi: tableEnd))
                }
                close()
                continue
            }
            let cells = CellSplitter.cells(seg)
            for cell in cells {
                switch cell.kind {
                case .value:
                    if var row = open, row.inline ? row.labelLine == cell.line : row.values.count < width {
                        if row.labelLine == cell.line { row.inline = true }
                        row.values.append(cell); open = row
                    } else if firstLine != nil {
                        strayValues += 1
                    }
                case .text:
                    openRow(match(cell.text, fuzzy: false), line: cell.line)
                }
            }
            // A row whose label line carried values ends with that line.
            if open?.inline == true { close() }
        }
        close()
        guard let first = firstLine else { return (nil, spans) }

        let clean = strayValues == 0 && schema.rows.indices.allSatisfy { i in
            claims[i].map { !$0.duplicated && $0.values.count == width } ?? false
        }
        var rows: [RowReading] = []
        for i in schema.rows.indices {
            guard let claim = claims[i] else {
                if let line = labelSeen[i] {
                    rows.append(.unreliable(reason: Localized(zh: "没有读到数值", en: "no values were read for this row"), labelLine: line))
                } else {
                    rows.append(.missing)
                }
                continue
            }
            if claim.duplicated {
                rows.append(.unreliable(reason: Localized(zh: "的标签出现多次，无法确定取哪一行", en: "the row label occurs more than once"), labelLine: claim.labelLine))
            } else if let problem = claim.problem {
                rows.append(.unreliable(reason: problem, labelLine: claim.labelLine))
            } else if claim.values.count != width {
                rows.append(.unreliable(reason: Localized(zh: "读到\(claim.values.count)个数值，应为\(width)个", en: "\(claim.values.count) values read, \(width) expected"), labelLine: claim.labelLine))
            } else if !claim.inline && !clean {
                rows.append(.unreliable(reason: Localized(zh: "无法确定数值归属（表格逐格分行排列且有缺格或多余数值）", en: "the table has one cell per line and lost or extra cells, so values cannot be assigned to rows with confidence"), labelLine: claim.labelLine))
            } else {
                rows.append(.read(claim.values.map(cell)))
            }
        }
        return (StatisticalTable(name: .application, schema: schema, rows: rows, firstLine: first, tableProblem: nil), spans)
    }

    /// Header text of table 三: the note on its identity and the applicant columns.
    static func isHeader(_ text: String) -> Bool {
        let c = TextNormalizer.compact(text)
        return c.has("勾稽关系") || c.has("钩稽关系") || c.has("申请人情况") || c.has("法人或其他组织")
    }

    /// The tokens of a segment that holds at least one table label directly followed by values on
    /// the same line, with no tab or pipe to separate cells; nil for any other segment (those are
    /// read cell by cell as before).
    static func flatRow(_ seg: Segment, match: (String) -> Bool) -> [TableToken]? {
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

    static func cell(_ raw: RawCell) -> Cell {
        if case .value(let v) = raw.kind { return Cell(value: v, text: raw.text, line: raw.line, split: raw.split) }
        return Cell(value: .unreadable(raw.text), text: raw.text, line: raw.line, split: raw.split)
    }
}
