import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Helper programs running for this run (LibreOffice), and their scratch folders: an interrupted
/// run stops them and removes the folders instead of leaving them behind.
enum ChildProcesses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups: [pid_t: String] = [:]

    static func started(group: pid_t, scratch: String) { lock.lock(); groups[group] = scratch; lock.unlock() }
    static func finished(group: pid_t) { lock.lock(); groups[group] = nil; lock.unlock() }

    /// Kills every running group and removes its scratch folder (on SIGINT, SIGTERM, SIGHUP).
    static func stopAll() {
        lock.lock(); let running = groups; groups = [:]; lock.unlock()
        for (group, scratch) in running {
            kill(-group, SIGKILL)
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }
}
