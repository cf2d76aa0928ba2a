extension SectionRecognizer {
    /// A numeral other than `一、` that numbers a line of its own: a Han numeral before `，`, `：` or
    /// `）` (folded to ASCII), a Roman numeral, a financial numeral (壹) or a circled one (①, which
    /// needs no mark). The numeral and its mark, and their width in scalars.
    package static func looseNumeral(_ s: [Unicode.Scalar]) -> (Int, Int)? {
        guard let first = s.first, s.count > 2 else { return nil }
        let marks: Set<Unicode.Scalar> = [",", ":", ")", "、", ".", "丶", "､"]
        if let n = hanNumeral(first), n <= 6, [",", ":", ")"].contains(s[1]) { return (n, 2) }
        if (0x2460...0x2465).contains(first.value) { return (Int(first.value - 0x2460) + 1, marks.contains(s[1]) ? 2 : 1) }
        let n: Int?
        switch first.value {
        case 0x2160...0x2165: n = Int(first.value - 0x2160) + 1      // Ⅰ…Ⅵ
        case 0x2170...0x2175: n = Int(first.value - 0x2170) + 1      // ⅰ…ⅵ
        default: n = ["壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6][first]
        }
        guard let n, marks.contains(s[1]) else { return nil }
        return (n, 2)
    }

    /// A title with the report's year before it (`2024年政府信息公开工作总体情况`, `本年度主动公开…`)
    /// names the section as the title without it does.
    package static func withoutYear(_ title: String) -> String {
        let s = Array(title.unicodeScalars)
        var i = 0
        if s.count > 5, s[0] == "1" || s[0] == "2", s[1...3].allSatisfy({ ("0"..."9").contains($0) }), s[4] == "年" { i = 5 }
        else if s.count > 3, s[0] == "本", s[1] == "年" { i = 2 }
        else { return title }
        if i < s.count, s[i] == "度" { i += 1 }
        return i < s.count ? String(String.UnicodeScalarView(s[i...])) : title
    }
}
