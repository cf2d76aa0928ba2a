/// Reads table 二 (主动公开政府信息情况) by its row labels: in a row separated by tabs or pipes
/// the label's line holds its figures; with one cell a line (a page's table as text) the label's
/// line is followed by its figures, one a line; on a line without separators (a flattened page:
/// `…现行有效件数规章000行政规范性文件002第二十条…`) the label is the end of the text before a
/// run of figures, and the run is cut into the row's cells only when one reading fits.
package struct ProactiveTableReader {
    package static let labelWords = ["规章", "规范性文件", "许可", "处罚", "强制", "收费", "采购", "服务事项"]

    let specs: [ProactiveItemSpec]
    /// Every label and alias, compacted, with its item; longest first, so that 行政规范性文件 is
    /// not read as 规范性文件.
    let labels: [(String, Int)]
    var readings: [Int: RowReading] = [:]
    var firstLine: Int?
    var spans: [TextSpan] = []
    /// The row whose figures follow its label one a line.
    var collecting: (item: Int, line: Int, values: [RawCell])?

    package static func read(_ segments: ArraySlice<Segment>, template: TemplateVersion) -> (table: ProactiveTable?, spans: [TextSpan]) {
        var reader = ProactiveTableReader(template)
        for seg in segments {
            // A label with its note is a long cell (`规范性文件(行政机关制定发布的决定、公告…) |`).
            let short = seg.text.utf8.count <= 80 || (seg.text.utf8.count <= 600 && (seg.text.has("(") || seg.text.has("（")) && reader.item(named: Self.oneCell(seg.text)) != nil)
            let separated = seg.text.has("\t") || seg.text.has("|")
            // Cut once: a short line of at most one cell may be one cell a line, a separated line is a row.
            let cells = short || separated ? CellSplitter.cells(seg) : []
            if short, cells.count <= 1 {
                if reader.oneCellALine(cells, seg) { continue }
            } else { reader.closeRow() }
            if separated { reader.row(cells, seg) } else { reader.flattened(seg) }
        }
        reader.closeRow()
        guard let first = reader.firstLine else { return (nil, reader.spans) }
        let items = reader.specs.indices.map { ProactiveTable.Item(spec: reader.specs[$0], reading: reader.readings[$0] ?? .missing) }
        return (ProactiveTable(items: items, firstLine: first), reader.spans)
    }

    init(_ template: TemplateVersion) {
        specs = TemplateLabels.proactiveItems(template)
        labels = specs.enumerated().flatMap { i, s in ([s.label] + s.aliases).map { (TextNormalizer.compact($0), i) } }
            .sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }

    func item(endingWith text: String) -> Int? {
        let c = TemplateLabels.labelCore(text).core
        if let i = labels.first(where: { c.hasSuffix($0.0) })?.1 { return i }
        let bare = Self.withoutNote(c)
        return bare == c ? nil : labels.first { bare.hasSuffix($0.0) }?.1
    }

    /// A label with the note some provinces print after it (`规范性文件(行政机关制定发布的决定、
    /// 公告…)`, `规章(设区的市…应提供相关数据)`): the label before the note.
    static func withoutNote(_ core: String) -> String {
        guard core.hasSuffix(")"), let open = core.firstIndex(of: "("), open > core.startIndex else { return core }
        return String(core[..<open])
    }

    /// A line's text without the pipe that closes its one cell.
    static func oneCell(_ line: String) -> String {
        let t = TextNormalizer.trim(line)
        return t.hasSuffix("|") ? TextNormalizer.trim(String(t.dropLast())) : t
    }

    /// The item a cell standing alone names, its note dropped.
    func item(named text: String) -> Int? {
        let c = TemplateLabels.labelCore(text).core
        return labels.first { $0.0 == c }?.1 ?? labels.first { $0.0 == Self.withoutNote(c) }?.1
    }

    /// One cell a line (`规章 |` / `0 |` / `0 |` / `0 |`, or cells between blank lines): a label on
    /// a line of its own, then its figures each on a line. `cell`: the line's one cell, or none
    /// (fillers `||` and blank lines). True when the line was taken so.
    mutating func oneCellALine(_ cell: [RawCell], _ seg: Segment) -> Bool {
        guard let c = cell.first.map(Self.figure) else { return true }
        if c.isValue, collecting != nil { collecting!.values.append(c); return true }
        closeRow()
        guard !c.isValue, let i = item(named: c.text), readings[i] == nil else { return false }
        collecting = (i, seg.line, [])
        return true
    }

    mutating func closeRow() {
        guard let c = collecting else { return }
        collecting = nil
        guard !c.values.isEmpty else { return }
        record(c.item, c.values, line: c.line)
    }

    mutating func record(_ i: Int, _ values: [RawCell], line: Int) {
        firstLine = firstLine ?? line
        let width = specs[i].columns.count
        readings[i] = values.count == width ? .read(values.map(ApplicationTableReader.cell))
            : .unreliable(reason: Localized(zh: "读到\(values.count)个数值，应为\(width)个", en: "\(values.count) values read, \(width) expected"), labelLine: line)
    }

    /// A row separated by tabs or pipes: the label, then its figures.
    mutating func row(_ cells: [RawCell], _ seg: Segment) {
        guard let label = cells.first, !label.isValue, let i = item(endingWith: label.text), readings[i] == nil else { return }
        // A cell with a unit or a sign is a figure; past the row's width only such cells may stand
        // (a note column `12件`), and are dropped — a plain figure there makes the row unreadable.
        let width = specs[i].columns.count
        var values = cells.dropFirst().map(Self.figure).filter(\.isValue)
        if values.count > width, values[width...].allSatisfy({ !$0.text.isEmpty && Quantity($0.text) == nil }) { values = Array(values.prefix(width)) }
        guard !values.isEmpty else { return }
        record(i, Array(values), line: seg.line)
    }

    /// Table 二 prints figures table 三 never has: a change with its sign in 本年增/减 (`+3`, `-2`)
    /// and an amount with its unit in 采购总金额 (`86.5万元`, `251000元`). Such a cell is the row's
    /// figure as printed, not text; read elsewhere it would leave the row a cell short.
    static func figure(_ c: RawCell) -> RawCell {
        guard !c.isValue else { return c }
        var t = Substring(c.text)
        for unit in ["万元", "元", "件", "项", "个", "条"] where t.hasSuffix(unit) { t = t.dropLast(unit.count); break }
        var sign: Int64 = 1
        if let f = t.first, "+-＋－".contains(f), t.count > 1 { sign = "-－".contains(f) ? -1 : 1; t = t.dropFirst() }
        guard t.count < c.text.count, t.first?.isASCII == true, var q = Quantity(String(t)), !(q.scale == 0 && t.count > 1 && t.hasPrefix("0")) else { return c }
        q.mantissa *= sign
        return RawCell(kind: .value(.number(q)), text: c.text, line: c.line, split: c.split)
    }

    /// A line without separators: labels each followed by a run of figures.
    mutating func flattened(_ seg: Segment) {
        // Only a line with a label and a figure can hold a row.
        guard seg.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), Self.labelWords.contains(where: { seg.text.has($0) }) else { return }
        let tokens = TableTokenizer.tokens(seg)
        var start: Int?, end = 0
        for k in tokens.indices.dropLast() where tokens[k].kind == .text && tokens[k + 1].kind == .values {
            guard let i = item(endingWith: tokens[k].text), readings[i] == nil else { continue }
            let run = tokens[k + 1]
            firstLine = firstLine ?? seg.line
            start = start ?? tokens[k].lo
            end = run.hi
            switch DigitRunSplitter.split(run.text, width: specs[i].columns.count) {
            case .cells(let cells, let how):
                readings[i] = .read(cells.map { raw in var c = CellSplitter.classify(raw, line: seg.line); c.split = how; return ApplicationTableReader.cell(c) })
            case .unreadable(let reason):
                readings[i] = .unreliable(reason: reason, labelLine: seg.line)
            }
        }
        if let start {
            // The table's header words before the first label are table text too.
            let headerStart = tokens.first { TextNormalizer.compact($0.text).has("第二十条") }?.lo ?? start
            spans.append(TextSpan(line: seg.line, lo: min(start, headerStart), hi: end))
        }
    }
}
