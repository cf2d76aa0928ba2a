import AuditDocument
import Foundation

/// Figures in the narrative that are not the report's own totals, and are never compared.
extension NarrativeNumbersCheck {
    /// Words before a figure, in its sentence, that make it another quantity than this year's own:
    /// another time (上年, 累计, 以来, a quarter), another body (全县, 各单位), other work (协助,
    /// 指导, 计划). A figure so qualified is not compared: a wrong finding is worse than a missed one.
    static let otherQuantityWords = ["上年", "上一年", "去年", "前年", "同期", "累计", "以来", "近三年", "近两年", "近五年", "近年", "历年", "至今",
                                     "十三五", "十四五", "季度", "上半年", "下半年", "月份", "全县", "全区", "全市", "全省", "全州", "全旗", "全盟",
                                     "各单位", "各部门", "各乡镇", "各街道", "所属", "下属", "系统内", "协助", "指导", "督促", "配合", "计划", "拟于",
                                     "拟将", "预计", "转交", "转办", "代为", "涉及我"]

    /// Whether the figure matched at `range` is qualified as another quantity (see
    /// `otherQuantityWords`), or dated in another year than the report's, within its sentence
    /// and at most 40 characters before it.
    static func otherQuantity(_ joined: JoinedText, _ range: NSRange, anchor: String, total: Bool, year: Int?) -> Bool {
        let u = joined.utf16
        let stops: Set<UInt16> = [0x3002, 0xFF1B, 0x3B, 0xFF01, 0x21, 0xFF1F, 0x3F]   // 。；;！!？?
        var start = range.location
        while start > 0, range.location - start < 40, !stops.contains(u[start - 1]) { start -= 1 }
        let match = joined.string(range)
        // The words of the match before its anchor (累计收到…申请) qualify it too.
        let lead = match.range(of: anchor).map { String(match[..<$0.lowerBound]) } ?? ""
        let before = joined.string(NSRange(location: start, length: range.location - start)) + lead
        if otherQuantityWords.contains(where: { before.has($0) }) || (total && before.has("其中")) { return true }
        if decidesReviews(joined, before: range.location) || joinedToAnother(joined, at: range.location) { return true }
        // Reviews newly received are part of the year's (新收行政复议1件，上年结转1件).
        if anchor.has("复议") || anchor.has("诉讼"), ["新收", "新增", "新受理", "新发生"].contains(where: { before.has($0) }) { return true }
        guard let year, before.has("年") else { return false }
        let ns = before as NSString
        return yearRE.matches(in: before, range: NSRange(location: 0, length: ns.length)).contains { Int(ns.substring(with: $0.range)) != year }
    }
    /// Whether the figure at `offset` counts this category together with another named before it
    /// (`部分公开和无法提供3件`, `行政复议、行政诉讼案件共3件`, `全部公开或部分公开5件`): a sum, not
    /// this category's figure. After a figure (`予以公开3件、部分公开1件`) the connector lists.
    static func joinedToAnother(_ joined: JoinedText, at offset: Int) -> Bool {
        let u = joined.utf16
        let connectors: Set<UInt16> = [0x548C, 0x53CA, 0x6216, 0x3001, 0x4E0E]   // 和 及 或 、 与
        guard offset >= 2, connectors.contains(u[offset - 1]) else { return false }
        var k = offset - 2
        if u[offset - 1] == 0x53CA, u[k] == 0x4EE5 { k -= 1 }   // 以及
        guard k >= 0 else { return false }
        let c = u[k]
        let counted: Set<UInt16> = [0x4EF6, 0x4EFD, 0x6761, 0x4E2A, 0x9879, 0x6B21, 0x8D77, 0x5B97, 0x5143]   // 件 份 条 个 项 次 起 宗 元
        return !(c >= 0x30 && c <= 0x39) && !counted.contains(c)
    }

    /// Whether the sentence up to `offset` speaks of the agency as the body that decides reviews
    /// (`我局作为县政府行政复议机构，全年办理…行政复议案件8件`): the cases it decided are not those
    /// brought against it, which table 四 counts.
    static func decidesReviews(_ joined: JoinedText, before offset: Int) -> Bool {
        let u = joined.utf16
        let stops: Set<UInt16> = [0x3002, 0xFF1B, 0x3B, 0xFF01, 0x21, 0xFF1F, 0x3F]   // 。；;！!？?
        var start = offset
        while start > 0, offset - start < 200, !stops.contains(u[start - 1]) { start -= 1 }
        let sentence = joined.string(NSRange(location: start, length: offset - start))
        return ["复议机关", "复议机构", "复议委员会"].contains { sentence.has($0) }
    }

    static let yearRE = re("(?:19|20)\\d\\d(?=年)")
}
