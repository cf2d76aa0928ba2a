import AuditDocument

/// One agency, however its reports name it: the key that links a report to its earlier years,
/// its baseline and its exemptions.
public enum AgencyName {
    /// Compacted; a government named by its place (某某县人民政府, 某某县政府 and 某某县 are one), a
    /// sub-district's office as the sub-district (乙街道办事处 and 乙街道 are one). A government's
    /// office is not the government: each reports figures and a narrative of its own.
    public static func key(_ name: String?) -> String? {
        guard let n = name.map(TextNormalizer.compact), !n.isEmpty else { return nil }
        var own = n.replacingOccurrences(of: "人民政府", with: "政府")
        if own.hasSuffix("街道办事处") { own = String(own.dropLast(3)) }
        // 甲镇人民政府 is 甲镇 (but 某县政府办公室 stays the office).
        if own.hasSuffix("政府"), own.count > 3 { own = String(own.dropLast(2)) }
        return own
    }
}
