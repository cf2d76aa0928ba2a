/// Quick tests of a line before it is read as a heading.
extension SectionRecognizer {
    /// True when the compacted, Markdown-stripped text has more than `limit` scalars, decided
    /// without building it: scalars that folding, compaction or Markdown stripping can remove
    /// (white space, zero-width, `#`, `>`, `*` and their full-width forms) are not counted.
    /// Most lines are narrative sentences, far longer than any heading.
    package static func surelyLongerThan(_ raw: String, _ limit: Int) -> Bool {
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
    /// A table's caption (`主动公开政府信息情况统计表`, `附表1:…`, `附件2 …`) is not: attached tables
    /// after the signature are captioned with the sections' words.
    package static func isPlainTitle(_ title: String, _ kind: SectionKind) -> Bool {
        guard TemplateLabels.titleMatches(title, kind) else { return false }
        let official = TextNormalizer.compact(kind.officialTitle)
        return title.unicodeScalars.count <= official.unicodeScalars.count + 8 && !title.hasPrefix("表") && !title.hasPrefix("附")
            && !title.hasSuffix("表") && !title.hasSuffix("表)")
    }
}
