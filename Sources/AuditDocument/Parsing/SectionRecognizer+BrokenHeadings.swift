import Foundation

/// Headings the extraction broke apart: the numeral at the end of one line and the title on the
/// next, and section 五 whose title was lost but whose sub-items remain.
extension SectionRecognizer {
    /// The heading numeral a line ends with (`一、`, `3、`, `第二部分`), alone on its line or after
    /// other text: PDF extraction and wrapping often put the numeral and the title on two lines.
    package static func numeralEnding(_ raw: String) -> String? {
        guard endsWithHeadingMark(raw) else { return nil }
        var s = Array(raw.unicodeScalars.suffix(12))
        while let last = s.last, last.isSpaceLike || last == "*" || last == "#" { s.removeLast() }
        guard s.count >= 2 else { return nil }
        let before = s.count > 2 ? s[s.count - 3] : nil
        let mark = s[s.count - 1], numeral = s[s.count - 2]
        if let n = hanNumeral(numeral), n <= 7, ["、", "．"].contains(mark) || (mark == "." && before.map { !isDigit($0) } ?? true),
           before.map({ !(notBeforeNumeral.contains($0) || hanNumeral($0) != nil) }) ?? true {
            return String(numeral) + String(mark)
        }
        if ("1"..."7").contains(numeral), ["、", "．"].contains(mark), before.map({ !isDigit($0) }) ?? true { return String(numeral) + String(mark) }
        if s.count >= 4, partNumber(s, at: s.count - 4) != nil { return String(String.UnicodeScalarView(s.suffix(4))) }
        return nil
    }

    /// Whether the line's last visible byte ends `、`, `．`, `.` or `分` (of 部分), on its UTF-8
    /// bytes: nearly every line ends otherwise, and is passed over without building its scalars.
    package static func endsWithHeadingMark(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { b -> Bool in
            var n = b.count
            while n > 0, b[n - 1] == 0x20 || b[n - 1] == 0x09 || b[n - 1] == 0x2A || b[n - 1] == 0x23 || b[n - 1] == 0x0D { n -= 1 }
            if n >= 1, b[n - 1] == 0x2E { return true }
            guard n >= 3 else { return false }
            let last = UInt32(b[n - 3]) << 16 | UInt32(b[n - 2]) << 8 | UInt32(b[n - 1])
            // 、 E38081, ． EFBC8E, 分 E58886; a trailing ideographic space E38080 is looked at the slow way.
            return last == 0xE38081 || last == 0xEFBC8E || last == 0xE58886 || last == 0xE38080
        }
    }

    /// The heading made of a numeral alone on the line before and a title starting this line.
    package static func afterNumeral(_ numeral: String, _ raw: String, line: Int) -> HeadingCandidate? {
        let shift = numeral.unicodeScalars.count, length = raw.unicodeScalars.count
        if let h = heading(numeral + raw), h.numbering != .none, !h.isSubItem { return wholeLine(h, line: line, length: length) }
        guard var c = inlineCandidates(numeral + raw, line: line).first, c.start == 0, !c.subItem else { return nil }
        c.end = max(0, c.end - shift)
        return c
    }

    /// Section 五 whose heading was lost (PDF extraction), written as `（一）主要问题` … `（二）改进情况`:
    /// the first sub-item stands in for the section when the second follows within a few lines.
    package static func problemsSubItem(_ lines: [String], at i: Int) -> HeadingCandidate? {
        let raw = lines[i]
        guard raw.utf8.count <= 160, raw.has("问题") || raw.has("不足") else { return nil }
        let c = TextNormalizer.compact(TextNormalizer.stripMarkdown(raw))
        guard c.hasPrefix("(一)") || c.hasPrefix("（一）"), c.unicodeScalars.count <= 20, c.has("问题") || c.has("不足"), !c.has("。") else { return nil }
        for j in (i + 1)..<min(lines.count, i + 60) {
            let d = TextNormalizer.compact(TextNormalizer.stripMarkdown(lines[j]))
            guard d.unicodeScalars.count <= 20, d.hasPrefix("(二)") || d.hasPrefix("（二）") else { continue }
            guard d.has("改进") || d.has("整改") || d.has("措施") else { return nil }
            return HeadingCandidate(line: i + 1, start: 0, end: raw.unicodeScalars.count, kind: .problems, order: SectionKind.problems.rawValue,
                                    numbering: .none, wholeLine: true, official: false, subItem: true, text: TextNormalizer.trim(raw))
        }
        return nil
    }
}
