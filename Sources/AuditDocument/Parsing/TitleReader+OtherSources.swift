import Foundation

/// Where a report names its agency besides its title: the introduction, a page's metadata, the signature.
extension TitleReader {
    /// The agency an introduction names as the report's (`现将某某县人民政府2021年度政府信息公开工作情况报告如下`,
    /// `特编制某某局2023年政府信息公开工作年度报告`), in the first lines.
    package static func introAgency(_ segments: [Segment]) -> String? {
        for seg in segments.prefix(8) where seg.text.has("现将") || seg.text.has("编制") || seg.text.has("现公布") || seg.text.has("发布") {
            let c = TextNormalizer.compact(String(seg.text.unicodeScalars.prefix(2000)))
            let ns = c as NSString
            guard let m = introNamed.firstMatch(in: c, range: NSRange(location: 0, length: ns.length)) else { continue }
            let name = cleanAgency(ns.substring(with: m.range(at: 1)))
            // `现将我局2021年度…`: the report's own agency, not named.
            if DateReader.signed(name), !name.hasPrefix("我"), !name.hasPrefix("本") { return name }
        }
        return nil
    }
    private static let introNamed = try! NSRegularExpression(pattern:
        "(?:现将|特编制|现编制|现公布|(?<!\\p{Han})现发布|(?<!\\p{Han})特发布|编制了?)《?([\\p{Han}()]{2,30}?)(?:19|20)\\d\\d年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?(?:年度报告|年报|报告|情况)")

    /// The publisher a crawler's or a site's metadata names above the report (`发布机构: 平潭综合
    /// 实验区公安局`), if it looks like an agency's name.
    package static func publisher(_ segments: [Segment]) -> String? {
        for seg in segments.prefix(40) where seg.text.utf8.count <= 200 {
            let c = TextNormalizer.compact(seg.text)
            for label in ["发布机构:", "发文机关:", "所属机构:"] where c.hasPrefix(label) {
                let name = cleanAgency(String(c.dropFirst(label.count)))
                if DateReader.signed(name) { return name }
            }
        }
        return nil
    }

    /// The agency that signs the report: the name just before the closing date, if it looks like one.
    package static func signatureAgency(segments: [Segment], dateLine: Int) -> String? {
        let suffixes = ["局", "委", "办", "政府", "办公室", "办公厅", "中心", "街道", "镇", "乡", "委员会", "管委会", "办事处", "实验区", "新区", "院", "厅", "所", "联合会"]
        let lines = segments.filter { $0.line <= dateLine }.suffix(3).map { TextNormalizer.compact($0.text) }
        for text in lines.reversed() {
            // The text before the date, after the last sentence end.
            guard let dateStart = text.range(of: #"(19|20)\d\d年\d{1,2}月\d{1,2}日"#, options: .regularExpression)?.lowerBound ?? (text.isEmpty ? nil : text.endIndex) else { continue }
            var name = String(text[..<dateStart])
            if let stop = name.lastIndex(where: { "。;!?)”".contains($0) }) { name = String(name[name.index(after: stop)...]) }
            name = cleanAgency(name)
            if (2...30).contains(name.unicodeScalars.count), suffixes.contains(where: { name.hasSuffix($0) }) { return name }
        }
        return nil
    }
}
