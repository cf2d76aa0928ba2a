import Foundation

/// Shared text formatting for the writers; deterministic (no locale, no time zone).
public enum Format {
    /// `98`, `97.5`, `97.25`: at most two decimals, no trailing zeros.
    static func number(_ x: Double) -> String {
        let cents = Int64((x * 100).rounded())
        let whole = cents / 100, frac = abs(cents % 100)
        let sign = cents < 0 && whole == 0 ? "-" : ""
        if frac == 0 { return "\(sign)\(whole)" }
        if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func coverage(_ a: ReportAudit) -> String { "\(a.verifiedRules)/\(a.applicableRules)" }

    /// Shortens a quotation for a table cell.
    static func clip(_ s: String, _ n: Int) -> String {
        let t = s.replacingIfPresent("\n", with: " ").replacingIfPresent("\t", with: " ")
        return t.count <= n ? t : String(t.prefix(n)) + "…"
    }

    static func severityName(_ s: Severity, _ lang: Language) -> String {
        switch (s, lang) {
        case (.error, .zh): return "错误"
        case (.warning, .zh): return "警告"
        case (.info, .zh): return "提示"
        default: return s.rawValue
        }
    }

    static func outcomeName(_ o: Outcome, _ lang: Language) -> String {
        switch (o, lang) {
        case (.fail, .zh): return "不通过"
        case (.unverifiable, .zh): return "无法核验"
        case (.pass, .zh): return "通过"
        case (.notApplicable, .zh): return "不适用"
        default: return o.rawValue.replacingIfPresent("_", with: " ")
        }
    }
}

/// Minimal JSON emitter with keys in the order given, so output is byte-stable.
enum JSON {
    indirect enum Value {
        case string(String), number(Double), int(Int), bool(Bool), null
        case array([Value])
        case object([(String, Value)])
    }

    static func optional(_ s: String?) -> Value { s.map(Value.string) ?? .null }
    static func optional(_ i: Int?) -> Value { i.map(Value.int) ?? .null }

    static func encode(_ v: Value) -> String {
        var out = ""
        write(v, into: &out)
        return out
    }

    static func write(_ v: Value, into out: inout String) {
        switch v {
        case .string(let s): escape(s, into: &out)
        case .number(let d): out += Format.number(d)
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let a):
            out += "["
            for (i, x) in a.enumerated() { if i > 0 { out += "," }; write(x, into: &out) }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, (k, x)) in o.enumerated() {
                if i > 0 { out += "," }
                escape(k, into: &out); out += ":"; write(x, into: &out)
            }
            out += "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: appended whole (scalar by scalar was most of the cost of
        // writing audit.jsonl for 100,000 reports).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}

extension Format {
    /// A score as shown to people and in CSV.
    public static func score(_ x: Double) -> String { number(x) }
}
