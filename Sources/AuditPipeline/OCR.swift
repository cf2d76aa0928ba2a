import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// OCR of a scanned PDF: each page rendered at 300 dpi in grey, read by tesseract (chi_sim,
/// one uniform block per page, which keeps table rows on their lines). Its TSV output gives each
/// word's confidence: the figures are trusted only when every figure was read with at least
/// `confidentFigure`.
enum OCR {
    static let confidentFigure = 90.0
    /// Pages read at most: no annual report is longer, and time stays bounded.
    static let maxPages = 150

    static var tesseract: String? {
        if let forced = ProcessInfo.processInfo.environment["AUDIT_TESSERACT"] { return FileManager.default.isExecutableFile(atPath: forced) ? forced : nil }
        return ["/usr/bin/tesseract", "/usr/local/bin/tesseract"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var pdftoppm: String? { ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// Whether tesseract has its Simplified Chinese model.
    static var hasChineseModel: Bool {
        let roots = ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata"]
            + (ProcessInfo.processInfo.environment["TESSDATA_PREFIX"].map { [$0] } ?? [])
        return roots.contains { FileManager.default.fileExists(atPath: $0 + "/chi_sim.traineddata") }
    }

    static let needsOCR = Localized(
        zh: "PDF 中没有文字（扫描件）：安装 tesseract-ocr 和 tesseract-ocr-chi-sim（apt-get install tesseract-ocr tesseract-ocr-chi-sim）后可自动识别，或提供文字版",
        en: "the PDF holds no text (a scan): install tesseract-ocr and tesseract-ocr-chi-sim (apt-get install tesseract-ocr tesseract-ocr-chi-sim) to read it by OCR, or supply a text version")

    static func read(pdf path: String) -> (result: InputReader.Result, origin: TextOrigin) {
        guard let tesseract, let pdftoppm, hasChineseModel else { return (.failure(needsOCR), .document) }
        let fm = FileManager.default
        guard let work = ChildProcesses.makeScratch("report-audit-ocr") else {
            return (.failure(Localized(zh: "无法创建临时文件夹，未能识别扫描件", en: "no temporary folder could be made for OCR")), .document)
        }
        defer { ChildProcesses.removeScratch(work) }
        guard ChildProcesses.run(pdftoppm, ["-r", "300", "-gray", "-png", "-l", String(maxPages), path, work + "/page"], timeout: 120) else {
            return (.failure(Localized(zh: "扫描件页面渲染超时，未能识别", en: "rendering the scan's pages timed out")), .document)
        }
        let pages = ((try? fm.contentsOfDirectory(atPath: work)) ?? []).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }.sorted()
        guard !pages.isEmpty else {
            return (.failure(Localized(zh: "扫描件页面无法渲染（文件损坏或加密）", en: "the scan's pages cannot be rendered (damaged or encrypted)")), .document)
        }
        var text = "", confident = true, figures = 0
        for page in pages {
            let base = work + "/" + (page as NSString).deletingPathExtension
            guard ChildProcesses.run(tesseract, [work + "/" + page, base, "-l", "chi_sim", "--psm", "6", "txt", "tsv"], timeout: 120,
                                        // Reports are read in parallel already: one thread per tesseract, not one per core each.
                                        environment: ["OMP_THREAD_LIMIT": "1"]),
                  let pageText = try? String(contentsOfFile: base + ".txt", encoding: .utf8) else {
                return (.failure(Localized(zh: "扫描件文字识别（OCR）失败或超时", en: "OCR of the scan failed or timed out")), .document)
            }
            text += pageText + "\n"
            // No TSV: nothing says the figures were read well.
            guard let tsv = try? String(contentsOfFile: base + ".tsv", encoding: .utf8) else { confident = false; continue }
            let (count, allConfident) = figureConfidence(tsv)
            figures += count
            confident = confident && allConfident
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return (.failure(Localized(zh: "扫描件经 OCR 未识别出文字", en: "OCR found no text in the scan")), .document)
        }
        return (.text(tidy(text)), .ocr(numbersConfident: confident && figures > 0))
    }

    /// How many figures (words of digits) a page's TSV holds, and whether each was read with
    /// confidence. TSV columns: level … conf text; level 5 is a word.
    static func figureConfidence(_ tsv: String) -> (count: Int, confident: Bool) {
        var count = 0, confident = true
        for line in tsv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 12, f[0] == "5" else { continue }
            let word = f[11]
            // Figures are ASCII or full-width digits (isNumber would take 一, 十 … too).
            guard word.unicodeScalars.contains(where: { ("0"..."9").contains($0) || (0xFF10...0xFF19).contains($0.value) }) else { continue }
            count += 1
            if (Double(f[10]) ?? 0) < confidentFigure { confident = false }
        }
        return (count, confident)
    }

    /// tesseract puts a space between Chinese characters it read as separate words
    /// (`政 府 信 息`); between two CJK characters the space is the OCR's, not the author's.
    static func tidy(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        func cjk(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) || (0x3000...0x303F).contains(s.value) || (0xFF00...0xFFEF).contains(s.value) }
        for (i, s) in scalars.enumerated() {
            if s == " ", i > 0, i + 1 < scalars.count, cjk(scalars[i - 1]), cjk(scalars[i + 1]) { continue }
            out.append(s)
        }
        return String(out)
    }
}
