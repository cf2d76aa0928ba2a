import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

extension Audit {
    /// `audit notice`: the audit, as `run` does it, plus `notice.docx` — a draft 通报 to the agencies.
    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notice",
            abstract: "Audit as `run` does and also write notice.docx, a draft 通报 (ranking and each agency's problems with evidence).")

        @OptionGroup var options: RunOptions

        @Option(name: .long, help: "Who issues the notice, e.g. 某某区政务公开办 (default: a placeholder to fill in).")
        var issuer: String?

        func run() throws {
            var o = try options.auditOptions()
            o.notice = NoticeDocument.Options(issuer: issuer)
            let code = try AuditRun.execute(o)
            if o.printNotes {
                let path = (o.outputFolder as NSString).appendingPathComponent("notice.docx")
                FileHandle.standardError.write(Data((o.language == .zh ? "通报草稿：\(path)\n" : "draft notice: \(path)\n").utf8))
            }
            try StandardOutput.check()
            if code != 0 { throw ExitCode(code) }
        }
    }
}
