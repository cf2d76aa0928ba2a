import AuditCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a path is, from `stat` (links followed); nil when nothing is there (or a link is dangling).
enum FileKind: Equatable {
    case folder, regular, special(String)

    static func of(_ path: String) -> FileKind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .regular
        case S_IFIFO: return .special("管道（FIFO）/a FIFO")
        case S_IFSOCK: return .special("套接字/a socket")
        case S_IFCHR, S_IFBLK: return .special("设备/a device")
        default: return .special("特殊文件/a special file")
        }
    }

    /// Why an input of this kind is not opened: reading a FIFO or a device can block forever.
    var problem: Localized? {
        guard case .special(let what) = self else { return nil }
        let parts = what.split(separator: "/", maxSplits: 1).map(String.init)
        return Localized(zh: "不是普通文件（\(parts[0])），未读取", en: "not a regular file (\(parts.last!)); it was not read")
    }

    static let danglingLink = Localized(zh: "文件无法读取（链接失效或已被删除）", en: "the file cannot be read (a broken link, or it was removed)")
}

/// Files an office folder holds besides reports: thumbnail caches, folder settings, editors'
/// lock files, images, spreadsheets, archives. They are listed as not audited, never ranked as
/// an agency scoring 0.
enum Clutter {
    static let names: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store", "icon\r", ".localized"]
    static let images: Set<String> = ["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "svg", "ico", "heic"]
    static let spreadsheets: Set<String> = ["xls", "xlsx", "xlsm", "et", "ods", "csv"]
    static let archives: Set<String> = ["zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz"]
    static let system: Set<String> = ["lnk", "url", "tmp", "db", "ini", "log"]

    /// Why a file of this name is not audited; nil for a possible report.
    static func reason(_ name: String) -> Localized? {
        let lower = name.lowercased()
        if names.contains(lower) || lower.hasPrefix("._") {
            return Localized(zh: "系统生成的文件，不是报告", en: "a file the operating system makes, not a report")
        }
        // Word's and WPS's "~$name.docx", LibreOffice's ".~lock.name#": open-document lock files.
        if name.hasPrefix("~$") || lower.hasPrefix(".~lock.") || (lower.hasPrefix("~") && lower.hasSuffix(".tmp")) {
            return Localized(zh: "文档编辑软件的锁定或临时文件，不是报告", en: "an editor's lock or temporary file, not a report")
        }
        let ext = (lower as NSString).pathExtension
        if images.contains(ext) { return Localized(zh: "图片，不是文字报告", en: "an image, not a text report") }
        if spreadsheets.contains(ext) { return Localized(zh: "电子表格，暂不作为报告审核", en: "a spreadsheet; not audited as a report") }
        if archives.contains(ext) { return Localized(zh: "压缩包：请先解压，再审核其中的报告", en: "an archive: extract it and audit the reports inside") }
        if system.contains(ext) { return Localized(zh: "快捷方式、临时或系统文件，不是报告", en: "a shortcut, temporary or system file, not a report") }
        return nil
    }
}

/// A running count on stderr for long runs, when stderr is a terminal; at most a few updates a second.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let zh: Bool
    private var done = 0
    private var lastShown = 0.0

    init?(total: Int, language: Language) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.total = total; self.zh = language == .zh
    }

    func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        let now = StageTimes.now()
        guard now - lastShown >= 0.25 || done == total else { return }
        lastShown = now
        let line = zh ? "\r已读取并审核 \(done)/\(total) 个文件" : "\rread and audited \(done)/\(total) files"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Standard output through stdio, with write errors reported (a full disk, a closed pipe):
/// `print` ignores them and the run would exit 0 with its summary lost.
public enum StandardOutput {
    public static func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        var text = text
        let ok = text.withUTF8 { b in fwrite(b.baseAddress, 1, b.count, stdout) == b.count }
        guard ok, fflush(stdout) == 0 else {
            let why = String(cString: strerror(errno))
            throw UsageError(message: "无法写入标准输出（\(why)）。\n       cannot write to standard output (\(why)).")
        }
    }

    /// After `print`s: flushes and reports whether everything reached the destination.
    public static func check() throws {
        guard fflush(stdout) == 0, ferror(stdout) == 0 else {
            let why = String(cString: strerror(errno))
            throw UsageError(message: "无法写入标准输出（\(why)）。\n       cannot write to standard output (\(why)).")
        }
    }
}
