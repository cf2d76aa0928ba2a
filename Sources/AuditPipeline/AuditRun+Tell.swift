import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AuditRun {
    /// One line per report on stdout (tab-separated; a tab or line break inside a name is written
    /// escaped), then the notes and the closing line on stderr.
    static func tell(_ written: [ReportAudit], notAudited: [NotAudited], options o: Options, outputFolder folder: OutputFolder) throws {
        if o.printSummary {
            var out = ""
            for a in written {
                out += "\(a.rank)\t\(Format.score(a.score))\t\(field(a.grade))\t\(field(a.displayName))\t\(field(a.file))\t" +
                    (o.language == .zh ? "错误\(a.errorCount) 警告\(a.warningCount) 核验\(a.verifiedRules)/\(a.applicableRules)"
                                       : "errors \(a.errorCount), warnings \(a.warningCount), verified \(a.verifiedRules)/\(a.applicableRules)") + "\n"
                if out.utf8.count > 1 << 16 { try StandardOutput.write(out); out = "" }
            }
            try StandardOutput.write(out)
        }
        guard o.printNotes else { return }
        var note = ""
        if !notAudited.isEmpty {
            note += o.language == .zh ? "未审核 \(notAudited.count) 个不是报告的文件或文件夹（见 ranking.md）：\n" : "\(notAudited.count) file(s) or folder(s) that are not reports were not audited (listed in ranking.md):\n"
            for n in notAudited.prefix(10) { note += "  \(n.path)：\(n.reason.text(o.language))\n" }
            if notAudited.count > 10 { note += "  …\n" }
        }
        note += o.language == .zh ? "已用规则集“\(o.ruleSet.name)”审核 \(written.count) 个文件，输出在 \(folder.path)/\n"
                                  : "audited \(written.count) file(s) with rule set '\(o.ruleSet.name)'; outputs in \(folder.path)/\n"
        FileHandle.standardError.write(Data(note.utf8))
    }

    /// A field of a summary line: tabs and line breaks escaped, so one report is one line.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0.isNewline || $0 == "\t" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\r\n", with: "\\r\\n").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
