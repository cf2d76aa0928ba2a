/// A page of a government site's traditional-script mirror (繁體版) is read in simplified
/// characters, one character for one, so its lines and positions stay those of the text as
/// written; the report then carries `traditionalScript` and its findings say that their
/// quotations are converted.
package enum TraditionalScript {
    static let map: [Unicode.Scalar: Unicode.Scalar] = {
        let scalars = Array(pairs.unicodeScalars)
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for i in stride(from: 0, to: scalars.count - 1, by: 2) { map[scalars[i]] = scalars[i + 1] }
        return map
    }()

    /// One bit per BMP scalar: a traditional character that is never a simplified form.
    static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for k in map.keys where k.value < 0x10000 { bits[Int(k.value) >> 6] |= 1 << (UInt64(k.value) & 63) }
        return bits
    }()

    /// The text in simplified characters if it is written in traditional ones — at least 20 of
    /// the Han characters among its first 20,000 characters, and one in 30, are traditional-only
    /// (a simplified report quoting a name in traditional characters is not) — else nil.
    package static func simplified(_ text: String) -> String? {
        var han = 0, traditional = 0, n = 0
        for s in text.unicodeScalars {
            n += 1
            if n > 20_000 { break }
            let v = s.value
            guard v >= 0x3400, v < 0xA000 else { continue }
            han += 1
            if bits[Int(v) >> 6] & (1 << (UInt64(v) & 63)) != 0 { traditional += 1 }
        }
        guard traditional >= 20, traditional * 30 >= han else { return nil }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            // 於 is also written in simplified text (於潜镇), so the table keeps it; in a
            // traditional page it is 于 (屬於, 等於, 關於: the table's labels and notes) but in 於潜.
            if s == "於" {
                let next = scalars[(i + 1)...].first { !$0.isSpaceLike }
                out.append(next == "潛" || next == "潜" ? s : "于")
                continue
            }
            out.append(map[s] ?? s)
        }
        return String(out)
    }
}
