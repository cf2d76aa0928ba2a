import AuditDocument
/// `reuse.md` and `reuse.csv`: each passage shared by several reports, the reports that hold it
/// (file and line), and — when publication dates are known — the earliest-dated one.
public enum ReuseReport {
    public static func markdown(_ clusters: [ReuseCluster], _ run: RunInfo) -> String {
        let zh = run.language == .zh
        var out = zh ? "# 雷同段落\n\n- 规则集：\(run.ruleSet.name)\n- 审核日期：\(run.date)\n- 雷同段落组数：\(clusters.count)\n\n"
                     : "# Reused passages\n\n- Rule set: \(run.ruleSet.name)\n- Date: \(run.date)\n- Clusters: \(clusters.count)\n\n"
        if clusters.isEmpty { out += zh ? "未发现报告之间的雷同段落。\n" : "No passage is shared between reports.\n" }
        for (i, c) in clusters.enumerated() {
            out += zh ? "## \(i + 1). 共\(c.members.count)份报告\n\n> \(Format.clip(c.excerpt, 160))\n\n"
                      : "## \(i + 1). \(c.members.count) reports\n\n> \(Format.clip(c.excerpt, 160))\n\n"
            for m in c.members {
                let date = m.date.map { zh ? "，落款\($0.iso)" : ", dated \($0.iso)" } ?? ""
                out += "- \(m.agency ?? m.file)：\(m.file) \(zh ? "第\(m.line)行" : "line \(m.line)")\(date)\n"
            }
            if let e = c.earliest {
                out += zh ? "\n最早落款：\(e.agency ?? e.file)（\(e.date!.iso)）\n" : "\nEarliest dated: \(e.agency ?? e.file) (\(e.date!.iso))\n"
            }
            out += "\n"
        }
        return out
    }

    public static func csv(_ clusters: [ReuseCluster], _ run: RunInfo) -> String {
        let zh = run.language == .zh
        let header = zh ? ["组", "报告数", "段落", "单位", "文件", "行", "落款日期", "最早落款"]
                        : ["cluster", "reports", "passage", "agency", "file", "line", "dated", "earliest"]
        var out = "\u{FEFF}" + header.map(RankingCSV.field).joined(separator: ",") + "\r\n"
        for (i, c) in clusters.enumerated() {
            let earliest = c.earliest?.file ?? ""
            for m in c.members {
                let row = [String(i + 1), String(c.members.count), Format.clip(c.excerpt, 80), m.agency ?? "", m.file, String(m.line),
                           m.date?.iso ?? "", m.file == earliest ? (zh ? "是" : "yes") : ""]
                out += row.map(RankingCSV.field).joined(separator: ",") + "\r\n"
            }
        }
        return out
    }
}
