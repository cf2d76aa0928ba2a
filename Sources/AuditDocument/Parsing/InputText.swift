import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes to report text: decoding and format conversion, pure (PDF, which needs an external
/// program, is the frontend's). Failures are reasons in both languages, never crashes.
public enum InputText {
    public enum Result: Sendable { case text(String), failure(Localized) }

    public static func extract(_ data: Data, format: InputFormat, encoding: TextEncoding? = nil) -> Result {
        switch format {
        case .text:
            // A web page saved under a text name (`.txt`, or its source pasted into a file) is
            // read as the page it is.
            let decoded = decode(data, forced: encoding)
            if case .text(let text) = decoded, HTMLText.isMarkup(text) { return .text(HTMLText.text(fromHTML: text)) }
            // Markdown from PDF converters (MinerU, marker) writes its tables as HTML.
            if case .text(let text) = decoded, let t = HTMLText.withEmbeddedTables(text) { return .text(t) }
            return decoded
        case .html:
            switch decode(data, forced: encoding) {
            // Plain text saved under a page's name (`.htm`) keeps its lines: a page has tags.
            case .text(let html): return .text(HTMLText.hasTags(html) ? HTMLText.text(fromHTML: html) : html)
            case .failure(let r): return .failure(r)
            }
        case .docx:
            do { return .text(try DocxText.text(fromDOCX: data)) } catch {
                return .failure(Localized(zh: "Word 文件无法读取（不是有效的 .docx：\(error)）", en: "the Word file cannot be read (not a valid .docx: \(error))"))
            }
        case .pdf:
            return .failure(Localized(zh: "PDF 需要外部程序转换", en: "PDF needs an external converter"))
        case .office:
            return .failure(Localized(zh: "该格式需要先由 LibreOffice 转换为 .docx", en: "this format needs converting to .docx by LibreOffice first"))
        }
    }

    /// UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (which covers GBK and GB2312);
    /// a forced encoding is used as given.
    public static func decode(_ data: Data, forced: TextEncoding? = nil) -> Result {
        if data.isEmpty { return .failure(Localized(zh: "文件为空", en: "the file is empty")) }
        let utf16BOM = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        if (forced == .utf16 && (utf16BOM || utf16WithoutBOM(data) == nil)) || (forced == nil && utf16BOM) {
            if let s = String(data: data, encoding: .utf16), !s.isEmpty { return .text(s) }
            return .failure(Localized(zh: "文件不是有效的 UTF-16 文本", en: "the file is not valid UTF-16 text"))
        }
        // Over the raw bytes: iterating `Data` byte by byte costs more than the validation.
        let binary = data.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, min(raw.count, 8192)) != nil } ?? false }
        if binary {
            if let order = utf16WithoutBOM(data) {
                if forced == .utf16 {
                    // Forced: the byte order the zero bytes show.
                    if let s = String(data: data, encoding: order == "LE" ? .utf16LittleEndian : .utf16BigEndian), !s.isEmpty { return .text(s) }
                }
                return .failure(Localized(zh: "文件像是没有 BOM 的 UTF-16 文本（\(order)），请加上 --encoding utf-16 重新运行", en: "the file looks like UTF-16 text without a BOM (\(order)); run again with --encoding utf-16"))
            }
            return .failure(Localized(zh: "文件不是文本（含二进制内容）", en: "the file is not text (binary content)"))
        }
        if forced != .gb18030 {
            let utf8: String? = data.withUnsafeBytes { raw in
                var bytes = raw.bindMemory(to: UInt8.self)[...]
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                return String(validating: bytes, as: UTF8.self)
            }
            if let s = utf8 { return .text(s) }
            if forced == .utf8 { return .failure(Localized(zh: "文件不是有效的 UTF-8 文本", en: "the file is not valid UTF-8 text")) }
        }
        if let s = iconv(data, from: "GB18030") { return .text(s) }
        return .failure(Localized(zh: "文件编码无法识别（既不是 UTF-8 也不是 GB18030），可用 --encoding 指定", en: "the text encoding is neither UTF-8 nor GB18030; use --encoding"))
    }

    /// "LE" or "BE" when the bytes look like UTF-16 without a byte-order mark: text with ASCII
    /// in it has a zero byte in every other position (after each ASCII byte in little-endian).
    package static func utf16WithoutBOM(_ data: Data) -> String? {
        let n = min(data.count, 8192) & ~1
        guard n >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            for i in stride(from: 0, to: n, by: 2) {
                if b[i] == 0 { zeroEven += 1 }
                if b[i + 1] == 0 { zeroOdd += 1 }
            }
        }
        let pairs = n / 2
        guard pairs >= 8 else { return nil }
        let order: String
        // Chinese text has ASCII in it (digits, spaces, line breaks); a CJK character with a
        // zero low byte (U+4E00) is rare.
        if zeroOdd >= max(4, pairs / 20), zeroEven * 8 <= zeroOdd { order = "LE" }
        else if zeroEven >= max(4, pairs / 20), zeroOdd * 8 <= zeroEven { order = "BE" }
        else { return nil }
        // And the sample reads as text: no control characters but line breaks and tabs.
        guard let sample = String(data: data.prefix(n), encoding: order == "LE" ? .utf16LittleEndian : .utf16BigEndian),
              !sample.unicodeScalars.contains(where: { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0xFFFD }) else { return nil }
        return order
    }

    /// Decoding through the C library's iconv (glibc has GB18030).
    package static func iconv(_ data: Data, from encoding: String) -> String? {
        #if canImport(Glibc)
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: data.count * 4 + 16)
        let outCount = output.count
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outCount
                let r = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return (r == -1 || inLeft != 0) ? nil : outCount - outLeft
            }
        }
        guard let n = written else { return nil }
        return String(decoding: output[0..<n], as: UTF8.self)
        #else
        return nil
        #endif
    }
}
