import AuditCore
import Foundation

/// Finds rule sets by name: the project's rules/ (from the working folder, from AUDIT_RULES_DIR,
/// or beside the executable's build folder), so `--rules strict` works from any directory.
enum RuleSetLocator {
    static func searchFolders() -> [URL] {
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

    static func find(_ name: String, relativeTo base: String? = nil) -> URL? {
        let fm = FileManager.default
        if name.contains(".") || name.contains("/") {
            if let base, !name.hasPrefix("/") {
                let u = URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent(name)
                if fm.fileExists(atPath: u.path) { return u }
            }
            return fm.fileExists(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        if let base {
            let sibling = URL(fileURLWithPath: base).deletingLastPathComponent().appendingPathComponent(name + ".yaml")
            if fm.fileExists(atPath: sibling.path) { return sibling }
        }
        for folder in searchFolders() {
            let u = folder.appendingPathComponent(name + ".yaml")
            if fm.fileExists(atPath: u.path) { return u }
        }
        return nil
    }

    static func read(_ url: URL) -> RuleFileText? {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else { return nil }
        return RuleFileText(path: displayPath(url), text: text)
    }

    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }

    static func load(_ nameOrPath: String) throws -> RuleSet {
        guard let url = find(nameOrPath), let file = read(url) else {
            let names = shippedNames()
            throw UsageError(message: "no rule set '\(nameOrPath)' was found (looked in: \(searchFolders().map(\.path).joined(separator: ", "))); "
                + (names.isEmpty ? "give a path to a .yaml rule file." : "shipped sets: \(names.joined(separator: ", ")), or give a path to a .yaml file."))
        }
        var paths: [String: URL] = [file.path: url]
        return try RuleSetLoader.load(file) { name, from in
            guard let u = find(name, relativeTo: paths[from]?.path), let f = read(u) else { return nil }
            paths[f.path] = u
            return f
        }
    }

    /// The rule sets in the first rules/ folder that has any, sorted.
    static func shippedNames() -> [String] {
        for folder in searchFolders() {
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            let names = items.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            if !names.isEmpty { return names }
        }
        return []
    }
}

/// The day written into outputs: given, or SOURCE_DATE_EPOCH (reproducible builds' convention),
/// or today in UTC. A day, not a time, so reruns are byte-identical.
enum RunDate {
    static func resolve(_ given: String?) throws -> String {
        if let given {
            let parts = given.split(separator: "-")
            guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else { throw UsageError(message: "--date takes YYYY-MM-DD, not '\(given)'.") }
            return given
        }
        var date = Date()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let s = TimeInterval(epoch) { date = Date(timeIntervalSince1970: s) }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

/// Reads and decodes one input file; what cannot be read becomes a reason, never a crash.
enum InputReader {
    enum Result { case text(String), failure(Localized) }

    static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "text"]
    /// Larger files are not read: no real report comes near it, and memory stays bounded.
    static let maxBytes = 20 * 1024 * 1024

    static func read(path: String, displayName: String) -> Result {
        let ext = (path as NSString).pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else {
            return .failure(Localized(zh: "不支持的文件格式“.\(ext)”，目前支持 .txt 和 .md（UTF-8 或 GB18030 编码）",
                                      en: "unsupported file type '.\(ext)'; .txt and .md (UTF-8 or GB18030) are supported"))
        }
        let fm = FileManager.default
        guard fm.isReadableFile(atPath: path) else {
            return .failure(Localized(zh: "文件无法读取（权限不足或已被删除）", en: "the file cannot be read (permissions, or it was removed)"))
        }
        if let attrs = try? fm.attributesOfItem(atPath: path), let size = attrs[.size] as? Int, size > maxBytes {
            return .failure(Localized(zh: "文件过大（\(size / 1024 / 1024) MB），超过 \(maxBytes / 1024 / 1024) MB 上限，未读取",
                                      en: "the file is too large (\(size / 1024 / 1024) MB; the limit is \(maxBytes / 1024 / 1024) MB)"))
        }
        guard let data = fm.contents(atPath: path) else {
            return .failure(Localized(zh: "文件无法读取", en: "the file cannot be read"))
        }
        return decode(data)
    }

    static func decode(_ data: Data) -> Result {
        if data.isEmpty { return .failure(Localized(zh: "文件为空", en: "the file is empty")) }
        if data.prefix(8192).contains(0) { return .failure(Localized(zh: "文件不是文本（含二进制内容）", en: "the file is not text (binary content)")) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let s = String(data: bytes, encoding: .utf8) { return .text(s) }
        if let s = Iconv.convert(data, from: "GB18030") { return .text(s) }
        return .failure(Localized(zh: "文件编码无法识别（既不是 UTF-8 也不是 GB18030）", en: "the text encoding is neither UTF-8 nor GB18030"))
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Decoding through the C library's iconv (glibc has GB18030, which covers GBK and GB2312).
enum Iconv {
    static func convert(_ data: Data, from encoding: String) -> String? {
        #if canImport(Glibc)
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, b) in raw.enumerated() { input[i] = CChar(bitPattern: b) }
        }
        var output = [CChar](repeating: 0, count: data.count * 4 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return false }
                let written = outBuf.count - outLeft
                outBuf[written] = 0
                return true
            }
        }
        guard ok else { return nil }
        return output.withUnsafeBufferPointer { String(validatingCString: $0.baseAddress!) }
        #else
        return nil
        #endif
    }
}
