import Foundation

/// Where a report names its agency besides its title: the introduction, a page's metadata, the signature.
extension TitleReader {
    /// The agency an introduction names as the report's, and the year (`现将某某县人民政府2021年度政府
    /// 信息公开工作情况报告如下`, `特编制某某局2023年政府信息公开工作年度报告`, `特向社会公布2020年某某局
    /// 政府信息公开工作年度报告`), in the first lines.
    package static func intro(_ segments: [Segment]) -> (agency: String, year: Int?)? {
        for seg in segments.prefix(8) where seg.text.has("现将") || seg.text.has("编制") || seg.text.has("公布") || seg.text.has("发布") {
            let c = TextNormalizer.compact(String(seg.text.unicodeScalars.prefix(2000)))
            let ns = c as NSString
            for (re, nameGroup, yearGroup) in [(introNamed, 1, 2), (introYearFirst, 2, 1)] {
                guard let m = re.firstMatch(in: c, range: NSRange(location: 0, length: ns.length)) else { continue }
                let name = cleanAgency(ns.substring(with: m.range(at: nameGroup)))
                // `现将我局2021年度…`: the report's own agency, not named. A place alone (`现公布桐梓县2022年…`)
                // names its government, whose office may sign for it.
                if DateReader.signed(name) || isPlaceName(name), !name.hasPrefix("我"), !name.hasPrefix("本") { return (name, Int(ns.substring(with: m.range(at: yearGroup)))) }
            }
        }
        return nil
    }
    private static let introNamed = try! NSRegularExpression(pattern:
        "(?:现将|特编制|现编制|现公布|(?<!\\p{Han})现发布|(?<!\\p{Han})特发布|编制了?)《?([\\p{Han}()]{2,30}?)((?:19|20)\\d\\d)年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?(?:年度报告|年报|报告|情况)")
    /// The year first: `特向社会公布2020年开平市农业农村局政府信息公开工作年度报告`.
    private static let introYearFirst = try! NSRegularExpression(pattern:
        "(?:公布|发布|编制了?)《?((?:19|20)\\d\\d)年度?([\\p{Han}()]{2,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度报告|年报)")

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

    /// A place's name alone (梅河口市, 安徽省临泉县): Han characters ending in a level, no organ's word.
    static func isPlaceName(_ s: String) -> Bool {
        (2...12).contains(s.count) && PlaceName.levels.contains(where: { s.hasSuffix($0) })
            && !["委", "局", "办", "党", "中共", "政府", "部"].contains(where: { s.has($0) })
    }

    /// The name starts with a place of its own (临泉县教育局, 城关镇人民政府; not 市场监督管理局).
    static func namesPlace(_ name: String) -> Bool {
        let chars = Array(name)
        guard chars.count > 2 else { return false }
        return (1..<(chars.count - 1)).contains { PlaceName.levels.contains(String(chars[$0])) }
    }

    /// An agency's name standing alone on the report's first line (`浑南区国资局`).
    static func firstLineName(_ segments: [Segment]) -> String? {
        guard let first = segments.first(where: { !TextNormalizer.trim($0.text).isEmpty }), first.text.utf8.count <= 90 else { return nil }
        let c = cleanAgency(TextNormalizer.compact(TextNormalizer.stripMarkdown(first.text)))
        return DateReader.signed(c) && !c.contains(where: \.isNumber) && !subjects.contains(where: { c.has($0) }) ? c : nil
    }

    /// Where the title gives no agency or year: the signature at the end (`平潭综合实验区公安局
    /// 2022年1月7日`: the report covers the year before its date), then the file name.
    package static func fallback(_ title: Title, segments: [Segment], date: ReportDate?, source: String) -> Title {
        var t = title
        // Each source read once, when first needed.
        var introCache: (agency: String, year: Int?)??, signerCache: String??
        func introduced() -> (agency: String, year: Int?)? {
            if introCache == nil { introCache = .some(intro(segments)) }
            return introCache!
        }
        func signer() -> String? {
            if signerCache == nil { signerCache = .some(date.flatMap { signatureAgency(segments: segments, dateLine: $0.line) }) }
            return signerCache!
        }
        if t.year == nil, let date, date.month <= 6 { t.year = date.year - 1 }
        if t.year == nil, let year = introduced()?.year { t.year = year }
        if t.agency == nil {
            // An introduction that names whose report it is (`现将乌鲁木齐市人民政府2021年度政府信息公开工作情况
            // 报告如下`) says it better than the office that signs it for its government; a name
            // standing alone on the first line (a page's heading) better than the introduction.
            let named = introduced()?.agency
            if let signer = signer(), let named, signer.hasPrefix(named), signer.hasSuffix("办公室") || signer.hasSuffix("办公厅") {
                // A place named alone is its government, which the signer names whole (桐梓县人民政府办公室).
                let government = isPlaceName(named) ? ["办公室", "办公厅"].lazy.map { String(signer.dropLast($0.count)) }
                    .first { $0.hasPrefix(named) && $0.hasSuffix("政府") } : nil
                t.agency = government ?? named
            } else { t.agency = signer() ?? firstLineName(segments) ?? named }
        }
        if t.agency == nil { t.agency = publisher(segments) }
        // A title that names the department without its place (`应急管理局2025年…`): the signature,
        // the introduction or the page's publisher names it whole (梅河口市应急管理局).
        else if let a = t.agency {
            let sources: [() -> String?] = [signer, { introduced()?.agency }, { publisher(segments) }]
            // Only a title without a place of its own, and only a place added before it (梅河口市,
            // 融安县): a sentence's words or a joint signer (中共某某县委) before a name are none.
            if !namesPlace(a), let whole = sources.lazy.compactMap({ $0() }).first(where: { w in
                w.count > a.count && w.hasSuffix(a) && isPlaceName(String(w.dropLast(a.count)))
            }) { t.agency = whole }
        }
        // Files are often named by their title (`XX局2022年政府信息公开工作年度报告.pdf`) when the
        // text has none (a title set as an image, the body copied without it).
        if t.agency == nil || t.year == nil {
            let name = TextNormalizer.compact(((source as NSString).lastPathComponent as NSString).deletingPathExtension)
            if let title = titlePart(name) {
                let (agency, year) = parse(title)
                if t.agency == nil, DateReader.signed(agency) { t.agency = agency }
                if t.year == nil { t.year = year }
            }
        }
        if t.year == nil {
            let name = (source as NSString).lastPathComponent
            let ns = name as NSString
            let re = try! NSRegularExpression(pattern: "(?<![0-9])(20[0-9]{2})(?![0-9])")
            let years = re.matches(in: name, range: NSRange(location: 0, length: ns.length)).compactMap { Int(ns.substring(with: $0.range(at: 1))) }
            if years.count == 1, (2008...2100).contains(years[0]) { t.year = years[0] }
        }
        return t
    }
}
