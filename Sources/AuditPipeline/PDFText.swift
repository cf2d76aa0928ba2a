import AuditCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PDF through poppler's `pdftotext -layout` (Debian: poppler-utils), when it is installed.
enum PDFText {
    static var tool: String? {
        if let forced = ProcessInfo.processInfo.environment["AUDIT_PDFTOTEXT"] { return FileManager.default.isExecutableFile(atPath: forced) ? forced : nil }
        return ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func extract(path: String) -> InputReader.Result {
        guard let tool else {
            return .failure(Localized(zh: "读取 PDF 需要 pdftotext，请安装 poppler-utils（apt-get install poppler-utils）后重新运行",
                                      en: "reading PDF needs pdftotext: install poppler-utils (apt-get install poppler-utils) and run again"))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-layout", "-enc", "UTF-8", "-q", path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch {
            return .failure(Localized(zh: "pdftotext 无法运行：\(error)", en: "pdftotext cannot run: \(error)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return .failure(Localized(zh: "PDF 无法转换为文本（文件损坏或加密）", en: "the PDF cannot be converted to text (damaged or encrypted)"))
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(Localized(zh: "PDF 中没有文字（可能是扫描件，需要先做文字识别）", en: "the PDF holds no text (a scan? it needs OCR first)"))
        }
        // pdftotext separates pages with form feeds.
        return .text(text.replacingOccurrences(of: "\u{0C}", with: "\n"))
    }
}
