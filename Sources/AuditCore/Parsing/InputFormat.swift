import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The formats a report can arrive in, by file extension.
public enum InputFormat: String, Sendable {
    case text, html, docx, pdf

    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "txt", "md", "markdown", "text": self = .text
        case "html", "htm", "shtml", "xhtml": self = .html
        case "docx": self = .docx
        case "pdf": self = .pdf
        default: return nil
        }
    }
}
