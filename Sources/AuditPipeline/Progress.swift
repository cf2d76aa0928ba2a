import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
