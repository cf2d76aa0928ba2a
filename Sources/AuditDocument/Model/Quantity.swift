/// A number as printed: an integer mantissa and the count of decimals printed.
/// Counts are exact; an amount printed with decimals stands for an interval of ± half a unit
/// in its last printed place (as XBRL calculation checks treat reported precision).
public struct Quantity: Sendable, Equatable, CustomStringConvertible {
    public var mantissa: Int64
    public var scale: Int

    public init(mantissa: Int64, scale: Int) { self.mantissa = mantissa; self.scale = scale }

    /// Parses `12`, `0.5`, `4068.208`, `1,234`; nil for anything else.
    public init?(_ text: String) {
        var mantissa: Int64 = 0, scale = 0, digits = 0, seenPoint = false
        for ch in text.unicodeScalars {
            switch ch {
            case "0"..."9":
                let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m.addingReportingOverflow(Int64(ch.value - 48))
                if o1 || o2 || digits >= 18 { return nil }
                mantissa = m2; digits += 1
                if seenPoint { scale += 1 }
            case ".":
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            case ",":
                if seenPoint || digits == 0 { return nil }
            default: return nil
            }
        }
        if digits == 0 || (seenPoint && scale == 0) { return nil }
        self.mantissa = mantissa; self.scale = scale
    }

    public var description: String {
        if scale == 0 { return String(mantissa) }
        // A signed change (table 二's 本年增/减) keeps its sign before the digits.
        var s = String(mantissa.magnitude)
        while s.count <= scale { s = "0" + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -scale))
        return mantissa < 0 ? "-" + s : s
    }
}
