import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AuditRun {
    /// An input file: where it is, the name it is shown by, and why it is not read when that is
    /// known without opening it (not a regular file, a folder that cannot be listed).
    struct Input { var path: String; var display: String; var problem: Localized? = nil }

    /// What discovery found: the inputs to audit, and what it deliberately left out.
    struct Discovery { var inputs: [Input] = []; var notAudited: [NotAudited] = [] }

    /// The reports to audit; none at all is a usage error.
    static func discoverReports(_ o: Options, outputFolder: OutputFolder) throws -> Discovery {
        let found = try discover(o.paths, outputFolder: outputFolder)
        guard found.inputs.isEmpty else { return found }
        let skipped = found.notAudited.count
        throw AuditError.usage("在 \(o.paths.joined(separator: "、")) 中没有找到报告文件" + (skipped == 0 ? "" : "（另有 \(skipped) 个不是报告的文件未审核）")
                         + "。\n       no report files were found in \(o.paths.joined(separator: ", "))" + (skipped == 0 ? "." : " (\(skipped) files that are not reports were left out)."))
    }

    /// Files named, and every non-hidden file below folders named, sorted; a folder reached twice
    /// through links is read once. Left out, and listed: the output folder and any other output
    /// folder of this tool (a run must never audit its own pages), and office clutter (thumbnail
    /// caches, lock files, images, spreadsheets). Kept as inputs that are not opened: what is not
    /// a regular file (a FIFO would block a read forever) and folders that cannot be listed.
    static func discover(_ paths: [String], outputFolder: OutputFolder? = nil) throws -> Discovery {
        var found = Discovery()
        var seenFolders: Set<String> = []
        var seenFiles: Set<String> = []
        func add(_ path: String, problem: Localized? = nil) {
            if seenFiles.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted {
                found.inputs.append(Input(path: path, display: path, problem: problem))
            }
        }
        for p in paths {
            guard let kind = FileKind.of(p) else {
                throw AuditError.usage("“\(p)”不存在；请给出报告文件或报告所在的文件夹。\n       '\(p)' does not exist; give a report file or a folder of reports.")
            }
            guard kind == .folder else { add(p, problem: kind.problem); continue }
            var stack = [p]
            while let dir = stack.popLast() {
                let real = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
                guard seenFolders.insert(real).inserted else { continue }
                if let why = OutputFolder.isOutput(dir, of: outputFolder) {
                    found.notAudited.append(NotAudited(path: dir + "/", reason: why)); continue
                }
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                    found.inputs.append(Input(path: dir, display: dir + "/", problem: Localized(zh: "文件夹无法读取（权限不足），其中的报告未审核", en: "the folder cannot be read (permissions); the reports in it were not audited")))
                    continue
                }
                for name in names.sorted() {
                    let child = (dir as NSString).appendingPathComponent(name)
                    if let why = Clutter.reason(name) { found.notAudited.append(NotAudited(path: child, reason: why)); continue }
                    if name.hasPrefix(".") { continue }
                    // A dangling link: still an input, reported as unreadable.
                    guard let kind = FileKind.of(child) else { add(child, problem: FileKind.danglingLink); continue }
                    if kind == .folder { stack.append(child) } else { add(child, problem: kind.problem) }
                }
            }
        }
        found.inputs.sort { $0.display.unicodeScalars.lexicographicallyPrecedes($1.display.unicodeScalars) }
        found.notAudited.sort { $0.path.unicodeScalars.lexicographicallyPrecedes($1.path.unicodeScalars) }
        return found
    }
}
