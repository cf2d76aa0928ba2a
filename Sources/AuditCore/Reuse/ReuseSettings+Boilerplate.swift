import AuditDocument
import Foundation

/// Wording every report writes in its own words but to one pattern, which a grader does not call
/// copying: the political formulas of the opening, a statement that nothing happened (no review,
/// no complaint, no accountability), and the lead-in to the problems. Not the agency's own prose.
extension ReuseSettings {
    /// A clause that names the Party's line or a superior's deployment (`坚持以习近平…为指导`,
    /// `全面贯彻党的二十大和二十届二中、三中全会精神`, `认真落实省委、省政府…决策部署`).
    static let politicalWords = ["习近平", "二十大", "十九大", "十八大", "二十届", "十九届", "全会精神", "党中央", "重要指示", "重要讲话", "重要论述",
                                 "决策部署", "工作部署", "部署要求", "工作要求", "以人民为中心", "精神", "认真贯彻", "贯彻落实", "深入贯彻", "全面贯彻",
                                 "省委、省政府", "市委、市政府", "省委省政府", "市委市政府"]

    /// A clause that leads into the problems (`取得一定成效`, `但还存在一些不足`, `主要表现在`).
    static let leadInWords = ["取得一定成效", "取得了一定成效", "取得了一定的成效", "取得一定的成效", "存在一些不足", "存在一些问题", "存在一定的不足",
                              "存在以下问题", "存在以下不足", "主要表现在", "主要体现在", "表现在以下", "以下几个方面", "具体如下"]

    /// Whether a sentence may hold such a clause: most hold none of these characters.
    static func mayHoldBoilerplate(_ s: Substring) -> Bool {
        s.has("习") || s.has("精神") || s.has("届") || s.has("党") || s.has("部署") || s.has("要求") || s.has("贯彻") || s.has("省委") || s.has("市委")
            || s.has("成效") || s.has("存在") || s.has("表现") || s.has("体现") || s.has("以下") || s.has("如下")
    }

    static func isBoilerplateClause(_ clause: String) -> Bool {
        let c = TextNormalizer.compact(clause)
        return politicalWords.contains { c.has($0) } || leadInWords.contains { c.has($0) }
    }

    /// A sentence that only says what did not happen (`本年度未发生因政府信息公开被申请行政复议、提起
    /// 行政诉讼的情况，未收到…投诉举报，未发生…责任追究情况`): a negation at its start, one of the
    /// things every report says it had none of, and no figure.
    static func isNilFactSentence(_ s: Substring) -> Bool {
        guard s.has("未") || s.has("没有") || s.has("无") else { return false }
        let c = TextNormalizer.compact(String(s))
        guard nilFactStart.firstMatch(in: c, range: NSRange(location: 0, length: (c as NSString).length)) != nil,
              nilFactWords.contains(where: { c.has($0) }) else { return false }
        // A figure (`收到申请5件`) makes it a statement of figures, which counts as they do.
        return !c.unicodeScalars.enumerated().contains { i, u in
            ("0"..."9").contains(u) && !c.unicodeScalars.dropFirst(i + 1).prefix(4).contains("年")
        }
    }
    static let nilFactWords = ["行政复议", "行政诉讼", "投诉", "举报", "责任追究", "追责", "问责", "应公开而未公开", "应公开未公开", "不予公开而公开", "泄密",
                               "违规", "舆情"]
    static let nilFactStart = try! NSRegularExpression(pattern: "^[^,:]{0,16}?(?:未|没有|无|均未|从未|尚未)")
}
