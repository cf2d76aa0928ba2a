/// Which official format a report follows; decides the table schema and which rules apply.
public enum TemplateVersion: String, Sendable, Codable, CaseIterable {
    /// 国办公开办函〔2021〕30号: reports for 2021 onward.
    case v2021 = "2021"
    /// 国办公开办函〔2019〕60号: reports for 2019 and 2020.
    case v2019 = "2019"
}
