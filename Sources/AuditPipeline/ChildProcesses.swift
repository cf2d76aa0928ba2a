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

    /// Runs a program in its own process group, output discarded; false when it had to be
    /// stopped at the time limit (the whole group is killed: LibreOffice starts children).
    static func run(_ program: String, _ arguments: [String], timeout: Double, scratch: String) -> Bool {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        // The run ignores SIGINT/SIGTERM/SIGHUP while it cleans up; the child gets the defaults.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, program, &actions, &attributes, argv, environ) == 0 else { return true }
        ChildProcesses.started(group: pid, scratch: scratch)
        defer { ChildProcesses.finished(group: pid) }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { return true }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return false
            }
            usleep(50_000)
        }
    }
}
