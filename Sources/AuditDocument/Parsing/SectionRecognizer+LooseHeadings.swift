extension SectionRecognizer {
    /// A numeral other than `一、` that numbers a line of its own: a Han numeral before `，`, `：` or
    /// `）` (folded to ASCII), a Roman numeral, a financial numeral (壹) or a circled one (①, which
    /// needs no mark). The numeral and its mark, and their width in scalars.
    package static func looseNumeral(_ s: [Unicode.Scalar]) -> (Int, Int)? {
        guard let first = s.first, s.count > 2 else { return nil }
        let marks: Set<Unicode.Scalar> = [",", ":", ")", "、", ".", "丶", "､"]
        if let n = hanNumeral(first), n <= 6, [",", ":", ")"].contains(s[1]) { return (n, 2) }
        // OCR reads 一 as a dash (`—、总体情况`).
        if ["—", "-", "–", "ー", "－"].contains(first), marks.contains(s[1]) { return (1, 2) }
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

    /// A numbered heading broken over two lines: the first holds the numeral and part of the
    /// title, the second (short, with no numeral of its own) the rest.
    package static func wrappedHeading(_ lines: [String], at i: Int) -> Heading? {
        guard i + 1 < lines.count, lines[i].utf8.count <= 90, lines[i + 1].utf8.count <= 90 else { return nil }
        // Most lines fail at once: a numeral then 、 must open the line (after Markdown marks).
        let opening = lines[i].unicodeScalars.lazy.filter { !$0.isSpaceLike && $0 != "#" && $0 != "*" }.prefix(2)
        guard opening.count == 2, hanNumeral(opening.first!) != nil, Array(opening)[1] == "、" else { return nil }
        let first = TextNormalizer.compact(TextNormalizer.stripMarkdown(TextNormalizer.fold(lines[i])))
        let second = TextNormalizer.compact(lines[i + 1])
        guard let f = first.unicodeScalars.first, hanNumeral(f) != nil, first.unicodeScalars.dropFirst().first == "、",
              !second.isEmpty, second.unicodeScalars.count <= 16, !second.has("。"),
              let s0 = second.unicodeScalars.first, hanNumeral(s0) == nil || second.unicodeScalars.dropFirst().first != "、" else { return nil }
        guard var h = heading(lines[i] + lines[i + 1]) else { return nil }
        h.text = TextNormalizer.trim(lines[i]) + TextNormalizer.trim(lines[i + 1])
        return h
    }

    /// Traditional characters OCR engines put into simplified headings (总体情況, 行政復議).
    static let simplifiedOf: [Unicode.Scalar: Unicode.Scalar] = [
        "況": "况", "體": "体", "總": "总", "動": "动", "開": "开", "處": "处", "請": "请", "題": "题", "進": "进", "報": "报", "復": "复",
        "議": "议", "訟": "讼", "關": "关", "與": "与", "問": "问", "資": "资", "訊": "讯", "項": "项", "機": "机", "務": "务", "發": "发",
        "統": "统", "計": "计", "環": "环", "實": "实", "際": "际", "種": "种", "類": "类", "結": "结", "轉": "转", "應": "应", "辦": "办",
    ]

    /// A heading's compact text with traditional characters simplified and Markdown emphasis inside
    /// it (`**三、**收到…`) dropped.
    package static func forMatching(_ compact: String) -> String {
        var s = compact
        if s.utf8.contains(UInt8(ascii: "*")) { s = s.replacingOccurrences(of: "*", with: "") }
        guard s.unicodeScalars.contains(where: { simplifiedOf[$0] != nil }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { simplifiedOf[$0] ?? $0 }))
    }
}
