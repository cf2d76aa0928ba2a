import AuditDocument
/// `reports/<name>.md`: one readable audit per report, every finding with its line and the
/// quoted evidence, so the agency can find and fix it.
public enum ReportMarkdown {
    public static func render(_ a: ReportAudit, _ run: RunInfo) -> String {
        let zh = run.language == .zh
        var out = "# \(a.agency ?? a.file) \(a.year.map { zh ? "\($0)年" : "\($0)" } ?? "")\(zh ? "政府信息公开工作年度报告审核" : " annual report audit")\n\n"
        out += zh ? "- 文件：\(a.file)\n- 规则集：\(run.ruleSet.name)\n- 审核日期：\(run.date)\n"
                  : "- File: \(a.file)\n- Rule set: \(run.ruleSet.name)\n- Date: \(run.date)\n"
        out += zh ? "- 年报格式：\(a.template.map { "\($0.rawValue)年版" } ?? "未能确定")\n"
                  : "- Template: \(a.template?.rawValue ?? "unknown")\n"
        if let d = a.publicationDate { out += zh ? "- 落款日期：\(d.iso)（第\(d.line)行）\n" : "- Dated: \(d.iso) (line \(d.line))\n" }
        out += zh ? "- 得分：**\(Format.number(a.score))**，等级：**\(a.grade)**，排名：第\(a.rank)名\n"
                  : "- Score: **\(Format.number(a.score))**, grade: **\(a.grade)**, rank: \(a.rank)\n"
        out += zh ? "- 核验覆盖：\(Format.coverage(a))（能够核验的规则/适用的规则）\n\n"
                  : "- Verified: \(Format.coverage(a)) (rules verified / rules that apply)\n\n"
        out += zh ? "## 规则结果\n\n| 规则 | 编号 | 结果 |\n|---|---|---|\n" : "## Rule outcomes\n\n| Rule | Id | Outcome |\n|---|---|---|\n"
        for o in a.outcomes {
            out += "| \(RankingMarkdown.cell(Format.ruleTitle(o.rule, run))) | `\(o.rule)` | \(Format.outcomeName(o.outcome, run.language)) |\n"
        }
        out += zh ? "\n## 问题\n" : "\n## Findings\n"
        if a.findings.isEmpty { out += zh ? "\n未发现问题。\n" : "\nNo findings.\n" }
        // Grouped by the part of the report they are in, so the agency fixes one part at a time.
        for group in Format.bySection(a.findings) {
            out += "\n### \(Format.sectionHeading(group.section, run.language))\n\n"
            for (number, f) in group.items {
                let sev = f.outcome == .unverifiable ? Format.outcomeName(.unverifiable, run.language) : Format.severityName(f.severity, run.language)
                out += "\(number). **[\(sev)] \(Format.ruleTitle(f.rule, run))**（`\(f.rule)`）— \(f.message)"
                out += zh ? "（扣\(Format.number(f.deduction))分）\n" : " (−\(Format.number(f.deduction)))\n"
                if let e = f.exemption { out += zh ? "   - 已豁免：\(e.reason)（\(e.approvedBy)批准，有效期至\(e.expires)）\n" : "   - Exempted: \(e.reason) (approved by \(e.approvedBy), until \(e.expires))\n" }
                if let line = f.line { out += zh ? "   - 位置：第\(line)行\n" : "   - Line: \(line)\n" }
                if let e = f.excerpt, !e.isEmpty { out += zh ? "   - 原文：「\(Format.clip(e, 300))」\n" : "   - Text: «\(Format.clip(e, 300))»\n" }
            }
        }
        return out
    }
}
