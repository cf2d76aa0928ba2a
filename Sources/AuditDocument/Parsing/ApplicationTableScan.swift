/// One pass of `ApplicationTableReader` over table 三's lines: which row each label opens, the
/// values each row claims, and whether the table as a whole was read cleanly.
package struct ApplicationTableScan {
    package enum Match { case row(Int), group(String) }

    private struct OpenRow {
        package var index: Int
        package var labelLine: Int
        package var values: [RawCell] = []
        package var inline = false
        /// Why the row's values could not be cut into cells (a run of digits read two ways).
        package var problem: Localized?
    }

    private struct Claim {
        package var values: [RawCell]
        package var inline: Bool
        package var labelLine: Int
        package var duplicated = false
        package var problem: Localized?
    }

    package let template: TemplateVersion
    package let schema: TableSchema
    package let rowByCore: [String: Int]
    package var width: Int { schema.columns.count }
    private var claims: [Int: Claim] = [:]
    private var labelSeen: [Int: Int] = [:]         // row index -> first line its label was seen
    private var open: OpenRow?
    /// A row is open whose values, one a line, are still to come.
    /// The line of the open row's label.
    package var openRowLabelLine: Int? { open?.labelLine }
    package var rowAwaitsValues: Bool { open.map { !$0.inline && $0.values.count < width } ?? false }
    private var lastMatched: Int?
    /// A flattened line's last row, whose figures did not make a row: a page wrapped mid-row puts
    /// the rest at the start of the next line.
    private var cutAtLineEnd: (row: Int, text: String, line: Int)?
    private var group: String?
    private var strayValues = 0
    private var firstLine: Int?
    /// Where the table's text lies on lines that hold labels and values together.
    private(set) var spans: [TextSpan] = []
    /// The column headers met before the first row, in order (`自然人`, `商业企业`…`总计`).
    private var columnWords: [String] = []
    package static let columnOrder = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "总计"]

    /// Column headers in a cell before the first row: the values are read by position, so the
    /// headers must be in the format's order.
    private mutating func noteHeader(_ text: String) {
        guard firstLine == nil, text.utf8.count <= 240 else { return }
        let c = TextNormalizer.compact(text)
        let found = Self.columnOrder.compactMap { w in c.byteOffset(of: w).map { (w, $0) } }.sorted { $0.1 < $1.1 }
        columnWords += found.map(\.0)
    }

    /// Why the columns cannot be read by position, if the applicant columns are in another order.
    /// 总计 is no clue: the format's merged header puts it in the first header row, before 自然人
    /// on the second, and a flattened page writes it before 自然人 on one line.
    package var columnProblem: Localized? {
        let applicants = columnWords.filter { $0 != "总计" }.compactMap { Self.columnOrder.firstIndex(of: $0) }
        guard zip(applicants, applicants.dropFirst()).contains(where: { $0 > $1 }) else { return nil }
        return Localized(zh: "的数值无法按位置读取：表三的申请人栏目排列与格式不同（\(columnWords.filter { $0 != "总计" }.joined(separator: "、"))）",
                         en: "its values cannot be read by position: table 3's applicant columns are not in the format's order")
    }

    package init(template: TemplateVersion) {
        self.template = template
        schema = TemplateLabels.applicationSchema(template)
        rowByCore = template == .v2021 ? ApplicationTableReader.rowByCore2021 : ApplicationTableReader.rowByCore2019
    }

    private mutating func close() {
        guard let row = open else { return }
        open = nil
        guard !row.values.isEmpty || row.problem != nil else { return }
        if var c = claims[row.index] {
            c.duplicated = true; claims[row.index] = c
        } else {
            claims[row.index] = Claim(values: row.values, inline: row.inline, labelLine: row.labelLine, problem: row.problem)
        }
    }

    /// The row or group a label names, if any.
    package func match(_ text: String, fuzzy: Bool) -> Match? {
        // A label is short; a long run of text is narrative (and costs a lot to fold).
        if text.utf8.count > 240 { return nil }
        let (enumerator, core) = TemplateLabels.labelCore(text)
        guard !core.isEmpty else { return nil }
        if core == "其他" { return other(enumerator) }
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

    /// `其他`: the group （五）其他处理 under a Chinese enumerator, its last row inside that group.
    private func other(_ enumerator: String) -> Match? {
        let chineseEnumerator = enumerator.unicodeScalars.contains { !("0"..."9").contains($0) && $0 != "." && $0 != "、" && $0 != "(" && $0 != ")" }
        let inOther = group == "other_processing" || lastMatched.map { schema.rows[$0].group == "other_processing" } == true
        if chineseEnumerator { return template == .v2021 ? .group("other_processing") : schema.rowIndex("other_processing").map(Match.row) }
        return inOther ? schema.rowIndex("other_3").map(Match.row) : nil
    }

    private mutating func openRow(_ m: Match?, line: Int) {
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

    /// Labels and values on one line without cell separators: each label takes the run of values
    /// that follows it, cut into exactly seven cells.
    package mutating func readFlat(_ tokens: [TableToken], line: Int) {
        var tableStart: Int?, tableEnd = 0
        let carried = cutAtLineEnd
        cutAtLineEnd = nil
        for (k, t) in tokens.enumerated() {
            if k == 0, t.kind == .values, let carried, joinWrapped(carried, t) { tableEnd = t.hi; tableStart = t.lo; continue }
            switch t.kind {
            case .text:
                noteHeader(t.text)
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
                    if k == tokens.count - 1 { cutAtLineEnd = (row.index, t.text, t.line) }
                }
                row.inline = true
                open = row
                close()
                tableEnd = t.hi
            }
        }
        if var s = tableStart {
            // The header before the first row (the 勾稽关系 note, the applicant columns) is table text too.
            if let header = tokens.first(where: { $0.lo < s && ApplicationTableReader.isHeader($0.text) }) { s = header.lo }
            spans.append(TextSpan(line: line, lo: s, hi: tableEnd))
        }
        close()
    }

    /// The figures that open a line completing the row the line before ended in, if together
    /// they make exactly one row (and the row was not claimed twice).
    private mutating func joinWrapped(_ carried: (row: Int, text: String, line: Int), _ t: TableToken) -> Bool {
        guard var claim = claims[carried.row], !claim.duplicated, claim.problem != nil,
              case .cells(let cells, let how) = DigitRunSplitter.split(carried.text + " " + t.text, width: width, identity: DigitRunSplitter.lastIsTotal),
              // The row's total must then be its sum: figures opening a line may be a page number or a year.
              let figures = Optional(cells.compactMap { Int($0) }), figures.count == width, figures.last == figures.dropLast().reduce(0, +)
        else { return false }
        claim.values = cells.map { var c = CellSplitter.classify($0, line: carried.line); c.split = how; return c }
        claim.problem = nil
        claims[carried.row] = claim
        return true
    }

    /// A line read cell by cell: a label opens its row, the values after it fill the row.
    package mutating func readCells(_ cells: [RawCell]) {
        if !cells.isEmpty { cutAtLineEnd = nil }
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
                noteHeader(cell.text)
                openRow(match(cell.text, fuzzy: false), line: cell.line)
            }
        }
        // A row whose label line carried values ends with that line.
        if open?.inline == true { close() }
    }

    /// Every row read with its seven values, once, and no value outside a row.
    package var isClean: Bool {
        var done = self
        done.close()
        return done.firstLine != nil && done.strayValues == 0 && done.schema.rows.indices.allSatisfy { i in
            done.claims[i].map { !$0.duplicated && $0.values.count == width && $0.problem == nil } ?? false
        }
    }

    /// The table as read: each row read, unreliable (and why) or missing; nil if no row label was seen.
    package mutating func table() -> StatisticalTable? {
        close()
        guard let first = firstLine else { return nil }
        let clean = strayValues == 0 && schema.rows.indices.allSatisfy { i in
            claims[i].map { !$0.duplicated && $0.values.count == width } ?? false
        }
        let rows = schema.rows.indices.map { i -> RowReading in
            if let problem = columnProblem { return .unreliable(reason: problem, labelLine: claims[i]?.labelLine ?? labelSeen[i] ?? first) }
            guard let claim = claims[i] else {
                guard let line = labelSeen[i] else { return .missing }
                return .unreliable(reason: Localized(zh: "没有读到数值", en: "no values were read for this row"), labelLine: line)
            }
            return reading(claim, clean: clean)
        }
        if let problem = Self.totalFirst(rows) {
            return StatisticalTable(name: .application, schema: schema, rows: rows.map { row in
                if case .read(let cells) = row { return .unreliable(reason: problem, labelLine: cells.first?.line ?? first) }
                return row
            }, firstLine: first, tableProblem: nil)
        }
        return StatisticalTable(name: .application, schema: schema, rows: rows, firstLine: first, tableProblem: nil)
    }

    /// Why the values cannot be read by position when the 总计 column stands first: in rows with
    /// figures the first value is the sum of the others, and in none is the last the sum of the
    /// rest. (Headers do not tell: the format's merged header writes 总计 before 自然人 as often.)
    package static func totalFirst(_ rows: [RowReading]) -> Localized? {
        var first = 0, last = 0
        for case .read(let cells) in rows {
            let v = cells.compactMap { c -> Int64? in if case .number(let q) = c.value, q.scale == 0 { return q.mantissa }; return nil }
            guard v.count == cells.count, v.count > 2, v.contains(where: { $0 != 0 }) else { continue }
            let sum = v.reduce(0, +)
            let firstIsTotal = v[0] * 2 == sum, lastIsTotal = v[v.count - 1] * 2 == sum
            if firstIsTotal && !lastIsTotal { first += 1 } else if lastIsTotal { last += 1 }
        }
        guard first >= 2, last == 0 else { return nil }
        return Localized(zh: "的数值无法按位置读取：表三的“总计”列排在申请人各列之前（各行第一个数等于其余各数之和）",
                         en: "its values cannot be read by position: table 3's total column stands before the applicant columns")
    }

    private func reading(_ claim: Claim, clean: Bool) -> RowReading {
        if claim.duplicated {
            return .unreliable(reason: Localized(zh: "的标签出现多次，无法确定取哪一行", en: "the row label occurs more than once"), labelLine: claim.labelLine)
        } else if let problem = claim.problem {
            return .unreliable(reason: problem, labelLine: claim.labelLine)
        } else if claim.values.count != width {
            return .unreliable(reason: Localized(zh: "读到\(claim.values.count)个数值，应为\(width)个", en: "\(claim.values.count) values read, \(width) expected"),
                               labelLine: claim.labelLine)
        } else if !claim.inline && !clean {
            return .unreliable(reason: Localized(zh: "无法确定数值归属（表格逐格分行排列且有缺格或多余数值）",
                                                 en: "the table has one cell per line and lost or extra cells, so values cannot be assigned to rows with confidence"),
                               labelLine: claim.labelLine)
        }
        return .read(claim.values.map(ApplicationTableReader.cell))
    }
}
