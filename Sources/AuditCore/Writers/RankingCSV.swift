import AuditDocument
/// `ranking.csv`: UTF-8 with a BOM and CRLF line ends, so Excel opens it with Chinese intact.
public enum RankingCSV {
    public static func render(_ ranked: [ReportAudit], _ run: RunInfo) -> String {
        let zh = run.language == .zh
        let header = zh
            ? ["排名", "单位", "年度", "得分", "等级", "错误数", "警告数", "核验覆盖", "主要问题", "文件"]
            : ["rank", "agency", "year", "score", "grade", "errors", "warnings", "verified", "main problem", "file"]
        let extra = run.baseline == nil ? [] : (zh ? ["上次得分", "得分变化", "上次排名", "排名变化"] : ["previous score", "score change", "previous rank", "rank change"])
        var out = "\u{FEFF}" + (header + extra).map(field).joined(separator: ",") + "\r\n"
        for a in ranked {
            var row = [String(a.rank), a.agency ?? "", a.year.map(String.init) ?? "", Format.number(a.score), a.grade,
                       String(a.errorCount), String(a.warningCount), Format.coverage(a), a.mainProblem, a.file]
            if let b = run.baseline {
                if let e = b.entry(for: a) {
                    row += [Format.number(e.score), Baseline.signed(a.score - e.score), String(e.rank), Baseline.rankChange(e.rank, a.rank)]
                } else { row += ["", zh ? "新增" : "new", "", ""] }
            }
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Quotes when needed; a leading = + - @ (or a tab or carriage return, which spreadsheets
    /// skip before reading a formula) is defused so a spreadsheet never runs it as a formula.
    static func field(_ s: String) -> String {
        var t = s
        // A signed number (+10, -2.5) is data; anything else starting so could run as a formula.
        if let f = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f),
           !(("+-".unicodeScalars.contains(f)) && Quantity(String(t.dropFirst())) != nil) { t = "'" + t }
        if t.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + t.replacingIfPresent("\"", with: "\"\"") + "\""
        }
        return t
    }
}
