import AuditCore
import AuditDocument
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
