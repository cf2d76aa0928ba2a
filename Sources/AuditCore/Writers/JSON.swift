import AuditDocument
import Foundation

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
