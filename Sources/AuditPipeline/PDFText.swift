import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PDF through poppler's `pdftotext -layout` (Debian: poppler-utils), when it is installed; a PDF
/// with no text layer (a scan) through OCR: pages rendered by `pdftoppm`, read by tesseract with
/// its Simplified Chinese model (Debian: tesseract-ocr, tesseract-ocr-chi-sim).
enum PDFText {
    static var tool: String? {
        if let forced = ProcessInfo.processInfo.environment["AUDIT_PDFTOTEXT"] { return FileManager.default.isExecutableFile(atPath: forced) ? forced : nil }
        return ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The text and where it came from (the PDF's text layer, or OCR).
    static func read(path: String) -> (result: InputReader.Result, origin: TextOrigin) {
        guard let tool else {
            return (.failure(Localized(zh: "读取 PDF 需要 pdftotext，请安装 poppler-utils（apt-get install poppler-utils）后重新运行",
                                       en: "reading PDF needs pdftotext: install poppler-utils (apt-get install poppler-utils) and run again")), .document)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-layout", "-enc", "UTF-8", "-q", path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            return (.failure(Localized(zh: "pdftotext 无法运行：\(error)", en: "pdftotext cannot run: \(error)")), .document)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return (.failure(Localized(zh: "PDF 无法转换为文本（文件损坏或加密）", en: "the PDF cannot be converted to text (damaged or encrypted)")), .document)
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return OCR.read(pdf: path) }
        // pdftotext separates pages with form feeds.
        return (.text(text.replacingOccurrences(of: "\u{0C}", with: "\n")), .document)
    }
}
