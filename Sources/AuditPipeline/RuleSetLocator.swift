import AuditCore
import AuditDocument
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
            throw AuditError.usage("找不到规则集“\(nameOrPath)”；" + (names.isEmpty ? "请给出 .yaml 规则文件的路径。" : "可用的规则集：\(names.joined(separator: "、"))，或给出 .yaml 文件的路径。")
                + "\n       no rule set '\(nameOrPath)' was found (looked in: \(searchFolders().map(\.path).joined(separator: ", "))); "
                + (names.isEmpty ? "give a path to a .yaml rule file." : "shipped sets: \(names.joined(separator: ", ")), or give a path to a .yaml file."))
        }
        let file = read(url)
        if let why = file.unreadable { throw AuditError.usage(why + ".") }
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
