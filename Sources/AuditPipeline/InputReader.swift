import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads one input file and turns it into report text; what cannot be read becomes a reason,
/// never a crash.
public enum InputReader {
    public enum Result { case text(String), failure(Localized) }

    /// The text (or why there is none) and a fingerprint of the file's bytes (FNV-1a and length),
    /// which recognises the same file given twice and tells whether it changed between reads.
    public struct Loaded {
        public var result: Result
        public var fingerprint: UInt64?
        /// The document's text, or OCR of a scanned PDF.
        public var origin: TextOrigin = .document
    }

    /// Larger files are not read: no real report comes near it, and memory stays bounded.
    static let maxBytes = 20 * 1024 * 1024

    public static func read(path: String, encoding: TextEncoding? = nil) -> Result { load(path: path, encoding: encoding).result }

    /// `office`: the run's conversions of .doc/.wps/.rtf/.odt inputs; without them such a file is
    /// converted on its own.
    static func load(path: String, encoding: TextEncoding? = nil, office: OfficeDocuments? = nil) -> Loaded {
        let ext = (path as NSString).pathExtension
        guard let format = InputFormat(fileExtension: ext) else {
            return Loaded(result: .failure(Localized(zh: "不支持的文件格式“.\(ext)”，支持 .txt、.md、.html、.docx、.doc、.wps、.rtf、.odt、.pdf",
                                                     en: "unsupported file type '.\(ext)'; .txt, .md, .html, .docx, .doc, .wps, .rtf, .odt and .pdf are supported")), fingerprint: nil)
        }
        let data: Data
        switch bytes(path) {
        case .unopenable:
            return Loaded(result: .failure(Localized(zh: "文件无法读取（权限不足、链接失效或已被删除）", en: "the file cannot be read (permissions, a broken link, or it was removed)")), fingerprint: nil)
        case .failed:
            return Loaded(result: .failure(Localized(zh: "文件无法读取", en: "the file cannot be read")), fingerprint: nil)
        case .notRegular:
            return Loaded(result: .failure(Localized(zh: "不是普通文件（管道、设备或套接字），未读取", en: "not a regular file (a FIFO, device or socket); it was not read")), fingerprint: nil)
        case .tooLarge(let size):
            return Loaded(result: .failure(Localized(zh: "文件过大（\(size / 1024 / 1024) MB），超过 \(maxBytes / 1024 / 1024) MB 上限，未读取",
                                                     en: "the file is too large (\(size / 1024 / 1024) MB; the limit is \(maxBytes / 1024 / 1024) MB)")), fingerprint: nil)
        case .data(let d): data = d
        }
        let fingerprint = data.isEmpty ? nil : FNV1a.hash(data) ^ UInt64(data.count)
        if format == .pdf {
            let (result, origin) = PDFText.read(path: path)
            return Loaded(result: result, fingerprint: fingerprint, origin: origin)
        }
        // An office document is read as the .docx LibreOffice made of it.
        var (bytes, readAs) = (data, format)
        if format == .office {
            let conversions = office.flatMap { $0.docx(for: path) != nil ? $0 : nil } ?? OfficeDocuments.convert([path])
            switch conversions.docx(for: path) {
            case .failure(let f)?: return Loaded(result: .failure(f.reason), fingerprint: fingerprint)
            case .success(let docx)?: (bytes, readAs) = (docx, .docx)
            case nil: return Loaded(result: .failure(OfficeDocuments.missingProgram), fingerprint: fingerprint)
            }
        }
        switch InputText.extract(bytes, format: readAs, encoding: encoding) {
        case .text(let t): return Loaded(result: .text(t), fingerprint: fingerprint)
        case .failure(let r): return Loaded(result: .failure(r), fingerprint: fingerprint)
        }
    }

    enum Bytes { case data(Data), unopenable, failed, notRegular, tooLarge(Int) }

    /// The file's bytes through open/fstat/read: Foundation's attribute lookup (owner names and
    /// all) cost more than reading a report.
    static func bytes(_ path: String) -> Bytes {
        // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .unopenable }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failed }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        let size = Int(st.st_size)
        if size > maxBytes { return .tooLarge(size) }
        var data = Data(count: size)
        let count = data.withUnsafeMutableBytes { buf -> Int in
            var offset = 0
            while offset < size {
                let n = Glibc.read(fd, buf.baseAddress! + offset, size - offset)
                if n < 0 { if errno == EINTR { continue }; return -1 }
                if n == 0 { break }
                offset += n
            }
            return offset
        }
        guard count >= 0 else { return .failed }
        if count < size { data.removeSubrange(count..<size) }   // the file shrank while being read
        return .data(data)
    }
}
