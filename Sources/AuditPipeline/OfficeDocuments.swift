import AuditCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// .doc, .wps, .rtf and .odt reports, turned into .docx by LibreOffice (Debian:
/// libreoffice-writer-nogui) so that the .docx reader, tables and all, reads them. Every such
/// input of a run goes through one LibreOffice process: starting it costs seconds, converting a
/// report a fraction of one.
struct OfficeDocuments {
    /// Each converted input's .docx bytes, or why there are none, by the input's path.
    private(set) var converted: [String: Result<Data, Failure>] = [:]

    struct Failure: Error { var reason: Localized }

    /// The LibreOffice program, if installed (`AUDIT_SOFFICE` names another, or "none").
    static var program: String? {
        if let forced = ProcessInfo.processInfo.environment["AUDIT_SOFFICE"] { return FileManager.default.isExecutableFile(atPath: forced) ? forced : nil }
        return ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let missingProgram = Localized(
        zh: "读取 .doc/.wps/.rtf/.odt 需要 LibreOffice，请安装（apt-get install libreoffice-writer-nogui）后重新运行，或把文件另存为 .docx",
        en: "reading .doc/.wps/.rtf/.odt needs LibreOffice: install it (apt-get install libreoffice-writer-nogui) and run again, or save the file as .docx")

    static func isOffice(_ path: String) -> Bool { InputFormat(fileExtension: (path as NSString).pathExtension) == .office }

    /// Converts `paths` (office documents) in one LibreOffice run. A run that hangs is stopped
    /// after `timeout` seconds (by default 2 minutes plus 10 seconds a document, or
    /// `AUDIT_OFFICE_TIMEOUT`); what it had
    /// converted by then is kept, the rest say why they were not read.
    static func convert(_ paths: [String], timeout: Double? = nil) -> OfficeDocuments {
        var out = OfficeDocuments()
        guard !paths.isEmpty else { return out }
        guard let program else {
            for p in paths { out.converted[p] = .failure(Failure(reason: missingProgram)) }
            return out
        }
        let fm = FileManager.default
        var template = Array((NSTemporaryDirectory() + "/report-audit-office-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            for p in paths { out.converted[p] = .failure(Failure(reason: Localized(zh: "无法创建临时文件夹，未能转换", en: "no temporary folder could be made for the conversion"))) }
            return out
        }
        let work = String(cString: made)
        defer { try? fm.removeItem(atPath: work) }
        let inbox = work + "/in", outbox = work + "/out"
        try? fm.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try? fm.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        // Numbered links: two inputs of the same name in different folders cannot collide, and
        // no name of a user's file reaches LibreOffice's command line.
        var links: [String] = []
        for (i, p) in paths.enumerated() {
            let ext = (p as NSString).pathExtension.lowercased()
            let link = "\(inbox)/\(i).\(ext)"
            let absolute = p.hasPrefix("/") ? p : fm.currentDirectoryPath + "/" + p
            if symlink(absolute, link) == 0 { links.append(link) }
        }
        let forced = ProcessInfo.processInfo.environment["AUDIT_OFFICE_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        let limit = timeout ?? forced ?? (120 + 10 * Double(paths.count))
        let finished = run(program, ["--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                                     "-env:UserInstallation=file://" + work + "/profile",
                                     "--convert-to", "docx:MS Word 2007 XML", "--outdir", outbox] + links, timeout: limit, scratch: work)
        for (i, p) in paths.enumerated() {
            if let data = fm.contents(atPath: "\(outbox)/\(i).docx"), !data.isEmpty {
                out.converted[p] = .success(data)
            } else {
                out.converted[p] = .failure(Failure(reason: finished
                    ? Localized(zh: "LibreOffice 无法转换此文件（文件可能损坏、加密或不是文字文档）", en: "LibreOffice could not convert the file (damaged, encrypted, or not a text document)")
                    : Localized(zh: "LibreOffice 在 \(Int(limit)) 秒内未能转换此文件，已停止", en: "LibreOffice did not convert the file within \(Int(limit)) s and was stopped")))
            }
        }
        return out
    }

    func docx(for path: String) -> Result<Data, Failure>? { converted[path] }

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
