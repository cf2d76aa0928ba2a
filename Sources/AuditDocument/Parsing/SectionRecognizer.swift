import Foundation

/// Finds the six canonical section headings, wherever they stand.
///
/// Candidates come from two places: a short line that is a heading (numbered `一、`, `5、`, or a
/// bare official title), and a numeral with `、` anywhere inside a line — after digits, units or
/// punctuation, as in a web page flattened onto one line (`…行政事业性收费0三、收到和处理…`) —
/// whose following words are a section title from their first character. Among the candidates,
/// the headings are the best chain in document order, one per section, in which each step goes
/// up in section or in the number the report wrote (see `step`): so a table label
/// (`四、结转下年度继续办理`), a list item in a later section or a repeated caption is not taken,
/// and two sections written in swapped order (`五、信息处理费收取情况` before
/// `六、存在的主要问题…`) are both found, their numbering irregular.
package enum SectionRecognizer {
    /// Longest heading title we accept on a line of its own, in characters after compaction.
    package static let maxTitleLength = 40

    package struct Heading {
        package var kind: SectionKind
        package var order: Int
        package var text: String
        package var numbering: HeadingNumbering
        /// Read from a sub-item line such as `（一）…`; used only when the section has no heading.
        package var isSubItem = false
        /// The sub-item's numeral is its section's: `（三）收到和处理…`.
        package var parenNumbered = false
    }

    /// 一 … 十 as a number; a switch, not a dictionary: it runs on every character of many lines.
    @inline(__always)
    package static func hanNumeral(_ u: Unicode.Scalar) -> Int? {
        switch u {
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        case "十": return 10
        default: return nil
        }
    }
    /// The characters of the words every accepted title contains (`TemplateLabels.titleWords`).
    package static let titleScalars: Set<Unicode.Scalar> = Set(TemplateLabels.titleWords.flatMap { $0.unicodeScalars })

    /// Characters that make a following `一、` part of a word or a larger number (单一、, 第三、, 二十一、).
    package static let notBeforeNumeral: Set<Unicode.Scalar> = ["第", "之", "单", "统", "唯", "同", "万", "逐", "〇", "零", "百", "千", "两"]

    // MARK: Candidates

    package static func candidates(in lines: [String]) -> [HeadingCandidate] {
        var out: [HeadingCandidate] = []
        var continued = -1
        for (i, raw) in lines.enumerated() {
            // The second half of a heading wrapped onto this line was read with the first.
            if i == continued { continue }
            var whole: HeadingCandidate?
            if i > 0, let numeral = numeralEnding(lines[i - 1]), let c = afterNumeral(numeral, raw, line: i + 1) {
                out.append(c)
                if c.wholeLine { continue }
            }
            if let h = heading(raw) {
                whole = wholeLine(h, line: i + 1, length: raw.unicodeScalars.count)
                out.append(whole!)
            } else if let h = wrappedHeading(lines, at: i) {
                // `四、政府信息公开行政` / `复议、行政诉讼情况`: a heading a PDF's line width broke.
                whole = wholeLine(h, line: i + 1, length: raw.unicodeScalars.count)
                out.append(whole!)
                continued = i + 1
            }
            // A line that is a heading holds no other.
            guard whole == nil else { continue }
            out += inlineCandidates(raw, line: i + 1)
            if let c = problemsSubItem(lines, at: i) { out.append(c) }
        }
        return out
    }

    /// The candidate of a heading that is a line of its own.
    package static func wholeLine(_ h: Heading, line: Int, length: Int) -> HeadingCandidate {
        HeadingCandidate(line: line, start: 0, end: length, kind: h.kind, order: h.order, numbering: h.numbering, wholeLine: true,
                         official: TextNormalizer.compact(h.text).hasSuffix(TextNormalizer.compact(h.kind.officialTitle)),
                         subItem: h.isSubItem, text: h.text, parenNumbered: h.parenNumbered)
    }

    /// Numbered headings inside a line of any length.
    package static func inlineCandidates(_ raw: String, line: Int) -> [HeadingCandidate] {
        guard mayHoldNumberedHeading(raw) else { return [] }
        let s = Array(raw.unicodeScalars)
        var out: [HeadingCandidate] = []
        var i = 0
        while i + 2 < s.count {
            let u = s[i]
            var order: Int?
            var numbering = HeadingNumbering.chinese
            var titleStart = i + 2
            if let n = hanNumeral(u), s[i + 1] == "、" || s[i + 1] == "．" || (s[i + 1] == "." && !isDigit(s[i + 2])) {
                order = n
            } else if let n = partNumber(s, at: i) {
                order = n; numbering = .part(String(String.UnicodeScalarView(s[i..<(i + 4)])))
                titleStart = i + 4
                if titleStart < s.count, ["、", ".", "．", ":", "：", "-"].contains(s[titleStart]) { titleStart += 1 }
            } else if u == "【" || u == "[", let n = hanNumeral(s[i + 1]), i + 3 < s.count, s[i + 2] == "】" || s[i + 2] == "]" {
                // `【一】总体情况`
                order = n; numbering = .bracketed(String(String.UnicodeScalarView(s[i...(i + 2)])))
                titleStart = i + 3
            } else if ("1"..."9").contains(u), s[i + 1] == "、", i == 0 || !isDigit(s[i - 1]) {
                order = Int(u.value - 48); numbering = .arabic(String(u) + "、")
            } else if u == "（" || u == "(", let n = hanNumeral(s[i + 1]), i + 3 < s.count, s[i + 2] == "）" || s[i + 2] == ")",
                      let c = titleAfter(s, from: i + 3), c.kind.rawValue == n {
                // `（三）收到和处理…` inside a line: kept for a report numbered this way throughout.
                let text = TextNormalizer.trim(String(String.UnicodeScalarView(s[i..<c.end])))
                out.append(HeadingCandidate(line: line, start: i, end: c.end, kind: c.kind, order: n, numbering: .none, wholeLine: false,
                                            official: false, subItem: true, text: text, parenNumbered: true))
                i = c.end
                continue
            }
            if let order, i == 0 || !(notBeforeNumeral.contains(s[i - 1]) || hanNumeral(s[i - 1]) != nil), let c = titleAfter(s, from: titleStart) {
                let official = c.compact.hasPrefix(TextNormalizer.compact(c.kind.officialTitle))
                let text = TextNormalizer.trim(String(String.UnicodeScalarView(s[i..<c.end])))
                out.append(HeadingCandidate(line: line, start: i, end: c.end, kind: c.kind, order: order, numbering: numbering,
                                            wholeLine: false, official: official, subItem: false, text: text))
                i = c.end
                continue
            }
            i += 1
        }
        return out
    }

    /// Whether a line has a numeral (一…十, 1…9) right before `、`, `．` or `.`, tested on its UTF-8
    /// bytes: most lines have none, and building their scalars would cost more than the search.
    package static func mayHoldNumberedHeading(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { b -> Bool in
            let n = b.count
            var i = 1
            while i < n {
                defer { i += 1 }
                // `、` is E3 80 81, `．` EF BC 8E, `.` 2E.
                let isMark = b[i] == 0x2E || (i + 2 < n && ((b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x81) || (b[i] == 0xEF && b[i + 1] == 0xBC && b[i + 2] == 0x8E)))
                // `第…部分`: 部分 is E9 83 A8 E5 88 86.
                if b[i] == 0xE9, i + 5 < n, b[i + 1] == 0x83, b[i + 2] == 0xA8, b[i + 3] == 0xE5, b[i + 4] == 0x88, b[i + 5] == 0x86 { return true }
                // `）` is EF BC 89, `)` 29: a numeral in parentheses; `】` E3 80 91, `]` 5D: in brackets.
                let closes = b[i] == 0x29 || b[i] == 0x5D || (i + 2 < n && ((b[i] == 0xEF && b[i + 1] == 0xBC && b[i + 2] == 0x89)
                                                                          || (b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x91)))
                guard isMark || closes else { continue }
                if closes && b[i - 1] >= 0x31 && b[i - 1] <= 0x39 { continue }
                if b[i - 1] >= 0x31 && b[i - 1] <= 0x39 { return true }
                if i >= 3 {
                    switch UInt32(b[i - 3]) << 16 | UInt32(b[i - 2]) << 8 | UInt32(b[i - 1]) {
                    // 一 二 三 四 五 六 七 八 九 十
                    case 0xE4B880, 0xE4BA8C, 0xE4B889, 0xE59B9B, 0xE4BA94, 0xE585AD, 0xE4B883, 0xE585AB, 0xE4B99D, 0xE58D81: return true
                    default: break
                    }
                }
            }
            return false
        }
    }

    /// `第一部分` … `第六部分` at `i`: the section number.
    package static func partNumber(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 3 < s.count, s[i] == "第", s[i + 2] == "部", s[i + 3] == "分", let n = hanNumeral(s[i + 1]), n <= 7 else { return nil }
        return n
    }

    @inline(__always) package static func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) || ("０"..."９").contains(u) }

    /// The section title starting at `from` (white space skipped), and where it ends in `s`.
    package static func titleAfter(_ s: [Unicode.Scalar], from: Int) -> (kind: SectionKind, end: Int, compact: String)? {
        var window = String.UnicodeScalarView()
        var rawIndex: [Int] = []          // per UTF-16 unit of the window, its index in `s`
        var j = from
        func extend(to length: Int) {
            while j < s.count, rawIndex.count < length {
                defer { j += 1 }
                guard let f = TextNormalizer.foldScalar(s[j]), !f.isSpaceLike, f != "*", f != "#" else { continue }
                window.append(f)
                for _ in 0..<UTF16.width(f) { rawIndex.append(j) }
            }
        }
        // Most numerals in a line start no title: a word test on the first characters is far
        // cheaper than the patterns over the whole window.
        extend(to: 16)
        let head = String(window)
        guard TemplateLabels.titleWords.contains(where: { head.has($0) }) else { return nil }
        extend(to: 48)
        let compact = String(window)
        guard let m = TemplateLabels.matchTitle(compact) else { return nil }
        return (m.kind, rawIndex[m.length - 1] + 1, compact)
    }

    /// A short line that is a heading: numbered `一、` (or `5、`, `5.`), a bare title, or a
    /// sub-item `（一）…` naming a section.
    package static func heading(_ raw: String) -> Heading? {
        if raw.has("\t") || raw.has("|") { return nil }
        if surelyLongerThan(raw, maxTitleLength + 3) { return nil }
        // Every title holds one of these characters: most short lines (table cells) hold none,
        // and are rejected before they are folded and compacted.
        guard raw.unicodeScalars.contains(where: { titleScalars.contains($0) }) else { return nil }
        let visible = TextNormalizer.stripMarkdown(TextNormalizer.fold(raw))
        let compact = forMatching(TextNormalizer.compact(visible))
        guard !compact.isEmpty, compact.unicodeScalars.count <= maxTitleLength + 3 else { return nil }
        var scalars = Array(compact.unicodeScalars)
        // Headings are titles, not sentences.
        if scalars.contains("。") { return nil }
        guard let (numbering, number) = leadingNumber(&scalars) else { return nil }  // 三是… is an enumerated sentence
        let title = withoutYear(String(String.UnicodeScalarView(scalars)))
        guard !title.isEmpty, title.unicodeScalars.count <= maxTitleLength else { return nil }
        // A table's caption (`2.收到和处理政府信息公开申请情况统计表`) is no section heading.
        if title.hasSuffix("表") || title.hasSuffix("表)") { return nil }
        // Quoted as written (（一）, ：), not as folded for matching.
        var text = TextNormalizer.trim(TextNormalizer.stripMarkdown(raw))
        if text.has("**") { text = text.replacingOccurrences(of: "**", with: "") }
        // OCR lost the numeral's mark (`一 总体情况`): the numeral still numbers the section it names.
        if number == nil, let f = title.unicodeScalars.first, let n = hanNumeral(f), n <= 6, let kind = SectionKind(rawValue: n) {
            let rest = String(String.UnicodeScalarView(title.unicodeScalars.dropFirst()))
            if TemplateLabels.titleMatches(rest, kind) || TemplateLabels.matchTitle(rest)?.kind == kind {
                return Heading(kind: kind, order: n, text: text, numbering: .other(String(f)))
            }
        }
        if let number, let kind = SectionKind(rawValue: number), TemplateLabels.titleMatches(title, kind) {
            return Heading(kind: kind, order: number, text: text, numbering: numbering)
        }
        // A typo in the official title under its own numeral (`二、主动公开政府政府情况`): within two edits.
        if let number, numbering == .chinese, let kind = SectionKind(rawValue: number), title.unicodeScalars.count >= 6,
           Levenshtein.distance(title, kind.officialTitle, limit: 2) <= 2 {
            return Heading(kind: kind, order: number, text: text, numbering: numbering)
        }
        // A numbered heading whose numeral disagrees with its title (三、 over the 四 title, after a
        // missing section) still names the section its title names; numbering is then irregular.
        if let number {
            for kind in SectionKind.allCases where TemplateLabels.titleMatches(title, kind) && isPlainTitle(title, kind) {
                return Heading(kind: kind, order: number, text: text, numbering: numbering)
            }
            return TemplateLabels.matchTitle(title).map { Heading(kind: $0.kind, order: number, text: text, numbering: numbering) }
        }
        // A bare title must be (nearly) the official one, not a caption sentence.
        let subItem = title.hasPrefix("(")
        let bare = subItem ? TemplateLabels.labelCore(title).core : title
        let t = Array(title.unicodeScalars)
        let paren = subItem && t.count > 2 && t[2] == ")" ? hanNumeral(t[1]) : nil
        for kind in SectionKind.allCases where isPlainTitle(bare, kind) {
            return Heading(kind: kind, order: kind.rawValue, text: text, numbering: .none, isSubItem: subItem, parenNumbered: paren == kind.rawValue)
        }
        return nil
    }

    /// The numeral a heading line starts with, removed from `scalars`: its kind and value (none
    /// for a bare title); nil for an enumerated sentence (`三是…`).
    package static func leadingNumber(_ scalars: inout [Unicode.Scalar]) -> (HeadingNumbering, Int?)? {
        var numbering = HeadingNumbering.none
        var number: Int?
        if let first = scalars.first, let n = hanNumeral(first), n <= 6,
           scalars.count > 1, ["、", ".", "．", " ", "丶", "､"].contains(scalars[1]) {
            numbering = .chinese; number = n; scalars.removeFirst(2)
        } else if let (n, width) = looseNumeral(scalars) {
            // `一，总体情况`, `Ⅰ、`, `壹、`, `①`: a section numbered, irregularly, on a line of its own.
            numbering = .other(String(String.UnicodeScalarView(scalars[0..<width]))); number = n; scalars.removeFirst(width)
        } else if scalars.count > 3, scalars[0] == "[", let n = hanNumeral(scalars[1]), n <= 6, scalars[2] == "]" {
            // `【一】总体情况` (folded to `[一]`)
            numbering = .bracketed(String(String.UnicodeScalarView(scalars[0...2]))); number = n; scalars.removeFirst(3)
        } else if let n = partNumber(scalars, at: 0) {
            // `第一部分 总体情况`
            numbering = .part(String(String.UnicodeScalarView(scalars[0..<4]))); number = n
            scalars.removeFirst(4)
            if let f = scalars.first, ["、", ".", "．", ":", "：", "-"].contains(f) { scalars.removeFirst() }
        } else if let first = scalars.first, ("1"..."6").contains(first), scalars.count > 1,
                  ["、", ".", "．"].contains(scalars[1]),
                  !(scalars.count > 2 && ("0"..."9").contains(scalars[2])) {
            numbering = .arabic(String(String.UnicodeScalarView(scalars[0...1])))
            number = Int(first.value - 48); scalars.removeFirst(2)
        } else if let first = scalars.first, hanNumeral(first) != nil, scalars.count > 1, scalars[1] == "是" {
            return nil
        }
        return (numbering, number)
    }
}
