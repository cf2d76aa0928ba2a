import AuditDocument
/// `ranking.md`: the ranking table in Markdown, with the rule set and the date of the run.
public enum RankingMarkdown {
    public static func render(_ ranked: [ReportAudit], _ run: RunInfo) -> String {
        let zh = run.language == .zh
        var out = zh ? "# 政府信息公开工作年度报告审核排名\n\n" : "# Annual report audit ranking\n\n"
        out += zh ? "- 规则集：\(run.ruleSet.name)（\(run.ruleSet.files.joined(separator: "，"))）\n- 审核日期：\(run.date)\n- 报告数：\(Format.reportCount(ranked, zh: true))\n\n"
                  : "- Rule set: \(run.ruleSet.name) (\(run.ruleSet.files.joined(separator: ", ")))\n- Date: \(run.date)\n- Reports: \(Format.reportCount(ranked, zh: false))\n\n"
        let b = run.baseline
        out += zh ? "| 排名 | 单位 | 年度 | 得分 | 等级 | 错误 | 警告 | 核验覆盖 | 主要问题 | 文件 |" : "| Rank | Agency | Year | Score | Grade | Errors | Warnings | Verified | Main problem | File |"
        out += b == nil ? "\n|---:|---|---:|---:|---|---:|---:|---:|---|---|\n" : (zh ? " 得分变化 | 排名变化 |\n" : " Score change | Rank change |\n") + "|---:|---|---:|---:|---|---:|---:|---:|---|---|---:|---:|\n"
        for a in ranked {
            var cells = [String(a.rank), a.agency ?? "—", a.year.map(String.init) ?? "—", Format.number(a.score), a.grade,
                         String(a.errorCount), String(a.warningCount), Format.coverage(a), Format.clip(a.mainProblem, 60), a.file]
            if let b {
                if let e = b.entry(for: a) { cells += [Baseline.signed(a.score - e.score), Baseline.rankChange(e.rank, a.rank)] } else { cells += [zh ? "新增" : "new", ""] }
            }
            out += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        if let b {
            let (new, missing) = b.differences(ranked)
            out += zh ? "\n与上次审核（\(b.source)）相比：新增单位\(new.count)个" : "\nCompared with the earlier run (\(b.source)): \(new.count) new"
            out += new.isEmpty ? "" : "（" + new.map(\.displayName).joined(separator: "、") + "）"
            out += zh ? "；缺少单位\(missing.count)个" : "; \(missing.count) missing"
            out += missing.isEmpty ? "" : "（" + missing.map(\.agency).joined(separator: "、") + "）"
            out += zh ? "。\n" : ".\n"
        }
        out += zh ? "\n“核验覆盖”为能够核验的规则数/适用的规则数；覆盖低的报告，其得分参考价值有限。\n"
                  : "\n'Verified' is rules that could be verified / rules that apply; a low figure makes a score less meaningful.\n"
        if !run.notAudited.isEmpty {
            out += zh ? "\n## 未审核的文件（\(run.notAudited.count)）\n\n| 文件 | 原因 |\n|---|---|\n" : "\n## Not audited (\(run.notAudited.count))\n\n| File | Why |\n|---|---|\n"
            for n in run.notAudited { out += "| \(cell(n.path)) | \(cell(n.reason.text(run.language))) |\n" }
        }
        return out
    }

    static func cell(_ s: String) -> String {
        s.replacingIfPresent("|", with: "\\|").replacingIfPresent("\n", with: " ").replacingIfPresent("\r", with: " ").replacingIfPresent("\t", with: " ")
    }
}
