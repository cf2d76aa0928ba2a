import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the files named by --exemptions and --baseline; a file that cannot be read is a usage
/// error, one with problems its own `AuditError` (exit 2 either way).
public enum SideInputs {
    public static func exemptions(_ path: String, today: String, ruleIDs: Set<String>? = nil) throws -> ExemptionSet {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw AuditError.usage("无法读取豁免文件“\(path)”。\n       cannot read the exemptions file '\(path)'.")
        }
        return try ExemptionSet.load(RuleFileText(path: path, text: text), today: today, ruleIDs: ruleIDs)
    }

    public static func baseline(_ path: String) throws -> Baseline {
        var p = path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue { p = (p as NSString).appendingPathComponent("audit.jsonl") }
        guard let data = FileManager.default.contents(atPath: p), let text = String(data: data, encoding: .utf8) else {
            throw AuditError.usage("无法读取基准“\(path)”；请给出上次审核的 audit.jsonl（或其输出文件夹）。\n       cannot read the baseline '\(path)'; give the audit.jsonl (or the output folder) of an earlier run.")
        }
        return try Baseline.parse(text, source: p)
    }
}
