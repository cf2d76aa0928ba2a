import CLibXML2
import Foundation

/// Turns a report published as a web page into the text layout the parser reads: block
/// elements on their own lines, headings as Markdown headings, and each `<table>` row as one
/// line of tab-separated cells after `rowspan`/`colspan` are expanded into the grid (a spanned
/// cell's text stands in its first slot, the slots it covers are empty). Navigation, scripts,
/// styles and forms are dropped; entities are decoded by libxml2's HTML parser (not regular
/// expressions), which also repairs unclosed and misnested tags.
public enum HTMLText {
    package static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "nav", "iframe", "select", "button", "form", "svg", "object", "embed"]
    package static let blocks: Set<String> = ["p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
                                      "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "center", "address", "figure", "figcaption", "hr", "caption"]
    /// Deeper nesting than this is flattened: a hostile page cannot exhaust the stack.
    package static let maxDepth = 400

    private static let initialize: Void = { xmlInitParser() }()

    /// Whether a text holds HTML markup at all: three tags or more (`<p>`, `<br/>`, `</td>`,
    /// `<!DOCTYPE`); plain text may hold a stray `<i>…</i>` from a converter.
    public static func hasTags(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b -> Bool in
            var i = 0, tags = 0
            while i + 1 < b.count {
                if b[i] == 0x3C, isTagStart(b[i + 1]) {
                    var j = i + 1
                    while j < b.count, j - i < 2000, b[j] != 0x3C, b[j] != 0x0A, b[j] != 0x3E { j += 1 }
                    if j < b.count, b[j] == 0x3E { tags += 1; if tags >= 3 { return true } }
                    i = j; continue
                }
                i += 1
            }
            return false
        }
    }

    /// Whether a text is HTML markup rather than prose: twenty or more tags making up at least
    /// a third of its visible characters (a page is 70–100%; a report with a stray `<br>` none),
    /// five of them paragraphs or divisions — Markdown from a PDF converter may hold HTML tables,
    /// never a page's paragraphs. Tested on the UTF-8 bytes, most texts having no `<` at all.
    public static func isMarkup(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b -> Bool in
            var tags = 0, tagBytes = 0, visible = 0, i = 0, blocks = 0
            while i < b.count {
                let c = b[i]
                if c == 0x3C, i + 1 < b.count, isTagStart(b[i + 1]) {
                    // A tag: up to its `>` on the same line, at most 2,000 bytes.
                    var j = i + 1
                    while j < b.count, j - i < 2000, b[j] != 0x3E, b[j] != 0x3C, b[j] != 0x0A { j += 1 }
                    if j < b.count, b[j] == 0x3E {
                        tags += 1; tagBytes += j - i + 1; visible += j - i + 1
                        // `<p>`, `<p …>`, `<div…`: a page's blocks.
                        let n = b[i + 1] | 0x20
                        if (n == 0x70 && (b[i + 2] == 0x3E || b[i + 2] == 0x20)) || (n == 0x64 && j - i > 3 && b[i + 2] | 0x20 == 0x69 && b[i + 3] | 0x20 == 0x76) { blocks += 1 }
                        i = j + 1; continue
                    }
                }
                if c > 0x20 && (c < 0x80 || c >= 0xC0) { visible += 1 }
                i += 1
            }
            return tags >= 20 && blocks >= 5 && tagBytes * 3 >= visible
        }
    }

    @inline(__always) package static func isTagStart(_ c: UInt8) -> Bool { c == 0x2F || c == 0x21 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }

    public static func text(fromHTML html: String) -> String {
        _ = initialize
        let bytes = Array(withoutWordConditionals(html).utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        // The text is already decoded; tell libxml2 it is UTF-8 whatever a <meta charset> says.
        guard let doc = bytes.withUnsafeBufferPointer({ buf -> htmlDocPtr? in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options) }
        }) else { return "" }
        defer { xmlFreeDoc(doc) }
        var out = Writer()
        if let root = xmlDocGetRootElement(doc) { render(root, into: &out, depth: 0) }
        out.newline()
        return out.lines.joined(separator: "\n") + "\n"
    }

    package struct Writer {
        package var lines: [String] = []
        package var current = ""
        /// A list item's number, put before the item's first text (its <p> starts a new line).
        package var marker = ""
        package mutating func text(_ s: String) {
            if !marker.isEmpty, s.contains(where: { !$0.isWhitespace }) { current += marker; marker = "" }
            // HTML white space collapses to one space.
            var collapsed = ""
            var lastSpace = current.isEmpty || current.hasSuffix(" ")
            for ch in s {
                if ch.isWhitespace && ch != "\u{3000}" {
                    if !lastSpace { collapsed.append(" "); lastSpace = true }
                } else { collapsed.append(ch); lastSpace = false }
            }
            current += collapsed
        }
        package mutating func newline() {
            let t = current.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { lines.append(t) }
            current = ""
        }
        package mutating func raw(_ line: String) { newline(); lines.append(line) }
    }

    package static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    package static func content(_ node: xmlNodePtr) -> String {
        guard let c = node.pointee.content else { return "" }
        return String(cString: c)
    }

    package static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let v = xmlGetProp(node, key) else { return nil }
        defer { auditXMLFree(v) }
        return String(cString: v)
    }

    package static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c { out.append(n); c = n.pointee.next }
        return out
    }

    package static func render(_ node: xmlNodePtr, into out: inout Writer, depth: Int) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            out.text(content(node))
        case XML_ELEMENT_NODE:
            let tag = name(node)
            if skipped.contains(tag) { return }
            if depth > maxDepth { out.text(plainText(node)); return }
            if tag == "table" {
                out.newline()
                if isLayout(node) {
                    // A page laid out with a table: its cells hold the article, each rendered as a block.
                    var stack = Array(children(node).reversed())
                    while let n = stack.popLast() {
                        guard n.pointee.type == XML_ELEMENT_NODE else { continue }
                        switch name(n) {
                        case "thead", "tbody", "tfoot", "tr": stack += children(n).reversed()
                        case "td", "th":
                            out.newline()
                            for c in children(n) { render(c, into: &out, depth: depth + 1) }
                            out.newline()
                        default: render(n, into: &out, depth: depth + 1)
                        }
                    }
                } else {
                    renderTable(node, into: &out)
                }
                return
            }
            if tag == "br" { out.newline(); return }
            if tag == "ol", let first = chineseNumberedList(node) {
                // The browser numbers these items 一、二、… (UEditor's `custom_cn` lists); the text has no numbers.
                var n = first
                for c in children(node) {
                    guard c.pointee.type == XML_ELEMENT_NODE, name(c) == "li" else { render(c, into: &out, depth: depth + 1); continue }
                    out.newline()
                    out.marker = DocxNumbering.format(n, "chineseCounting") + "、"
                    for g in children(c) { render(g, into: &out, depth: depth + 1) }
                    out.marker = ""
                    out.newline()
                    n += 1
                }
                return
            }
            let isBlock = blocks.contains(tag)
            if isBlock { out.newline() }
            if tag.count == 2, tag.hasPrefix("h"), let level = Int(tag.dropFirst()) { out.text(String(repeating: "#", count: level) + " ") }
            for c in children(node) { render(c, into: &out, depth: depth + 1) }
            if isBlock { out.newline() }
        default:
            return
        }
    }

    /// All text below a node, white space collapsed, iteratively (no recursion).
    package static func plainText(_ node: xmlNodePtr) -> String {
        var w = Writer()
        var stack: [xmlNodePtr] = [node]
        while let n = stack.popLast() {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE { w.text(content(n)); continue }
            guard n.pointee.type == XML_ELEMENT_NODE, !skipped.contains(name(n)) else { continue }
            if name(n) == "br" || blocks.contains(name(n)) { w.text(" ") }
            stack += children(n).reversed()
        }
        return w.current.trimmingCharacters(in: .whitespaces)
    }

    /// Longest cell text of a data table: a row label with its note runs to some 60 characters.
    package static let maxDataCell = 300

    /// A table used for the page's layout, not for data: a cell holds another table, or far more
    /// text than a cell of a statistics table does.
    package static func isLayout(_ table: xmlNodePtr) -> Bool {
        anyElement(under: table, descendingInto: ["thead", "tbody", "tfoot", "tr"]) { cell, tag in
            (tag == "td" || tag == "th") && (anyElement(under: cell, descendingInto: nil) { _, t in t == "table" } || plainText(cell).unicodeScalars.count > maxDataCell)
        }
    }

    /// Whether an element under `node` satisfies `found`, descending only into the tags named
    /// (every tag when nil); at most 100,000 elements are looked at.
    package static func anyElement(under node: xmlNodePtr, descendingInto tags: Set<String>?, _ found: (xmlNodePtr, String) -> Bool) -> Bool {
        var stack = children(node)
        var visited = 0
        while let n = stack.popLast() {
            visited += 1
            if visited > 100_000 { return false }
            guard n.pointee.type == XML_ELEMENT_NODE else { continue }
            let tag = name(n)
            if found(n, tag) { return true }
            if tags?.contains(tag) ?? true { stack += children(n) }
        }
        return false
    }

    /// Rows of a table (through thead/tbody/tfoot, not into nested tables), as grid lines.
    package static func renderTable(_ table: xmlNodePtr, into out: inout Writer) {
        var rows: [xmlNodePtr] = []
        var stack = children(table).reversed() as [xmlNodePtr]
        while let n = stack.popLast() {
            guard n.pointee.type == XML_ELEMENT_NODE else { continue }
            switch name(n) {
            case "tr": rows.append(n)
            case "thead", "tbody", "tfoot": stack += children(n).reversed()
            case "caption": out.raw(plainText(n))
            default: continue
            }
        }
        var grid: [[String?]] = []
        var pendingRowspans: [Int: (text: String, remaining: Int)] = [:]   // column -> covered rows still to fill
        for tr in rows {
            var row: [String?] = []
            var col = 0
            func fillSpans() {
                while let span = pendingRowspans[col] {
                    row.append("")   // covered by a cell above: empty, as TSV layouts print it
                    if span.remaining <= 1 { pendingRowspans[col] = nil } else { pendingRowspans[col] = (span.text, span.remaining - 1) }
                    col += 1
                }
            }
            for cell in children(tr) where cell.pointee.type == XML_ELEMENT_NODE && (name(cell) == "td" || name(cell) == "th") {
                fillSpans()
                let text = plainText(cell)
                let colspan = min(max(Int(attribute(cell, "colspan") ?? "1") ?? 1, 1), 100)
                let rowspan = min(max(Int(attribute(cell, "rowspan") ?? "1") ?? 1, 1), 1000)
                for k in 0..<colspan {
                    row.append(k == 0 ? text : "")
                    if rowspan > 1 { pendingRowspans[col] = (text, rowspan - 1) }
                    col += 1
                }
            }
            fillSpans()
            grid.append(row)
        }
        for row in grid {
            let cells = row.map { ($0 ?? "").replacingIfPresent("\t", with: " ") }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            out.raw(cells.joined(separator: "\t"))
        }
        out.newline()
    }
}
