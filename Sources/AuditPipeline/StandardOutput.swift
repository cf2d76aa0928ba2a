import AuditCore
import AuditDocument
import CStandardStreams
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output through stdio, with write errors reported (a full disk, a closed pipe):
/// `print` ignores them and the run would exit 0 with its summary lost.
public enum StandardOutput {
    public static func write(_ text: String) throws {
        guard !text.isEmpty else { return }
        var text = text
        let ok = text.withUTF8 { b in fwrite(b.baseAddress, 1, b.count, auditStandardOutput()) == b.count }
        guard ok, fflush(auditStandardOutput()) == 0 else {
            let why = String(cString: strerror(errno))
            throw AuditError.output("无法写入标准输出（\(why)）。\n       cannot write to standard output (\(why)).")
        }
    }

    /// After `print`s: flushes and reports whether everything reached the destination.
    public static func check() throws {
        guard fflush(auditStandardOutput()) == 0, ferror(auditStandardOutput()) == 0 else {
            let why = String(cString: strerror(errno))
            throw AuditError.output("无法写入标准输出（\(why)）。\n       cannot write to standard output (\(why)).")
        }
    }
}
