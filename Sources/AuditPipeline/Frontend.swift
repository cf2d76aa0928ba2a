import AuditCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds rule sets by name: the project's rules/ (from the working folder, from AUDIT_RULES_DIR,
/// or beside the executable's build folder), so `--rules strict` works from any directory.
public enum RuleSetLocator {
    public static func searchFolders() -> [URL] {
        var out: [URL] = []
        if let env = ProcessInfo.processInfo.environment["AUDIT_RULES_DIR"], !env.isEmpty { out.append(URL(fileURLWithPath: env)) }
        out.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("rules"))
        // The executable lives in <project>/.build/<config>/audit: walk up to the project's rules/.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            out.append(dir.appendingPathComponent("rules"))
            dir = dir.deletingLastPathComponent()
        }
        out.append(URL(fileURLWithPath: "/usr/local/share/report-audit/rules"))
        return out
    }

    /// The file a rule-set name or path stands for, as its real path (links and `.`/`..`
    /// resolved), so that one file reached by two spellings is one file (an `extends` cycle
    /// through `./self.yaml` is a cycle).
    static func find(_ name: String, relativeTo base: String? = nil) -> URL? {
        let fm = FileManager.default
        func real(_ u: URL) -> URL { u.standardizedFileURL.resolvingSymlinksInPath() }
        if name.contains(".") || name.contains("/") {
            if let base, !name.hasPrefix("/") {
                let u = URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent(name)
                if fm.fileExists(atPath: u.path) { return real(u) }
            }
            return fm.fileExists(atPath: name) ? real(URL(fileURLWithPath: name)) : nil
        }
        if let base {
            let sibling = URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent(name + ".yaml")
            if fm.fileExists(atPath: sibling.path) { return real(sibling) }
        }
        for folder in searchFolders() {
            let u = folder.appendingPathComponent(name + ".yaml")
            if fm.fileExists(atPath: u.path) { return real(u) }
        }
        return nil
    }

    /// The file's text; a folder, an unreadable file or one that is not text comes back with
    /// the reason, which the loader reports against the file that named it.
    static func read(_ url: URL) -> RuleFileText {
        let path = displayPath(url)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            return RuleFileText(path: path, text: "", unreadable: "“\(path)”是一个文件夹，不是规则文件；请给出 .yaml 文件 / '\(path)' is a folder, not a rule file; give a .yaml file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return RuleFileText(path: path, text: "", unreadable: "无法读取“\(path)”（请检查权限） / '\(path)' cannot be read (check its permissions)")
        }
        // Rule files saved by Windows Notepad as "ANSI" are GBK: read them as GB18030.
        switch InputText.decode(data) {
        case .text(let text): return RuleFileText(path: path, text: text)
        case .failure(let why):
            return RuleFileText(path: path, text: "", unreadable: "“\(path)”不是文本文件（\(why.zh)），请存为 UTF-8 / '\(path)' is not a text file (\(why.en)); save it as UTF-8")
        }
    }

    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    public static func load(_ nameOrPath: String) throws -> RuleSet {
        guard let url = find(nameOrPath) else {
            let names = shippedNames()
            throw UsageError(message: "找不到规则集“\(nameOrPath)”；" + (names.isEmpty ? "请给出 .yaml 规则文件的路径。" : "可用的规则集：\(names.joined(separator: "、"))，或给出 .yaml 文件的路径。")
                + "\n       no rule set '\(nameOrPath)' was found (looked in: \(searchFolders().map(\.path).joined(separator: ", "))); "
                + (names.isEmpty ? "give a path to a .yaml rule file." : "shipped sets: \(names.joined(separator: ", ")), or give a path to a .yaml file."))
        }
        let file = read(url)
        if let why = file.unreadable { throw UsageError(message: why + ".") }
        var paths: [String: URL] = [file.path: url]
        return try RuleSetLoader.load(file) { name, from in
            guard let u = find(name, relativeTo: paths[from]?.path) else { return nil }
            let f = read(u)
            paths[f.path] = u
            return f
        }
    }

    /// The rule sets in the first rules/ folder that has any, sorted.
    public static func shippedNames() -> [String] {
        for folder in searchFolders() {
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            let names = items.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            if !names.isEmpty { return names }
        }
        return []
    }
}

/// Reads the files named by --exemptions and --baseline; problems are usage errors (exit 2).
public enum SideInputs {
    public static func exemptions(_ path: String, today: String) throws -> ExemptionSet {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "无法读取豁免文件“\(path)”。\n       cannot read the exemptions file '\(path)'.")
        }
        do { return try ExemptionSet.load(RuleFileText(path: path, text: text), today: today) } catch let e as RuleSetLoadError {
            throw UsageError(message: "豁免文件有误（文件:行:列：问题）/ the exemptions file has problems:\n" + e.description)
        }
    }

    public static func baseline(_ path: String) throws -> Baseline {
        var p = path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue { p = (p as NSString).appendingPathComponent("audit.jsonl") }
        guard let data = FileManager.default.contents(atPath: p), let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "无法读取基准“\(path)”；请给出上次审核的 audit.jsonl（或其输出文件夹）。\n       cannot read the baseline '\(path)'; give the audit.jsonl (or the output folder) of an earlier run.")
        }
        do { return try Baseline.parse(text, source: p) } catch let e as RuleSetLoadError {
            throw UsageError(message: "基准文件有误 / the baseline has problems:\n" + e.description)
        }
    }
}

/// The day written into outputs: given, or SOURCE_DATE_EPOCH (reproducible builds' convention),
/// or today in UTC. A day, not a time, so reruns are byte-identical.
public enum RunDate {
    public static func resolve(_ given: String?) throws -> String {
        if let given {
            guard let day = CalendarDay(given), (1990...2200).contains(day.year) else {
                throw UsageError(message: "--date 需要一个真实的日期 YYYY-MM-DD（如 2026-01-05），而不是“\(given)”。\n       --date takes a real date YYYY-MM-DD (e.g. 2026-01-05), not '\(given)'.")
            }
            return day.description
        }
        var date = Date()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let s = TimeInterval(epoch) { date = Date(timeIntervalSince1970: s) }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

/// Reads one input file and turns it into report text; what cannot be read becomes a reason,
/// never a crash.
public enum InputReader {
    public enum Result { case text(String), failure(Localized) }

    /// The text (or why there is none) and a fingerprint of the file's bytes (FNV-1a and length),
    /// which recognises the same file given twice and tells whether it changed between reads.
    public struct Loaded {
        public var result: Result
        public var fingerprint: UInt64?
    }

    /// Larger files are not read: no real report comes near it, and memory stays bounded.
    static let maxBytes = 20 * 1024 * 1024

    public static func read(path: String, encoding: TextEncoding? = nil) -> Result { load(path: path, encoding: encoding).result }

    public static func load(path: String, encoding: TextEncoding? = nil) -> Loaded {
        let ext = (path as NSString).pathExtension
        guard let format = InputFormat(fileExtension: ext) else {
            return Loaded(result: .failure(Localized(zh: "不支持的文件格式“.\(ext)”，支持 .txt、.md、.html、.docx、.pdf",
                                                     en: "unsupported file type '.\(ext)'; .txt, .md, .html, .docx and .pdf are supported")), fingerprint: nil)
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
        if format == .pdf { return Loaded(result: PDFText.extract(path: path), fingerprint: fingerprint) }
        switch InputText.extract(data, format: format, encoding: encoding) {
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
