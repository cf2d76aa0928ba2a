import Foundation

/// Where a section with no recognised heading shows its content anyway: its table's labels, or
/// its characteristic wording, between the headings around it.
package enum SectionEvidence {
    package static let markers: [SectionKind: [String]] = [
        .proactive: ["第二十条第(一)项", "本年制发件数", "本年新制作数量", "现行有效件数", "对外公开总数量"],
        .applications: ["本年新收政府信息公开申请数量", "本列数据的勾稽关系", "本列数据的钩稽关系", "上年结转政府信息公开申请数量"],
        .reviewLitigation: ["未经复议直接起诉", "复议后起诉"],
        .problems: ["存在的主要问题", "存在的问题", "主要问题", "改进措施", "改进情况"],
        .other: ["信息处理费", "其他需要报告", "需要说明的其他事项", "其他事项"],
    ]

    package static func find(segments: [Segment], sections: [Section], joined: JoinedText) -> [SectionKind: (line: Int, excerpt: String)] {
        var out: [SectionKind: (line: Int, excerpt: String)] = [:]
        for kind in SectionKind.allCases where !sections.contains(where: { $0.kind == kind }) {
            guard let words = markers[kind] else { continue }
            let before = sections.last { $0.kind < kind }?.headingPosition ?? -1
            let after = sections.first { $0.kind > kind }?.headingPosition ?? segments.count
            guard before + 1 < after else { continue }
            search: for seg in segments[(before + 1)..<min(after, segments.count)] {
                let c = TextNormalizer.compact(seg.text)
                for w in words where c.has(w) {
                    out[kind] = (seg.line, w)
                    break search
                }
            }
        }
        // Sub-items of 一 repeat other sections' wording by design (（一）主动公开政府信息情况).
        let overview = sections.first { $0.kind == .overview }.map { o in
            o.headingPosition..<max(o.headingPosition, sections.first { $0.kind > .overview }?.headingPosition ?? segments.count)
        }
        for kind in SectionKind.allCases where out[kind] == nil && !sections.contains(where: { $0.kind == kind }) {
            if let e = brokenHeading(kind, joined: joined, notSubItemsIn: overview) { out[kind] = e }
        }
        return out
    }

    /// The numbered heading broken across lines (text wrapped at a fixed width — a `lynx -dump`
    /// of a page, a PDF's justified lines — can break a line inside `一、总体情况`): it is there,
    /// so the section cannot be called missing. Searched in the whole text, under any numeral:
    /// sections can be swapped or renumbered (`六、存在的主要问题…` before `五、…`).
    package static func brokenHeading(_ kind: SectionKind, joined: JoinedText, notSubItemsIn overview: Range<Int>? = nil) -> (line: Int, excerpt: String)? {
        guard let needle = headingNeedles[kind] else { return nil }
        for m in joined.matches(needle) {
            let text = joined.string(m.range)
            if text.hasPrefix("("), let overview, overview.contains(joined.segmentIndex(at: m.range.location)) { continue }
            return (joined.line(at: m.range.location), text)
        }
        return nil
    }

    /// A numbered heading of each section: any numeral, Chinese or Arabic (sections are swapped or renumbered), the
    /// optional words titles put first, then the words only that section's title has.
    package static let headingNeedles: [SectionKind: NSRegularExpression] = {
        let distinct: [SectionKind: String] = [
            .overview: "总体情况", .proactive: "主动公开政府信息", .applications: "收到和处理政府信息公开申请",
            .reviewLitigation: "行政复议[、和及]行政诉讼", .problems: "存在的主要问题", .other: "其他需要报告的事项",
        ]
        // Arabic numbers too (`6、存在的主要问题…` glued to a table's digits on a flattened page),
        // and numerals in parentheses (parts numbered `（六）存在的主要问题…`).
        return distinct.mapValues { try! NSRegularExpression(pattern: "(?:[一二三四五六七]、|[1-7][、.．]|\\([一二三四五六七]\\))(?:政府信息公开(?:工作)?|行政机关|本机关)?" + $0) }
    }()
}
