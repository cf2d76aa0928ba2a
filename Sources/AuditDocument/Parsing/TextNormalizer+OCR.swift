/// Repairs of what OCR and PDF converters do to text.
extension TextNormalizer {
    /// Compact text as OCR misreads figures and dates in it (l or I for 1, O for 0, 曰 for 日, 一
    /// for the dash between two dates), repaired where the context leaves no doubt; nil when
    /// nothing needed repair.
    package static func repairingOCR(_ window: String) -> String? {
        var u = Array(window.unicodeScalars)
        var changed = false
        func digit(_ k: Int) -> Bool { k >= 0 && k < u.count && ("0"..."9").contains(u[k]) }
        func dateMark(_ k: Int) -> Bool { k >= 0 && k < u.count && ["年", "月", "日"].contains(u[k]) }
        // Before a count's unit, after a Chinese character: 收费通知l件, 收费通知O件.
        func counted(_ k: Int) -> Bool {
            k > 0 && k + 1 < u.count && ["件", "份", "元", "个", "张", "次", "条", "项"].contains(u[k + 1]) && u[k - 1].value >= 0x4E00
        }
        for k in u.indices {
            switch u[k] {
            case "l", "I", "|", "丨", "i":
                if digit(k - 1) || digit(k + 1) || (dateMark(k - 1) && (digit(k + 1) || dateMark(k + 1))) || (k + 1 < u.count && ["月", "日"].contains(u[k + 1]))
                    || counted(k) { u[k] = "1"; changed = true }
            case "O", "o", "〇":
                if digit(k - 1) || digit(k + 1) || (u[k] != "〇" && counted(k)) { u[k] = "0"; changed = true }
            case "曰":
                if digit(k - 1) { u[k] = "日"; changed = true }
            case "一":
                // 1月1日一2025年12月31日: a dash between two dates.
                if k > 0, u[k - 1] == "日" || u[k - 1] == "起", digit(k + 1) { u[k] = "至"; changed = true }
            default: continue
            }
        }
        return changed ? String(String.UnicodeScalarView(u)) : nil
    }

    /// Compact text without the marks Markdown converters leave inside a sentence: emphasis,
    /// breaks and math (`**2025年1月1日**`, `<br>`, `$2025$`). Checked on the bytes first: this
    /// runs for every line of every report.
    package static func withoutInlineMarkup(_ c: String) -> String {
        guard c.utf8.contains(where: { $0 == 0x2A || $0 == 0x3C || $0 == 0x24 }) else { return c }
        var t = c
        for mark in ["**", "<br>", "<br/>", "<br />", "<BR>", "$"] where t.has(mark) { t = t.replacingOccurrences(of: mark, with: "") }
        return t
    }
}
