import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder the outputs go into, kept as one complete set of one run.
///
/// Checked before any report is read: it must be a folder (or not exist yet), hold nothing but an
/// earlier run's outputs, and not hold or be an input. A run takes an exclusive lock beside it,
/// writes every output into a staging folder beside it, and swaps the staging folder in for the
/// old set in one step (`renameat2(RENAME_EXCHANGE)`), so an interrupted, failed or concurrent run
/// never leaves a mix of two runs; staging folders an interrupted run left are removed by the next.
public final class OutputFolder {
    /// The output folder, absolute.
    public let path: String
    /// Where this run writes before the swap.
    public let staging: String
    private let parent: String
    private let name: String
    private var lock: Int32 = -1
    private var lockPath = ""
    private var interruption: [DispatchSourceSignal] = []
    private var committed = false
    /// A version-control placeholder in the old set is kept in the new one.
    private var keepPlaceholder = false

    /// Marks a folder as this tool's outputs: it may be replaced whole, and is never read as input.
    public static let marker = ".report-audit"
    /// What an output folder holds; a folder with anything else is not replaced.
    static let outputNames: Set<String> = ["ranking.csv", "ranking.xlsx", "ranking.md", "audit.jsonl", "index.html", "reuse.md", "reuse.csv",
                                           "exemptions.md", "notice.docx", "reports", ".gitkeep", marker]

    /// Checks the folder, takes the lock, clears what an interrupted run left, creates the staging folder.
    public init(_ folder: String, inputs: [String]) throws {
        let fm = FileManager.default
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL
        // The parent's real path, so that links and `..` cannot hide an overlap with an input.
        let parentURL = absolute.deletingLastPathComponent().resolvingSymlinksInPath()
        name = absolute.lastPathComponent
        parent = parentURL.path
        path = parentURL.appendingPathComponent(name).path
        staging = parentURL.appendingPathComponent(".\(name).staging-\(getpid())").path
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            throw Self.error("--out 不能是“\(folder)”：每次运行会整体替换输出文件夹，请给一个专用的文件夹，如 reports-out",
                             "--out cannot be '\(folder)': each run replaces the output folder whole, so give it a folder of its own, such as reports-out")
        }
        keepPlaceholder = try Self.checkExisting(folder, at: path)
        try Self.checkNotHolding(folder, at: path, inputs: inputs)
        do { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw Self.error("无法创建输出文件夹所在的“\(parent)”：\(error.localizedDescription)", "cannot create '\(parent)' for the output folder: \(error.localizedDescription)")
        }
        lockPath = parent + "/.\(name).lock"
        try takeLock(folder)
        // Staging folders of interrupted runs (we hold the lock: none of them is running).
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(atPath: parent + "/" + entry)
        }
        interruption = Self.onInterrupt { [staging, lockPath] in
            // Ctrl-C or a kill: the staged half-set goes, the previous set stays as it was. It is
            // renamed first, so the writer still running cannot add files while it is removed.
            let doomed = staging + ".interrupted"
            if rename(staging, doomed) == 0 { try? FileManager.default.removeItem(atPath: doomed) }
            try? FileManager.default.removeItem(atPath: staging)
            unlink(lockPath)
        }
        do {
            try fm.createDirectory(atPath: staging + "/reports", withIntermediateDirectories: true)
            try AuditRun.plainWrite("", to: staging + "/" + Self.marker)
            if keepPlaceholder { try AuditRun.plainWrite("", to: staging + "/.gitkeep") }
        } catch {
            release()
            throw Self.error("无法在“\(parent)”中写入输出（\(error.localizedDescription)），请换一个输出文件夹",
                             "cannot write the outputs in '\(parent)' (\(error.localizedDescription)); choose another output folder")
        }
    }

    /// A folder already at the output's place must be an earlier run's outputs: any other file
    /// in it would be replaced with the folder. Whether it keeps a `.gitkeep` placeholder.
    private static func checkExisting(_ folder: String, at path: String) throws -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return false }
        guard isDir.boolValue else { throw Self.error("“\(folder)”是一个文件，--out 需要一个文件夹", "'\(folder)' is a file; --out needs a folder") }
        let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        // Earlier versions' temporary names are outputs too; any other name, hidden or not, is the user's.
        let temporary = [".ranking", ".reports-", ".audit.jsonl", ".index.html", ".reuse.", ".exemptions.md"]
        var foreign = entries.filter { e in !Self.outputNames.contains(e) && !temporary.contains(where: { e.hasPrefix($0) }) }.sorted()
        // Without the marker (an earlier version's outputs, or a folder of the user's that
        // happens to use our names) `reports/` must hold nothing but pages.
        if !entries.contains(Self.marker), entries.contains("reports") {
            let pages = (try? fm.contentsOfDirectory(atPath: path + "/reports")) ?? ["?"]
            if let other = pages.first(where: { !($0.hasSuffix(".md") || $0.hasSuffix(".html") || $0.hasPrefix(".")) }) { foreign.append("reports/" + other) }
        }
        if !foreign.isEmpty, !entries.contains(Self.marker) {
            throw Self.error("输出文件夹“\(folder)”中有不属于审核输出的文件（如“\(foreign[0])”），每次运行会整体替换该文件夹；请用一个新的或空的文件夹",
                             "the output folder '\(folder)' holds files that are not audit outputs (such as '\(foreign[0])'), and each run replaces the folder whole; choose a new or empty folder")
        }
        return entries.contains(".gitkeep")
    }

    /// The output folder must not be, or hold, the working folder or an input: it is replaced whole.
    private static func checkNotHolding(_ folder: String, at path: String, inputs: [String]) throws {
        let fm = FileManager.default
        // The working folder (or one holding it) would be swapped out from under the user.
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).resolvingSymlinksInPath().path
        if cwd == path || cwd.hasPrefix(path + "/") {
            throw Self.error("--out 不能是当前文件夹或包含当前文件夹的文件夹（“\(folder)”）：每次运行会整体替换输出文件夹，请给一个专用的文件夹，如 reports-out",
                             "--out cannot be the current folder or one that holds it ('\(folder)'): each run replaces the output folder whole, so give it a folder of its own, such as reports-out")
        }
        // An input inside (or equal to) the output folder would be replaced with it.
        for input in inputs {
            let real = URL(fileURLWithPath: input).resolvingSymlinksInPath().standardizedFileURL.path
            if real == path || real.hasPrefix(path + "/") {
                throw Self.error("要审核的“\(input)”在输出文件夹“\(folder)”之内，运行会覆盖它；请把报告放在别处，或换一个输出文件夹",
                                 "'\(input)' is inside the output folder '\(folder)', which each run replaces; keep the reports elsewhere or choose another output folder")
            }
        }
    }

    /// An exclusive lock on a file beside the output folder, removed again on release. A run that
    /// finds the lock file replaced after locking it (the holder released it meanwhile) locks anew,
    /// so two runs can never both hold it.
    private func takeLock(_ folder: String) throws {
        for _ in 0..<100 {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw Self.error("无法在“\(parent)”中写入（\(String(cString: strerror(errno)))），请检查权限或换一个输出文件夹",
                                 "cannot write in '\(parent)' (\(String(cString: strerror(errno)))); check its permissions or choose another output folder")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw Self.error("另一个审核正在写入“\(folder)”，请等它结束后再运行，或换一个输出文件夹",
                                 "another audit is writing into '\(folder)'; wait for it to finish or choose another output folder")
            }
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                lock = fd
                return
            }
            close(fd)
        }
        throw Self.error("无法锁定输出文件夹“\(folder)”", "cannot lock the output folder '\(folder)'")
    }

    static func error(_ zh: String, _ en: String) -> AuditError {
        .output(zh + "。\n       " + en + ".")
    }

    /// Whether a folder is (or is inside) this run's output folder.
    func excludes(_ folder: String) -> Bool {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().standardizedFileURL.path
        return real == path || real.hasPrefix(path + "/") || real == staging || real.hasPrefix(staging + "/")
    }

    /// Why a folder found among the inputs is not read: it is this run's output folder, or the
    /// outputs of another run (marked, or laid out as an earlier version wrote them). Reading
    /// them would audit the tool's own pages as reports.
    static func isOutput(_ folder: String, of current: OutputFolder?) -> Localized? {
        if current?.excludes(folder) == true {
            return Localized(zh: "本次审核的输出文件夹，不作为报告读取", en: "this run's output folder; not read as reports")
        }
        let fm = FileManager.default
        let marked = fm.fileExists(atPath: folder + "/" + marker)
        let earlierLayout = fm.fileExists(atPath: folder + "/ranking.md") && fm.fileExists(atPath: folder + "/audit.jsonl")
            && fm.fileExists(atPath: folder + "/reports")
        guard marked || earlierLayout else { return nil }
        return Localized(zh: "此前审核的输出文件夹，不作为报告读取", en: "an earlier audit's output folder; not read as reports")
    }

    /// Puts the staged set in place of the old one in one step, then removes the old set.
    public func commit() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if OutputFolder.exchange(staging, path) {
                try? fm.removeItem(atPath: staging)          // now the old set
            } else {
                // A file system without RENAME_EXCHANGE: two renames, the old set kept until the new is in place.
                let old = parent + "/.\(name).old-\(getpid())"
                guard rename(path, old) == 0 else { throw AuditRun.WriteError(path: path, code: errno) }
                guard rename(staging, path) == 0 else { let code = errno; _ = rename(old, path); throw AuditRun.WriteError(path: path, code: code) }
                try? fm.removeItem(atPath: old)
            }
        } else {
            guard rename(staging, path) == 0 else { throw AuditRun.WriteError(path: path, code: errno) }
        }
        committed = true
        release()
    }

    /// Runs `cleanup` and exits (128 + signal) on SIGINT, SIGTERM or SIGHUP. A dispatch source,
    /// not a signal handler: removing files is not safe inside one.
    static func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { ChildProcesses.stopAll(); cleanup(); exit(128 + sig) }
            source.resume()
            return source
        }
    }

    /// Gives up the staged set (if not committed) and the lock.
    public func release() {
        for source in interruption { source.cancel(); signal(Int32(source.handle), SIG_DFL) }
        interruption = []
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
        if lock >= 0 { unlink(lockPath); flock(lock, LOCK_UN); close(lock); lock = -1 }
    }

    deinit { release() }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// renameat2(…, RENAME_EXCHANGE): swaps two paths atomically (Linux 3.15+); false where the
    /// call or the file system does not support it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let call = unsafeBitCast(symbol, to: RenameAt2.self)
        return call(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
    }
}
