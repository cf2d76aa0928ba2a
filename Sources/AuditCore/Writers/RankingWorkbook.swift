import AuditDocument
/// `ranking.xlsx` as data: the sheets an office opens in Excel or WPS — 排名 (the ranking),
/// 问题明细 (one row per finding) and 规则 (the rules of the run). Pure: the pipeline hands it to
/// libxlsxwriter, tests read it without a spreadsheet.
public struct RankingWorkbook: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    /// How a row is coloured: by the report's grade, best to worst.
    public enum RowTone: Sendable, Equatable {
        case plain, best, good, fair, poor
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        /// Width in Excel's character units (a Chinese character counts about two).
        public var width: Double
    }

    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var columns: [Column]
        public var rows: [[Cell]]
        public var tones: [RowTone]
        /// Which column's cells take the row's tone (the grade), if any.
        public var tonedColumn: Int?
        /// Said in a last row when the sheet had to stop at Excel's row limit.
        public var truncatedNote: String?
    }

    public var sheets: [Sheet]

    /// Excel's limit is 1,048,576 rows, one of them the header.
    public static let maximumRows = 1_048_575
    /// Excel's limit on the text of one cell.
    public static let maximumCellCharacters = 32_767

    public static func make(_ ranked: [ReportAudit], _ run: RunInfo) -> RankingWorkbook {
        RankingWorkbook(sheets: [ranking(ranked, run), findings(ranked, run), rules(run)])
    }

    static func ranking(_ ranked: [ReportAudit], _ run: RunInfo) -> Sheet {
        let zh = run.language == .zh
        var columns = [
            Column(title: zh ? "排名" : "Rank", width: 6), Column(title: zh ? "单位" : "Agency", width: 30),
            Column(title: zh ? "年度" : "Year", width: 7), Column(title: zh ? "得分" : "Score", width: 8),
            Column(title: zh ? "等级" : "Grade", width: 8), Column(title: zh ? "错误数" : "Errors", width: 8),
            Column(title: zh ? "警告数" : "Warnings", width: 8), Column(title: zh ? "核验覆盖" : "Verified", width: 10),
            Column(title: zh ? "主要问题" : "Main problem", width: 60), Column(title: zh ? "文件" : "File", width: 40),
        ]
        if run.baseline != nil {
            columns += [Column(title: zh ? "上次得分" : "Previous score", width: 10),
                        Column(title: zh ? "得分变化" : "Score change", width: 10),
                        Column(title: zh ? "上次排名" : "Previous rank", width: 10), Column(title: zh ? "排名变化" : "Rank change", width: 10)]
        }
        let tone = tones(run.ruleSet.grades)
        var rows: [[Cell]] = [], tones: [RowTone] = []
        for a in ranked.prefix(ranked.count > maximumRows ? maximumRows - 1 : maximumRows) {
            var row: [Cell] = [.number(Double(a.rank)), text(a.agency), a.year.map { .number(Double($0)) } ?? .empty, .number(a.score),
                               .text(a.grade), .number(Double(a.errorCount)), .number(Double(a.warningCount)), .text(Format.coverage(a)),
                               text(a.mainProblem), .text(a.file)]
            if let b = run.baseline {
                if let e = b.entry(for: a) {
                    row += [.number(e.score), .number(a.score - e.score), .number(Double(e.rank)), .text(Baseline.rankChange(e.rank, a.rank))]
                } else { row += [.empty, .text(zh ? "新增" : "new"), .empty, .empty] }
            }
            rows.append(row)
            tones.append(tone[a.grade] ?? .plain)
        }
        return Sheet(name: zh ? "排名" : "Ranking", columns: columns, rows: rows, tones: tones, tonedColumn: 4,
                     truncatedNote: note(ranked.count, zh, "ranking.csv"))
    }

    static func findings(_ ranked: [ReportAudit], _ run: RunInfo) -> Sheet {
        let zh = run.language == .zh
        let columns = [
            Column(title: zh ? "单位" : "Agency", width: 28), Column(title: zh ? "规则" : "Rule", width: 30),
            Column(title: zh ? "严重程度" : "Severity", width: 9), Column(title: zh ? "结果" : "Outcome", width: 9),
            Column(title: zh ? "说明" : "Message", width: 60), Column(title: zh ? "行号" : "Line", width: 7),
            Column(title: zh ? "原文摘录" : "Quoted text", width: 60), Column(title: zh ? "扣分" : "Points", width: 7),
            Column(title: zh ? "所在部分" : "Section", width: 24), Column(title: zh ? "规则编号" : "Rule id", width: 22),
            Column(title: zh ? "文件" : "File", width: 40),
        ]
        var rows: [[Cell]] = []
        let total = ranked.reduce(0) { $0 + $1.findings.count }
        // Over the limit, the sheet's last row holds the note saying so.
        let limit = total > maximumRows ? maximumRows - 1 : maximumRows
        for a in ranked {
            for f in a.findings {
                guard rows.count < limit else { break }
                let severity = f.outcome == .unverifiable ? Format.outcomeName(.unverifiable, run.language) : Format.severityName(f.severity, run.language)
                rows.append([text(a.agency ?? a.displayName), .text(Format.ruleTitle(f.rule, run)), .text(severity),
                             .text(Format.outcomeName(f.outcome, run.language)), text(f.message), f.line.map { .number(Double($0)) } ?? .empty,
                             text(f.excerpt), .number(f.deduction), f.section.map { .text(Format.sectionHeading($0, run.language)) } ?? .empty,
                             .text(f.rule), .text(a.file)])
            }
        }
        return Sheet(name: zh ? "问题明细" : "Findings", columns: columns, rows: rows, tones: [], tonedColumn: nil,
                     truncatedNote: note(total, zh, "audit.jsonl"))
    }

    static func rules(_ run: RunInfo) -> Sheet {
        let zh = run.language == .zh
        let columns = [
            Column(title: zh ? "规则集" : "Rule set", width: 10), Column(title: zh ? "规则编号" : "Rule id", width: 22),
            Column(title: zh ? "规则" : "Rule", width: 36), Column(title: zh ? "严重程度" : "Severity", width: 9),
            Column(title: zh ? "分值" : "Points", width: 7), Column(title: zh ? "依据" : "Basis", width: 60),
        ]
        let rows: [[Cell]] = run.ruleSet.rules.map { r in
            [.text(run.ruleSet.name), .text(r.id), .text(r.title.text(run.language)), .text(Format.severityName(r.severity, run.language)),
             .number(r.points), text(r.basis)]
        }
        return Sheet(name: zh ? "规则" : "Rules", columns: columns, rows: rows, tones: [], tonedColumn: nil, truncatedNote: nil)
    }

    /// Grades from the best to the worst band: green, blue, amber, … red for the lowest.
    static func tones(_ grades: [GradeBand]) -> [String: RowTone] {
        let sorted = grades.sorted { $0.minimum > $1.minimum }
        var out: [String: RowTone] = [:]
        for (i, g) in sorted.enumerated() {
            out[g.name] = i == sorted.count - 1 && i > 0 ? .poor : i == 0 ? .best : i == 1 ? .good : .fair
        }
        return out
    }

    static func text(_ s: String?) -> Cell {
        guard let s, !s.isEmpty else { return .empty }
        // A cell holds at most 32,767 characters (UTF-16 units); a longer quotation is clipped.
        if s.utf16.count <= maximumCellCharacters { return .text(s) }
        var clipped = ""
        var units = 0
        for c in s {
            units += c.utf16.count
            if units > maximumCellCharacters - 1 { break }
            clipped.append(c)
        }
        return .text(clipped + "…")
    }

    static func note(_ total: Int, _ zh: Bool, _ whole: String) -> String? {
        guard total > maximumRows else { return nil }
        return zh ? "本表只列出前 \(maximumRows) 行（共 \(total) 行），其余见 \(whole)"
                  : "Only the first \(maximumRows) of \(total) rows fit in a sheet; see \(whole) for all"
    }
}
