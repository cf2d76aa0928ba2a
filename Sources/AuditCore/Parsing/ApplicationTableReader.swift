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
    }

    private struct Claim {
        var values: [RawCell]
        var inline: Bool
        var labelLine: Int
        var duplicated = false
    }

    /// Each label core to the first row that has it, per format (a lookup per text cell).
    private static let rowByCore2021 = coreIndex(TemplateLabels.applicationSchema(.v2021))
    private static let rowByCore2019 = coreIndex(TemplateLabels.applicationSchema(.v2019))
    private static func coreIndex(_ schema: TableSchema) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, row) in schema.rows.enumerated() { for core in row.cores where out[core] == nil { out[core] = i } }
        return out
    }

    static func read(_ segments: ArraySlice<Segment>, template: TemplateVersion) -> StatisticalTable? {
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

        func close() {
            guard let row = open else { return }
            open = nil
            guard !row.values.isEmpty else { return }
            if var c = claims[row.index] {
                c.duplicated = true; claims[row.index] = c
            } else {
                claims[row.index] = Claim(values: row.values, inline: row.inline, labelLine: row.labelLine)
            }
        }

        func match(_ text: String) -> Match? {
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
            return nil
        }

        for seg in segments {
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
                    switch match(cell.text) {
                    case .row(let i)?:
                        close()
                        open = OpenRow(index: i, labelLine: cell.line)
                        if labelSeen[i] == nil { labelSeen[i] = cell.line }
                        lastMatched = i
                        if firstLine == nil { firstLine = cell.line }
                    case .group(let g)?:
                        close(); group = g
                    case nil:
                        close()
                    }
                }
            }
            // A row whose label line carried values ends with that line.
            if open?.inline == true { close() }
        }
        close()
        guard let first = firstLine else { return nil }

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
            } else if claim.values.count != width {
                rows.append(.unreliable(reason: Localized(zh: "读到\(claim.values.count)个数值，应为\(width)个", en: "\(claim.values.count) values read, \(width) expected"), labelLine: claim.labelLine))
            } else if !claim.inline && !clean {
                rows.append(.unreliable(reason: Localized(zh: "无法确定数值归属（表格逐格分行排列且有缺格或多余数值）", en: "the table has one cell per line and lost or extra cells, so values cannot be assigned to rows with confidence"), labelLine: claim.labelLine))
            } else {
                rows.append(.read(claim.values.map(cell)))
            }
        }
        return StatisticalTable(name: .application, schema: schema, rows: rows, firstLine: first, tableProblem: nil)
    }

    static func cell(_ raw: RawCell) -> Cell {
        if case .value(let v) = raw.kind { return Cell(value: v, text: raw.text, line: raw.line) }
        return Cell(value: .unreadable(raw.text), text: raw.text, line: raw.line)
    }
}

/// Reads table 四 (行政复议、行政诉讼): one data row of fifteen values, five per block, in the
/// fixed order 结果维持 结果纠正 其他结果 尚未审结 总计 (domain note §3.3).
enum ReviewTableReader {
    static func read(_ segments: ArraySlice<Segment>) -> StatisticalTable? {
        let schema = TemplateLabels.reviewSchema
        var values: [RawCell] = []
        var sawLabel = false
        var firstLine: Int?
        for seg in segments {
            for cell in CellSplitter.cells(seg) {
                if cell.isValue {
                    values.append(cell)
                    if firstLine == nil { firstLine = cell.line }
                } else if cell.text.has("复议") || cell.text.has("诉讼") || cell.text.has("结果维持") {
                    sawLabel = true
                    if firstLine == nil { firstLine = cell.line }
                }
            }
        }
        guard sawLabel || !values.isEmpty, let first = firstLine else { return nil }
        let expected = schema.rows.count * schema.columns.count
        guard values.count == expected else {
            let reason = Localized(zh: "表四应有\(expected)个数值，读到\(values.count)个", en: "table 4 should hold \(expected) values; \(values.count) were read")
            return StatisticalTable(name: .reviewLitigation, schema: schema,
                                    rows: schema.rows.map { _ in .unreliable(reason: reason, labelLine: first) },
                                    firstLine: first, tableProblem: reason)
        }
        let w = schema.columns.count
        let rows: [RowReading] = schema.rows.indices.map { r in
            .read(values[(r * w)..<(r * w + w)].map(ApplicationTableReader.cell))
        }
        return StatisticalTable(name: .reviewLitigation, schema: schema, rows: rows, firstLine: first, tableProblem: nil)
    }
}
