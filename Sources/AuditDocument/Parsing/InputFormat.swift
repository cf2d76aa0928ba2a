import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The formats a report can arrive in, by file extension.
public enum InputFormat: String, Sendable {
    /// `office`: Word 97–2003 (.doc), WPS (.wps), RTF and OpenDocument (.odt), which the
    /// pipeline has LibreOffice turn into .docx before reading.
    case text, html, docx, pdf, office

    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "txt", "md", "markdown", "text": self = .text
        case "html", "htm", "shtml", "xhtml": self = .html
        case "docx": self = .docx
        case "pdf": self = .pdf
        case "doc", "wps", "rtf", "odt", "dot", "wpt": self = .office
        default: return nil
        }
    }
}
