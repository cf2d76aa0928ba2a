import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of a document's footnotes or endnotes, by id (separators and continuation notes,
/// ids -1 and 0, hold no text of the author's).
package enum DocxNotes {
    package static func read(_ data: Data?, prefix: String = "") -> [String: String] {
        guard let data else { return [:] }
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { return [:] }
        return Dictionary(reader.notes.map { (prefix + $0.key, $0.value.trimmingCharacters(in: .whitespaces)) }, uniquingKeysWith: { a, _ in a })
    }

    final class Reader: NSObject, XMLParserDelegate {
        var notes: [String: String] = [:]
        var id: String?, inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:footnote", "w:endnote": id = attributes["w:id"]
            case "w:t": inText = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "w:t" { inText = false }
            if name == "w:footnote" || name == "w:endnote" { id = nil }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText, let id { notes[id, default: ""] += string }
        }
    }
}
