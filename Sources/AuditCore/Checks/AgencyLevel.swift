import Foundation
import AuditDocument
/// The level of an agency, which sets its publication deadline.
public enum AgencyLevel: String, Sendable, CaseIterable, Hashable {
    /// 县级以上人民政府部门 (局, 委员会, 办公室…).
    case department
    /// 县级以上地方人民政府 itself.
    case government
    /// 乡镇人民政府, 街道办事处.
    case township

    public var name: Localized {
        switch self {
        case .department: return Localized(zh: "县级以上人民政府部门", en: "government department")
        case .government: return Localized(zh: "县级以上人民政府", en: "people's government")
        case .township: return Localized(zh: "乡镇（街道）", en: "township or sub-district")
        }
    }

    /// From the agency's name; nil when it does not say.
    public static func classify(_ name: String?) -> AgencyLevel? {
        guard var n = name.map(TextNormalizer.compact), !n.isEmpty else { return nil }
        // A second name in parentheses (某某市文化和旅游局（某某市文物局）): the first is the agency's.
        if n.hasSuffix(")"), let open = n.lastIndex(of: "("), open > n.startIndex {
            // A place with its department in parentheses (湖南省(省教育厅)): the department is the
            // agency; a note (本级) or a lesser place (东城区) leaves the place's own government.
            let first = String(n[..<open]), inner = String(n[n.index(after: open)..<n.index(before: n.endIndex)])
            if isPlace(first), classify(inner) == .department, !["办公厅", "政府办公室", "公开办"].contains(where: { inner.has($0) }) { return .department }
            n = first
        }
        // A zone run by an administrative committee (平潭综合实验区, 某某新区) reports as a government,
        // and so does a prefecture's 行政公署 (the provincial government's agency that governs it).
        if ["实验区", "新区", "开发区", "高新区", "示范区", "管理委员会", "管委会", "行政公署"].contains(where: { n.hasSuffix($0) }) { return .government }
        // Party organs, congresses, courts and procuratorates, mass organisations: 条例 第四十九条's
        // deadlines are not theirs, so their level says nothing of a deadline.
        if outsideTheRegulation.contains(where: { n.has($0) }) { return nil }
        if belowCounty.firstMatch(in: n, range: NSRange(n.startIndex..., in: n)) != nil { return .township }
        // An area bureau (片区管理局) may run former towns or a whole zone: the name does not tell.
        if n.has("片区") { return nil }
        let departmentMarks = ["局", "委员会", "办公室", "办公厅", "厅", "署", "委", "办", "部门"]
        if departmentMarks.contains(where: { n.hasSuffix($0) }) { return .department }
        // 中心, 院, 所, 站, 队: public institutions (医院, 疾控中心, 融媒体中心) and offices sent out
        // (派出所, 交警大队) as often as departments: not told by the name.
        for suffix in ["人民政府", "政府", "街道办事处", "办事处"] where n.hasSuffix(suffix) {
            let stem = String(n.dropLast(suffix.count))
            if stem.hasSuffix("乡") || stem.hasSuffix("镇") || stem.hasSuffix("街道") || suffix.hasSuffix("办事处") { return .township }
            if ["省", "市", "县", "区", "旗", "州"].contains(where: { stem.hasSuffix($0) }) { return .government }
        }
        if n.hasSuffix("乡") || n.hasSuffix("镇") || n.hasSuffix("街道") { return .township }
        // A province or a municipality named alone (`2022年上海市政府信息公开工作年度报告`): the
        // whole government's report. A lesser place named alone may be a county's or a district's
        // report as well as a department's misread title, so it is told nothing.
        if PlaceName.municipalities.contains(n) || (n.hasSuffix("省") || n.hasSuffix("自治区")) && n.unicodeScalars.count <= 8 && !n.has("市") && !n.has("县") { return .government }
        // A league (兴安盟) is governed as a prefecture is, by its 行政公署.
        if n.hasSuffix("盟"), n.unicodeScalars.count <= 6, !n.has("民盟"), !["县", "市", "区"].contains(where: { n.has($0) }) { return .government }
        return nil
    }

    /// A place named alone (湖南省, 某某市, 某某县): no agency's name ends so.
    static func isPlace(_ n: String) -> Bool {
        PlaceName.municipalities.contains(n) || PlaceName.countyAndAbove.contains { n.hasSuffix($0) }
    }

    static let outsideTheRegulation = ["中共", "中国共产党", "党委", "党工委", "县委", "市委", "区委", "省委", "州委", "旗委", "盟委", "纪委", "监委",
                                       "纪律检查委员会", "监察委员会", "人大", "人民代表大会", "政协", "政治协商", "法院", "检察院",
                                       "组织部", "宣传部", "统战部", "统一战线", "政法委", "工会", "共青团", "团委", "妇联", "妇女联合会",
                                       "科协", "残联", "侨联", "文联", "工商联"]

    /// A unit of a township, a sub-district, a community or a village (某某街道便民服务中心,
    /// 某某社区居民委员会, 某某镇人民政府党政办): it reports at the township's level, not as a county
    /// department, though its name ends in 中心 or 委员会. 城乡, 乡村 and a city named 镇江 are not.
    static let belowCounty = try! NSRegularExpression(pattern: belowCountyUnit)
    static let belowCountyUnit = "街道|社区居|社区服务|居民委员会|村民委员会|居委会|村委会"
        + "|^.{2,12}?(?<!城)[乡镇](?:人民政府)?(?:便民服务中心|为民服务中心|综合服务中心|政务服务中心|党政综合办公室|党政办公室|党政办"
        + "|综合执法[\\p{Han}]{0,3}|财政所|农业服务中心|社会事务[\\p{Han}]{0,4}|办公室|中心|所|站)$"
}
