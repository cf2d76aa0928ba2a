import Foundation
import CLibXML2

/// What pages and converters write besides plain markup: Word's conditional list numbers,
/// Markdown holding HTML tables, lists the browser numbers in Chinese.
extension HTMLText {
    /// Word's HTML wraps what it shows in every browser (a list's `一、`) in `<![if !supportLists]>`
    /// … `<![endif]>`, which libxml2 reads as text: the markers go, what they wrap stays. A hidden
    /// block (`<!--[if gte mso 9]>…<![endif]-->`) is a comment and is left to the parser.
    package static func withoutWordConditionals(_ html: String) -> String {
        guard html.contains("<![") else { return html }
        return html.replacingOccurrences(of: "<!\\[(?:if [^\\]>]{1,60}|endif)\\]>", with: "", options: .regularExpression)
    }

    /// Text (Markdown) whose tables are HTML `<table>` blocks, each rendered as the page's tables
    /// are (a row per line, cells by tabs); nil when it has none.
    package static func withEmbeddedTables(_ text: String) -> String? {
        guard mayHoldTable(text), var open = text.range(of: "<table", options: .caseInsensitive) else { return nil }
        var out = ""
        var rest = text.startIndex
        while true {
            guard let close = text.range(of: "</table>", options: .caseInsensitive, range: open.upperBound..<text.endIndex) else { break }
            out += text[rest..<open.lowerBound]
            out += "\n" + HTMLText.text(fromHTML: String(text[open.lowerBound..<close.upperBound]))
            rest = close.upperBound
            guard let next = text.range(of: "<table", options: .caseInsensitive, range: rest..<text.endIndex) else { break }
            open = next
        }
        guard rest != text.startIndex else { return nil }
        return out + text[rest...]
    }

    /// Whether `<table` (any case) occurs, on the UTF-8 bytes: a case-insensitive search of a
    /// String costs more than reading the file.
    package static func mayHoldTable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b -> Bool in
            let tag: [UInt8] = Array("table".utf8)
            var i = 0
            while i + 6 <= b.count {
                if b[i] == 0x3C, (0..<5).allSatisfy({ b[i + 1 + $0] | 0x20 == tag[$0] }) { return true }
                i += 1
            }
            return false
        }
    }

    /// The first number of an ordered list the browser numbers in Chinese (list-style-type
    /// cjk-ideographic or simp-chinese-informal, or UEditor's `custom_cn` class); nil otherwise.
    package static func chineseNumberedList(_ node: xmlNodePtr) -> Int? {
        let style = (attribute(node, "style") ?? "").lowercased(), cls = attribute(node, "class") ?? ""
        guard style.contains("cjk-ideographic") || style.contains("chinese-informal") || cls.split(separator: " ").contains("custom_cn") else { return nil }
        return attribute(node, "start").flatMap { Int($0) } ?? 1
    }
}
