import AuditCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the files named by --exemptions and --baseline; problems are usage errors (exit 2).
public enum SideInputs {
    public static func exemptions(_ path: String, today: String) throws -> ExemptionSet {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "无法读取豁免文件“\(path)”。\n       cannot read the exemptions file '\(path)'.")
        }
        do { return try ExemptionSet.load(RuleFileText(path: path, text: text), today: today) } catch let e as RuleSetLoadError {
            throw UsageError(message: "豁免文件有误（文件:行:列：问题）/ the exemptions file has problems:\n" + e.description)
        }
    }

    public static func baseline(_ path: String) throws -> Baseline {
        var p = path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue { p = (p as NSString).appendingPathComponent("audit.jsonl") }
        guard let data = FileManager.default.contents(atPath: p), let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "无法读取基准“\(path)”；请给出上次审核的 audit.jsonl（或其输出文件夹）。\n       cannot read the baseline '\(path)'; give the audit.jsonl (or the output folder) of an earlier run.")
        }
        do { return try Baseline.parse(text, source: p) } catch let e as RuleSetLoadError {
            throw UsageError(message: "基准文件有误 / the baseline has problems:\n" + e.description)
        }
    }
}
