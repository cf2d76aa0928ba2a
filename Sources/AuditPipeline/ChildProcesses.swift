import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Helper programs a run starts (LibreOffice, pdftoppm, tesseract) and their scratch folders:
/// an interrupted run stops them and removes the folders instead of leaving them behind, and
/// starts no new ones once stopping.
public enum ChildProcesses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups: Set<pid_t> = []
    nonisolated(unsafe) private static var scratches: Set<String> = []
    nonisolated(unsafe) private static var stopping = false

    /// A private scratch folder (`mkdtemp`), removed on interrupt if still there; nil once stopping.
    static func makeScratch(_ prefix: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        guard !stopping else { return nil }
        var template = Array((NSTemporaryDirectory() + "/" + prefix + "-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        let path = String(cString: made)
        scratches.insert(path)
        return path
    }

    static func removeScratch(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        lock.lock(); scratches.remove(path); lock.unlock()
    }

    /// Whether an interrupt is being handled: a failure the cleanup caused (a write into the
    /// staging folder it is removing) must then wait for the handler's exit, not report itself.
    public static var isStopping: Bool { lock.lock(); defer { lock.unlock() }; return stopping }

    /// While an interrupt is handled, parks the calling thread: the handler exits the process.
    public static func awaitInterruptExit() {
        guard isStopping else { return }
        while true { sleep(1) }
    }

    /// Kills every running group and removes every scratch folder (on SIGINT, SIGTERM, SIGHUP).
    static func stopAll() {
        lock.lock()
        stopping = true
        let running = groups, folders = scratches
        groups = []; scratches = []
        lock.unlock()
        for group in running { kill(-group, SIGKILL) }
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// For commands without an output folder (`audit dump`): stop helpers on an interrupt too.
    public static func stopOnInterrupt() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stopAll(); exit(128 + sig) }
            source.resume()
            handlers.append(source)
        }
    }
    nonisolated(unsafe) private static var handlers: [DispatchSourceSignal] = []

    /// Runs a program in its own process group, output discarded, with `environment` added to
    /// this process's; false when it had to be stopped at the time limit (the whole group is
    /// killed: LibreOffice starts children) or the run is stopping.
    static func run(_ program: String, _ arguments: [String], timeout: Double, environment: [String: String] = [:]) -> Bool {
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
        // The environment passed explicitly: setenv from one thread while another spawns is a race.
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envp: [UnsafeMutablePointer<CChar>?] = env.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }
        var pid: pid_t = 0
        // Spawned and registered under the lock, so an interrupt cannot fall between the two.
        lock.lock()
        guard !stopping, posix_spawn(&pid, program, &actions, &attributes, argv, envp) == 0 else { lock.unlock(); return !stopping }
        groups.insert(pid)
        lock.unlock()
        defer { lock.lock(); groups.remove(pid); lock.unlock() }
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
