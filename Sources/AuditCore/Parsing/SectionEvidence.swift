import Foundation

/// Where a section with no recognised heading shows its content anyway: its table's labels, or
/// its characteristic wording, between the headings around it.
enum SectionEvidence {
    static let markers: [SectionKind: [String]] = [
        .proactive: ["第二十条第(一)项", "本年制发件数", "本年新制作数量", "现行有效件数", "对外公开总数量"],
        .applications: ["本年新收政府信息公开申请数量", "本列数据的勾稽关系", "本列数据的钩稽关系", "上年结转政府信息公开申请数量"],
        .reviewLitigation: ["未经复议直接起诉", "复议后起诉"],
        .problems: ["存在的主要问题", "存在的问题", "主要问题", "改进措施", "改进情况"],
        .other: ["信息处理费", "其他需要报告", "需要说明的其他事项", "其他事项"],
    ]

    static func find(segments: [Segment], sections: [Section]) -> [SectionKind: (line: Int, excerpt: String)] {
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
        return out
    }
}
