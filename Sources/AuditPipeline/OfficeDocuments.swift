import AuditCore
import AuditDocument
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

    /// Files a LibreOffice process converts (`AUDIT_OFFICE_BATCH` sets another, for tests).
    static let batchSize = ProcessInfo.processInfo.environment["AUDIT_OFFICE_BATCH"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 500

    static func isOffice(_ path: String) -> Bool { InputFormat(fileExtension: (path as NSString).pathExtension) == .office }

    /// Converts `paths` (office documents) in one LibreOffice run (per `batchSize` files). A run that hangs is stopped
    /// after `timeout` seconds (by default 2 minutes plus 10 seconds a document, or
    /// `AUDIT_OFFICE_TIMEOUT`); what it had
    /// converted by then is kept, the rest say why they were not read.
    static func convert(_ paths: [String], timeout: Double? = nil) -> OfficeDocuments {
        var out = OfficeDocuments()
        guard !paths.isEmpty else { return out }
        // A few hundred files a process: one command line for tens of thousands would pass the
        // system's argument limit, and one stuck file would hold back all of them.
        if paths.count > batchSize {
            for start in stride(from: 0, to: paths.count, by: batchSize) {
                let part = convert(Array(paths[start..<min(paths.count, start + batchSize)]), timeout: timeout)
                out.converted.merge(part.converted) { first, _ in first }
            }
            return out
        }
        guard let program else {
            for p in paths { out.converted[p] = .failure(Failure(reason: missingProgram)) }
            return out
        }
        let fm = FileManager.default
        guard let work = ChildProcesses.makeScratch("report-audit-office") else {
            for p in paths { out.converted[p] = .failure(Failure(reason: Localized(zh: "无法创建临时文件夹，未能转换", en: "no temporary folder could be made for the conversion"))) }
            return out
        }
        defer { ChildProcesses.removeScratch(work) }
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
        let finished = ChildProcesses.run(program, ["--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                                     "-env:UserInstallation=file://" + work + "/profile",
                                     "--convert-to", "docx:MS Word 2007 XML", "--outdir", outbox] + links, timeout: limit)
        // One file that crashes or hangs LibreOffice stops the batch for the files after it: those
        // are tried again one by one (at most 20, a minute each) before any is called unreadable.
        if paths.count > 1 {
            let missing = paths.indices.filter { fm.contents(atPath: "\(outbox)/\($0).docx")?.isEmpty ?? true }
            for i in missing.prefix(20) {
                if case .success(let data)? = convert([paths[i]], timeout: 60).converted[paths[i]] { out.converted[paths[i]] = .success(data) }
            }
        }
        for (i, p) in paths.enumerated() where out.converted[p] == nil {
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
}
