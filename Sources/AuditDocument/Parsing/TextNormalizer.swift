/// Folds the variants that real reports mix freely, so that recognisers compare like with like.
public enum TextNormalizer {
    /// Full-width ASCII to half-width, ideographic space and NBSP to space, curly quotes and dash
    /// variants to one form, zero-width characters dropped. Chinese punctuation such as 、。 is kept.
    public static func fold(_ s: String) -> String { rewrite(s, droppingSpaces: false) }

    @inline(__always)
    package static func foldScalar(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(u.value - 0xFEE0)
        case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: return " "
        case 0x200B...0x200D, 0xFEFF, 0x2060: return nil
        case 0x201C, 0x201D, 0x201E, 0x300C, 0x300D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x2010...0x2015, 0x2212, 0xFE63, 0x2500, 0x2501: return "—"
        case 0x3010: return "["   // 【
        case 0x3011: return "]"   // 】
        default: return u
        }
    }

    /// `fold` and then every kind of white space removed: for matching labels and phrases that
    /// PDF/OCR extraction splits with spaces (`2021 年 1 月`, `社会公 益组织`).
    public static func compact(_ s: String) -> String { rewrite(s, droppingSpaces: true) }

    /// `fold` (and `compact`) over UTF-8 bytes into one buffer: both run on every line several
    /// times, and appending scalar by scalar to a String was the parser's largest cost. Folding
    /// never lengthens a scalar's encoding, so the output fits in the input's byte count.
    package static func rewrite(_ s: String, droppingSpaces: Bool) -> String {
        var s = s
        return s.withUTF8 { src -> String in
            let n = src.count
            if n == 0 { return "" }
            return String(unsafeUninitializedCapacity: n) { dst -> Int in
                var i = 0, o = 0
                while i < n {
                    let b0 = src[i]
                    if b0 < 0x80 {
                        if !(droppingSpaces && (b0 == 0x20 || (b0 >= 0x09 && b0 <= 0x0D))) { dst[o] = b0; o += 1 }
                        i += 1
                        continue
                    }
                    // A valid String's UTF-8: lead byte tells the length.
                    let len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
                    var v: UInt32
                    switch len {
                    case 2: v = UInt32(b0 & 0x1F) << 6 | UInt32(src[i + 1] & 0x3F)
                    case 3: v = UInt32(b0 & 0x0F) << 12 | UInt32(src[i + 1] & 0x3F) << 6 | UInt32(src[i + 2] & 0x3F)
                    default: v = UInt32(b0 & 0x07) << 18 | UInt32(src[i + 1] & 0x3F) << 12 | UInt32(src[i + 2] & 0x3F) << 6 | UInt32(src[i + 3] & 0x3F)
                    }
                    let u = Unicode.Scalar(v)!
                    if let f = foldScalar(u), !(droppingSpaces && f.isSpaceLike) {
                        if f == u {
                            for k in 0..<len { dst[o + k] = src[i + k] }
                            o += len
                        } else {
                            for byte in UTF8.encode(f)! { dst[o] = byte; o += 1 }
                        }
                    }
                    i += len
                }
                return o
            }
        }
    }

    /// Trims white space (including the ideographic space) at both ends. By scalar, not by
    /// Character: grapheme breaking of every cell was a measurable part of parsing.
    public static func trim(_ s: Substring) -> String {
        let u = s.unicodeScalars
        var a = u.startIndex, b = u.endIndex
        while a < b, isTrimmable(u[a]) { a = u.index(after: a) }
        while b > a {
            let p = u.index(before: b)
            guard isTrimmable(u[p]) else { break }
            b = p
        }
        if a == u.startIndex && b == u.endIndex { return String(s) }
        return String(u[a..<b])
    }
    public static func trim(_ s: String) -> String { trim(s[...]) }

    @inline(__always)
    package static func isTrimmable(_ u: Unicode.Scalar) -> Bool {
        u.isSpaceLike || u == "\u{FEFF}" || u == "\u{200B}"
    }

    /// Cuts at runs of two or more spaces (columns laid out with spaces), each piece trimmed,
    /// empty pieces dropped.
    package static func splitOnSpaceRuns(_ s: String) -> [String] {
        var out: [String] = []
        var s = s
        s.withUTF8 { b in
            var start = 0, i = 0
            while i < b.count {
                if b[i] == 0x20, i + 1 < b.count, b[i + 1] == 0x20 {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                    while i < b.count, b[i] == 0x20 { i += 1 }
                    start = i
                } else {
                    i += 1
                }
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<b.count]), as: UTF8.self))
        }
        return out.map { trim($0) }.filter { !$0.isEmpty }
    }

    /// Removes Markdown heading and emphasis markers that wrap a line: `## 一、总体情况`, `**…**`.
    public static func stripMarkdown(_ s: String) -> String {
        var t = trim(s)
        // Folded or as written: `#`/`＃`, `>`/`＞`.
        // A page's list bullet (`• 总体情况` from a flattened HTML list) marks no text either.
        while t.hasPrefix("#") || t.hasPrefix(">") || t.hasPrefix("＃") || t.hasPrefix("＞") || t.unicodeScalars.first.map({ "•●▪■◆►▶".unicodeScalars.contains($0) }) == true {
            t = trim(t.dropFirst())
        }
        // Emphasis around the whole line: Markdown bold, or 【…】 (folded to […]) as sites style headings.
        while (t.hasPrefix("**") && t.hasSuffix("**") && t.count >= 4) || (t.hasPrefix("[") && t.hasSuffix("]") && t.count >= 3)
                || (t.hasPrefix("【") && t.hasSuffix("】") && t.count >= 3) {
            t = t.hasPrefix("**") ? trim(t.dropFirst(2).dropLast(2)) : trim(t.dropFirst().dropLast())
        }
        return t
    }
}
