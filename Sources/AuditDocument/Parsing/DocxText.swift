import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Turns a Word `.docx` into the text layout the parser reads: each paragraph a line, each table
/// row a line of tab-separated cells (`gridSpan` gives empty cells after the spanning one, a
/// continued `vMerge` cell is empty), text of nested tables flattened into their cell.
public enum DocxText {
    public enum Failure: Error { case notAZip, noDocument, badXML(String) }

    /// Documents larger than this once unzipped are refused (a zip bomb must not exhaust memory).
    package static let maxDocumentBytes = 64 * 1024 * 1024

    public static func text(fromDOCX data: Data) throws -> String {
        guard structurallySound(data) else { throw Failure.notAZip }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw Failure.notAZip }
        guard let entry = archive["word/document.xml"] else { throw Failure.noDocument }
        guard entry.uncompressedSize <= UInt64(maxDocumentBytes) else { throw Failure.badXML("word/document.xml is larger than \(maxDocumentBytes / 1024 / 1024) MB") }
        var xml = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) } } catch { throw Failure.badXML("cannot unzip word/document.xml") }
        // Foundation's XMLParser traps on names that are not valid UTF-8 (found by fuzzing);
        // a document.xml that is not UTF-8 is damaged anyway.
        guard String(data: xml, encoding: .utf8) != nil else { throw Failure.badXML("word/document.xml is not valid UTF-8") }
        let handler = Handler()
        handler.numbering = DocxNumbering(numbering: part(archive, "word/numbering.xml"), styles: part(archive, "word/styles.xml"))
        handler.notes = DocxNotes.read(part(archive, "word/footnotes.xml")).merging(DocxNotes.read(part(archive, "word/endnotes.xml"), prefix: "e")) { a, _ in a }
        let parser = XMLParser(data: xml)
        parser.delegate = handler
        parser.shouldProcessNamespaces = false
        guard parser.parse() else { throw Failure.badXML(parser.parserError.map { "\($0)" } ?? "malformed XML") }
        handler.endParagraph()
        return handler.lines.joined(separator: "\n") + "\n"
    }

    /// A part of the package other than the document (numbering, styles, notes), if present,
    /// valid UTF-8 and not too large; a damaged one is left out, never fatal.
    static func part(_ archive: Archive, _ path: String) -> Data? {
        guard let entry = archive[path], entry.uncompressedSize <= UInt64(maxDocumentBytes) else { return nil }
        var data = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch { return nil }
        return String(data: data, encoding: .utf8) != nil ? data : nil
    }

    /// Checks that every offset and size in the zip's directory stays inside the data. The zip
    /// library traps (rather than throws) on a directory pointing past the end, which a damaged
    /// or hostile file can do; found by fuzzing.
    package static func structurallySound(_ data: Data) -> Bool {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : -1 }
        func u32(_ i: Int) -> Int { i + 4 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 : -1 }
        guard b.count >= 22 else { return false }
        // The end-of-central-directory record, within the last 64 KiB + 22 bytes.
        var eocd = -1
        var i = b.count - 22
        while i >= max(0, b.count - 22 - 65_535) {
            if u32(i) == 0x06054b50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { return false }
        let entries = u16(eocd + 10), cdSize = u32(eocd + 12), cdOffset = u32(eocd + 16)
        guard entries >= 0, entries < 0xFFFF, cdSize >= 0, cdOffset >= 0, cdOffset + cdSize <= eocd else { return false }
        var p = cdOffset
        for _ in 0..<entries {
            guard u32(p) == 0x02014b50 else { return false }
            let compressed = u32(p + 20), uncompressed = u32(p + 24)
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32), local = u32(p + 42)
            guard compressed >= 0, uncompressed >= 0, nameLength >= 0, extraLength >= 0, commentLength >= 0, local >= 0,
                  compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF else { return false }
            guard u32(local) == 0x04034b50 else { return false }
            let localName = u16(local + 26), localExtra = u16(local + 28)
            guard localName >= 0, localExtra >= 0, local + 30 + localName + localExtra + compressed <= cdOffset else { return false }
            p += 46 + nameLength + extraLength + commentLength
            guard p <= cdOffset + cdSize else { return false }
        }
        return true
    }

    package final class Handler: NSObject, XMLParserDelegate {
        package var lines: [String] = []
        package var paragraph = ""
        package var inText = false
        /// Open tables, innermost last: each has its rows, the current row and cell.
        package struct Table { var rows: [[String]] = []; var row: [String] = []; var cell = ""; var span = 1; var continued = false }
        package var tables: [Table] = []
        /// Automatic list numbers, and the paragraph's list and style as its properties say.
        package var numbering = DocxNumbering(numbering: nil, styles: nil)
        package var numId: String?, level: Int?, style: String?
        /// Footnotes and endnotes by id, and those the current paragraph refers to.
        package var notes: [String: String] = [:]
        package var referenced: [String] = []
        /// Hidden text (w:vanish) and the fallback copy of a text box are not shown by Word.
        package var hidden = false
        package var fallbackDepth = 0

        package func endParagraph() {
            if tables.isEmpty {
                let t = paragraph.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { lines.append(t) }
                // A note's text follows the paragraph that refers to it (a footnote may give the period).
                for id in referenced { if let note = notes[id], !note.isEmpty { lines.append("注：" + note) } }
            } else {
                // A paragraph inside a cell: cells keep one line, paragraphs joined.
                tables[tables.count - 1].cell += paragraph
            }
            paragraph = ""
            referenced = []
        }

        package func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:p": numId = nil; level = nil; style = nil
            case "w:numId": numId = attributes["w:val"]
            case "w:ilvl": level = attributes["w:val"].flatMap { Int($0) }
            case "w:pStyle": style = attributes["w:val"]
            case "w:r": hidden = false
            case "w:vanish": hidden = !["0", "false", "off"].contains(attributes["w:val"] ?? "true")
            case "mc:Fallback": fallbackDepth += 1
            case "w:footnoteReference": if let id = attributes["w:id"] { referenced.append(id) }
            case "w:endnoteReference": if let id = attributes["w:id"] { referenced.append("e" + id) }
            case "w:t": inText = true
            case "w:tab": paragraph += tables.isEmpty ? "\t" : " "
            case "w:br", "w:cr": if tables.isEmpty { endParagraph() } else { paragraph += " " }
            case "w:tbl":
                endParagraph()
                tables.append(Table())
            case "w:tr": if !tables.isEmpty { tables[tables.count - 1].row = [] }
            case "w:tc": if !tables.isEmpty { tables[tables.count - 1].cell = ""; tables[tables.count - 1].span = 1; tables[tables.count - 1].continued = false }
            case "w:gridSpan": if !tables.isEmpty { tables[tables.count - 1].span = min(100, max(1, Int(attributes["w:val"] ?? "1") ?? 1)) }
            case "w:vMerge": if !tables.isEmpty, attributes["w:val"] != "restart" { tables[tables.count - 1].continued = true }
            default: break
            }
        }

        package func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "mc:Fallback": fallbackDepth -= 1
            // The paragraph's properties are read: its list number goes first.
            case "w:pPr":
                if !numbering.isEmpty, let label = numbering.label(numId: numId, level: level, style: style) { paragraph = label + paragraph }
            case "w:p": endParagraph()
            case "w:tc":
                guard !tables.isEmpty else { return }
                var t = tables[tables.count - 1]
                let text = t.continued ? "" : t.cell.trimmingCharacters(in: .whitespaces)
                t.row.append(text)
                for _ in 1..<max(1, t.span) { t.row.append("") }
                tables[tables.count - 1] = t
            case "w:tr":
                guard !tables.isEmpty else { return }
                tables[tables.count - 1].rows.append(tables[tables.count - 1].row)
            case "w:tbl":
                guard let t = tables.popLast() else { return }
                let rendered = t.rows.filter { !$0.allSatisfy(\.isEmpty) }.map { $0.map { $0.replacingIfPresent("\t", with: " ") }.joined(separator: "\t") }
                if tables.isEmpty { lines += rendered } else { tables[tables.count - 1].cell += rendered.joined(separator: " ") }
            default: break
            }
        }

        package func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && !hidden && fallbackDepth == 0 { paragraph += string }
        }
    }
}
