/// Finds the six canonical section headings among the segments.
///
/// A heading is a short segment (no tab, no pipe) whose title names a section: numbered `一、`
/// (or `5、`, `5.`) or, for a section not yet found, a bare official title. The first heading
/// of each section wins; a later one (a table caption repeating the title, a stray `三、…` inside
/// a table) is ignored. Sub-items such as `（一）…`, `1. …`, `三是…` are never headings.
enum SectionRecognizer {
    /// Longest heading title we accept, in characters after compaction.
    static let maxTitleLength = 40

    struct Heading {
        var kind: SectionKind
        var segmentIndex: Int
        var text: String
        var numbering: HeadingNumbering
        /// Read from a sub-item line such as `（一）…`; used only when the section has no heading.
        var isSubItem = false
    }

    static func headings(in segments: [Segment]) -> [Heading] {
        var found: [SectionKind: Heading] = [:]
        var implicit: [Heading] = []
        for (i, seg) in segments.enumerated() {
            guard let h = heading(seg.text, segmentIndex: i) else { continue }
            if h.isSubItem { implicit.append(h); continue }
            if found[h.kind] == nil { found[h.kind] = h }
        }
        // A section with no heading of its own (PDF extraction lost it) is taken from a sub-item
        // heading such as `（一）…存在问题的改进情况`, but only where it sits between the sections
        // around it, so a sub-item of another section is never promoted.
        for h in implicit where found[h.kind] == nil {
            let before = found.values.filter { $0.kind < h.kind }.map(\.segmentIndex).max() ?? -1
            let after = found.values.filter { $0.kind > h.kind }.map(\.segmentIndex).min() ?? Int.max
            if before < h.segmentIndex && h.segmentIndex < after { found[h.kind] = h }
        }
        return found.values.sorted { $0.segmentIndex < $1.segmentIndex }
    }

    static func heading(_ raw: String, segmentIndex: Int) -> Heading? {
        if raw.has("\t") || raw.has("|") { return nil }
        if surelyLongerThan(raw, maxTitleLength + 3) { return nil }
        let visible = TextNormalizer.stripMarkdown(TextNormalizer.fold(raw))
        let compact = TextNormalizer.compact(visible)
        guard !compact.isEmpty, compact.unicodeScalars.count <= maxTitleLength + 3 else { return nil }
        var scalars = Array(compact.unicodeScalars)
        // Headings are titles, not sentences.
        if scalars.contains("。") { return nil }
        var numbering = HeadingNumbering.none
        var number: Int?
        if let first = scalars.first, let n = ["一", "二", "三", "四", "五", "六"].firstIndex(of: first),
           scalars.count > 1, ["、", ".", "．", " "].contains(scalars[1]) {
            numbering = .chinese; number = n + 1; scalars.removeFirst(2)
        } else if let first = scalars.first, ("1"..."6").contains(first), scalars.count > 1,
                  ["、", ".", "．"].contains(scalars[1]),
                  !(scalars.count > 2 && ("0"..."9").contains(scalars[2])) {
            numbering = .arabic(String(String.UnicodeScalarView(scalars[0...1])))
            number = Int(first.value - 48); scalars.removeFirst(2)
        } else if let first = scalars.first, ["一", "二", "三", "四", "五", "六"].contains(first),
                  scalars.count > 1, scalars[1] == "是" {
            return nil  // 三是… is an enumerated sentence
        }
        let title = String(String.UnicodeScalarView(scalars))
        guard !title.isEmpty, title.unicodeScalars.count <= maxTitleLength else { return nil }
        if let number, let kind = SectionKind(rawValue: number), TemplateLabels.titleMatches(title, kind) {
            return Heading(kind: kind, segmentIndex: segmentIndex, text: TextNormalizer.trim(visible), numbering: numbering)
        }
        // A numbered heading whose numeral disagrees with its title (三、 over the 四 title, after a
        // missing section) still names the section its title names; numbering is then irregular.
        if number != nil {
            for kind in SectionKind.allCases where TemplateLabels.titleMatches(title, kind) && isPlainTitle(title, kind) {
                let n: HeadingNumbering = numbering == .chinese ? .arabic("?") : numbering
                return Heading(kind: kind, segmentIndex: segmentIndex, text: TextNormalizer.trim(visible), numbering: n)
            }
            return nil
        }
        // A bare title must be (nearly) the official one, not a caption sentence.
        let subItem = title.hasPrefix("(")
        let bare = subItem ? TemplateLabels.labelCore(title).core : title
        for kind in SectionKind.allCases where isPlainTitle(bare, kind) {
            return Heading(kind: kind, segmentIndex: segmentIndex, text: TextNormalizer.trim(visible),
                           numbering: .none, isSubItem: subItem)
        }
        return nil
    }

    /// True when the compacted, Markdown-stripped text has more than `limit` scalars, decided
    /// without building it: scalars that folding, compaction or Markdown stripping can remove
    /// (white space, zero-width, `#`, `>`, `*` and their full-width forms) are not counted.
    /// Most lines are narrative sentences, far longer than any heading.
    static func surelyLongerThan(_ raw: String, _ limit: Int) -> Bool {
        var n = 0
        for u in raw.unicodeScalars {
            switch u.value {
            case 0x23, 0x3E, 0x2A, 0xFF03, 0xFF1E, 0xFF0A, 0x200B...0x200D, 0xFEFF, 0x2060: continue
            default:
                if u.isSpaceLike || TextNormalizer.foldScalar(u)?.isSpaceLike != false { continue }
                n += 1
                if n > limit { return true }
            }
        }
        return false
    }

    /// The title is the official title or a known variant, give or take a few characters.
    static func isPlainTitle(_ title: String, _ kind: SectionKind) -> Bool {
        guard TemplateLabels.titleMatches(title, kind) else { return false }
        let official = TextNormalizer.compact(kind.officialTitle)
        return title.unicodeScalars.count <= official.unicodeScalars.count + 8 && !title.hasPrefix("表")
    }
}
