/// The statistical tables that carry arithmetic identities.
public enum TableName: String, Sendable, CaseIterable, Hashable {
    /// 三、收到和处理政府信息公开申请情况
    case application
    /// 四、政府信息公开行政复议、行政诉讼情况
    case reviewLitigation = "review"

    public var chineseName: String {
        switch self {
        case .application: return "表三（收到和处理政府信息公开申请情况）"
        case .reviewLitigation: return "表四（行政复议、行政诉讼情况）"
        }
    }
    public var englishName: String {
        switch self {
        case .application: return "table 3 (applications received and handled)"
        case .reviewLitigation: return "table 4 (administrative review and litigation)"
        }
    }
}
