import Foundation

/// Reads agency and year from the title, in the forms real reports use:
/// `保安镇人民政府 2021 年政府信息 公开工作年度报告`, `XX2021年度政府信息公开工作年度报告`,
/// `XX政府信息公开工作2021年度报告`, `XX政府信息公开年度报告（2021年）`, `2021年政府信息公开工作年度报告`
/// under a line with the agency, a title broken over two lines, a crawler's `标题:` line, or the
/// title at the start of a page flattened onto one line.
package enum TitleReader {
    package struct Title { var agency: String?; var year: Int?; var line: Int? }

    /// Words every title of an annual report has: what it is about, and that it is a report.
    package static let subjects = ["政府信息公开", "政务公开", "信息公开"]
    package static let reportWords = ["年度报告", "工作报告", "年报", "情况的报告", "工作的报告"]
    /// The year of a title: `2021年`, `2021年度`, `(2021)`, or written without 年 before the subject (`2021政府信息公开…`).
    /// (The year without 年 only after a name: a column's list of years' reports, `2020政府信息公开…`, names none.)
    private static let yearRE = try! NSRegularExpression(pattern:
        "(?<![0-9])(?:(?=(?:19|20)\\d\\d(?:年|\\)|）))|(?<=[\\p{Han} ])(?=(?:19|20)\\d\\d(?:政府信息公开|政务公开|信息公开)))((?:19|20)\\d\\d)(?:年度?|\\)|）)?")

    package static func read(segments: [Segment], firstSection: Int?) -> Title {
        // The title stands before the first section heading, near the top.
        // A saved page's menus can push it down: up to the first heading, at most 200 lines.
        let scanEnd = min(segments.count, max(firstSection ?? 40, 1), 200)
        // Compacted as they are needed: the title is usually among the first lines.
        var nonEmpty: [(index: Int, compact: String)] = []
        var next = 0
        func nonEmptyLine(_ k: Int) -> (index: Int, compact: String)? {
            while nonEmpty.count <= k, next < scanEnd {
                let c = TextNormalizer.compact(TextNormalizer.stripMarkdown(segments[next].text))
                if !c.isEmpty { nonEmpty.append((next, c)) }
                next += 1
            }
            return k < nonEmpty.count ? nonEmpty[k] : nil
        }
        var k = -1
        var weak: Title?
        while true {
            k += 1
            guard let entry = nonEmptyLine(k) else { break }
            // A breadcrumb item on a line of its own (`政府信息公开年报`) names the category, not the report.
            if breadcrumbItems.contains(entry.compact) { continue }
            // A crawler's or a site's metadata line (`栏目: 政府信息公开年报`, `本地目录: …/80567_…年度报告`)
            // names the category or a path, not the report; 标题 and 名称 lines are titles.
            if metadataLabels.contains(where: { entry.compact.hasPrefix($0) }) { continue }
            // A column's list of years' reports (`2020政府信息公开工作年度报告`): a year and no name.
            if Self.yearListItem(entry.compact) { continue }
            // A breadcrumb (`当前位置:首页>政务公开>区政府信息公开年报>镇街`) names categories; only its
            // last item can be the report's title, and only a whole one, with its year.
            let crumb = breadcrumbTail(entry.compact)
            if let crumb, crumb.isEmpty { continue }
            var candidate = titlePart(crumb ?? stripLabel(entry.compact))
            if crumb != nil, let c = candidate, parse(c).year == nil { continue }
            // A title broken over two lines: `…政府信息公开` / `工作年度报告`.
            var joinedToCategory = false
            // Of a line in cells (`网站名 | 某某局2021年政府信息公开`, a Markdown table) only the last
            // cell can begin a title; a menu's item (`• 部门信息公开工作年度报告`) never ends one.
            if candidate == nil, let following = nonEmptyLine(k + 1), !Self.isMenuItem(segments[following.index].text) {
                let first = lastCell(entry.compact), second = lastCell(following.compact)
                if !first.isEmpty, second.unicodeScalars.count <= 14 {
                    candidate = titlePart(stripLabel(first) + second)
                    joinedToCategory = breadcrumbItems.contains(second)
                }
            }
            guard let title = candidate else { continue }
            var (agency, year) = parse(title)
            if agency.isEmpty, k > 0, let above = agencyAbove(nonEmpty[k - 1].compact) { agency = above }
            let found = Title(agency: agency.isEmpty ? nil : agency, year: year, line: segments[entry.index].line)
            // A menu item that names the subject (`政府信息公开年报`) gives neither agency nor year:
            // the report's own title may follow.
            if found.agency == nil && found.year == nil { weak = weak ?? found; continue }
            // A menu's last item above the column's name (`走进本县` / `政府信息公开年报`) reads as a
            // title without a year: the report's own title, with its year, may follow.
            if joinedToCategory && found.year == nil { weak = weak ?? found; continue }
            // A bulleted item of a page's menu (`• 部门信息公开工作年度报告`) names a column: the
            // report's own title may follow.
            if isMenuItem(segments[entry.index].text) && found.year == nil { weak = weak ?? found; continue }
            return found
        }
        return weak ?? Title(agency: nil, year: nil, line: nil)
    }

    static func yearListItem(_ c: String) -> Bool {
        let u = Array(c.unicodeScalars.prefix(10))
        guard u.count >= 8, u[0] == "1" || u[0] == "2", u[0..<4].allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        let rest = String(String.UnicodeScalarView(u[4...]))
        return ["政府信息公开", "政务公开", "信息公开"].contains { rest.hasPrefix($0) }
    }

    /// The last cell of a line in pipe cells (the line itself when it has none).
    static func lastCell(_ compact: String) -> String {
        guard compact.utf8.contains(UInt8(ascii: "|")) else { return compact }
        return compact.split(separator: "|").last.map(String.init) ?? ""
    }

    /// A line a page's menu lists as a bulleted item.
    static func isMenuItem(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !$0.isSpaceLike }) else { return false }
        return "•●▪■◆►▶".unicodeScalars.contains(first)
    }

    /// The agency named on the line above a title that names none (`某某县教育局` / `2021年政府信息公开工作年度报告`).
    static func agencyAbove(_ compact: String) -> String? {
        guard !compact.has(":") else { return nil }
        let previous = cleanAgency(stripLabel(compact))
        // Not a heading of a contents list (`六、其他需要报告的事项`) standing above the title.
        let numbered = previous.unicodeScalars.prefix(3).contains("、") && previous.unicodeScalars.first.flatMap(SectionRecognizer.hanNumeral) != nil
        guard previous.unicodeScalars.count <= 30, !numbered, !previous.has("。"), !previous.has(","), !previous.has(":"),
              !["正文", "标题", "目录"].contains(previous), !previous.isEmpty else { return nil }
        return previous
    }

    /// What follows a breadcrumb that opens a line (`当前位置:首页>政务公开>区政府信息公开年报>镇街`: short
    /// items, two or more `>` between them): its last item, or the rest of the line from the first
    /// long item on (a title, a flattened page's text, which may name a path with arrows of its
    /// own); "" when nothing follows; nil for a line that opens with no breadcrumb.
    package static func breadcrumbTail(_ compact: String) -> String? {
        // Markup left in the text (`<b>…</b>`) closes its tags with `>`: no breadcrumb.
        guard !compact.utf8.contains(UInt8(ascii: "<")) else { return nil }
        var starts = [compact.startIndex]
        var i = compact.startIndex, length = 0
        while i < compact.endIndex {
            if ">›»→".contains(compact[i]) {
                starts.append(compact.index(after: i)); length = 0
            } else {
                length += 1
                if length > 24 { break }
            }
            i = compact.index(after: i)
        }
        guard starts.count >= 3 else { return nil }
        // The item may be a category the page's chrome runs on from (`政府信息公开年报字号:大中小…`).
        return dropCrumbs(compact[starts[starts.count - 1]...])
    }

    /// Breadcrumb items at the start of a text dropped.
    static func dropCrumbs(_ s: Substring) -> String {
        var t = s
        var changed = true
        while changed {
            changed = false
            for item in breadcrumbItems where t.hasPrefix(item) { t = t.dropFirst(item.count); changed = true; break }
        }
        return String(t)
    }

    /// Labels of the metadata lines crawlers and government sites put above a report (compacted,
    /// so with an ASCII colon).
    package static let metadataLabels = ["发布时间:", "发布日期:", "文号:", "发文字号:", "发布机构:", "发文机关:", "栏目:", "原文链接:", "本地目录:", "来源:", "索引号:",
                                 "主题分类:", "发文日期:", "成文日期:", "生成日期:", "页面链接", "浏览次数:", "所属机构:", "公文种类:", "有效性:", "信息来源:",
                                 // A page's links to its neighbours name other reports.
                                 "上一篇", "下一篇", "上一条", "下一条", "相关链接", "相关文章", "相关阅读"]

    /// How far into a long line its title may end (characters, compacted).
    package static let maxTitleOffset = 6000

    /// The title in a compact line: up to its report word, if the line is a title (it names the
    /// subject and is a report, and is not a sentence); a long line is a flattened page's body
    /// that starts with its title.
    package static func titlePart(_ line: String) -> String? {
        guard subjects.contains(where: { line.has($0) }) else { return nil }
        // The report word closes the subject (`…政府信息公开工作2021年度报告`), a few characters
        // after it: a menu line that names the subject and, further on, 政府工作报告 is no title.
        var best: String.Index?
        for w in reportWords {
            var from = line.startIndex
            while let r = line.range(of: w, range: from..<line.endIndex) {
                let head = line[..<r.lowerBound]
                let near = subjects.contains { s in
                    guard let sr = head.range(of: s, options: .backwards) else { return false }
                    return head.distance(from: sr.upperBound, to: head.endIndex) <= 10
                }
                if near { if best == nil || r.upperBound < best! { best = r.upperBound }; break }
                from = r.upperBound
            }
        }
        // A flattened page starts with its title (after a crawler's or a site's labels): words far
        // into a long line are a menu, a script or a sentence that names the report.
        guard var end = best, line.unicodeScalars.count <= maxTitleOffset || line[..<end].unicodeScalars.count <= maxTitleOffset else { return nil }
        // `…年度报告（2021年）`: the year after the title belongs to it.
        let rest = line[end...]
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) <= 8 { end = line.index(after: close) }
        var title = String(line[..<end])
        // Page chrome glued before the title on a flattened page (`浏览次数:XX2021年度…`): the title
        // starts after the last label.
        if let colon = title.lastIndex(where: { $0 == ":" || $0 == "|" }), subjects.contains(where: { title[title.index(after: colon)...].has($0) }) {
            title = stripLabel(String(title[title.index(after: colon)...]))
        }
        // A sentence that names the report (`本年度报告根据《条例》…编制`) is no title.
        guard title.unicodeScalars.count <= 60, !title.has("。"), !title.hasPrefix("根据"), !title.hasPrefix("按照"), !title.hasPrefix("依据"),
              !title.hasPrefix("本报告"), !title.hasPrefix("本年度报告"), !title.hasPrefix("现将"), !title.has("做好"),
              !title.hasPrefix("本局"), !title.hasPrefix("我局"), !title.hasPrefix("本单位"), !title.has("参照"), !title.has("关于印发"),
              subjects.contains(where: { title.has($0) }) else { return nil }
        // A title quoted in a sentence (`现发布《某某区残疾人联合会2025年…年度报告》`) is what the quotes
        // hold when they name the agency (`某某县教育局《2021年…年度报告》` keeps the name before them);
        // a notice's quoted name (`《…关于印发〈…年度报告格式〉的通知》`) is none.
        if let open = title.lastIndex(of: "《") {
            let quoted = title[title.index(after: open)...]
            guard subjects.contains(where: { quoted.has($0) }), !quoted.has("〈"), !quoted.has("<"), !quoted.has("关于印发"), !quoted.has("关于做好") else { return nil }
            if !parse(String(quoted)).agency.isEmpty { title = String(quoted) }
        }
        return title
    }

    /// Agency and year of a title: the agency is what comes before the year or the subject,
    /// whichever comes first.
    package static func parse(_ title: String) -> (agency: String, year: Int?) {
        // 二〇二一年 in figures, so the year is read and is not taken for part of the agency.
        // Quotes around a title quoted in a script or a list (`"2019年…年度报告"`) are no part of it.
        let clean = DateReader.arabicDate(title.replacingIfPresent("《", with: "").replacingIfPresent("》", with: ""))
            .trimmingCharacters(in: TitleReader.quotes)
        let ns = clean as NSString
        let m = yearRE.firstMatch(in: clean, range: NSRange(location: 0, length: ns.length))
        let year = m.flatMap { Int(ns.substring(with: $0.range(at: 1))) }
        var subject = ns.length
        for w in subjects { let r = ns.range(of: w); if r.location != NSNotFound { subject = min(subject, r.location) } }
        // `2025年上海市人民政府办公厅政府信息公开工作年度报告`: the year first, then the agency.
        var agency: String
        if let m, m.range.location == 0 {
            let start = m.range.location + m.range.length
            agency = start < subject ? cleanAgency(ns.substring(with: NSRange(location: start, length: subject - start))) : ""
        } else {
            agency = cleanAgency(ns.substring(to: min(m?.range.location ?? ns.length, subject)))
        }
        // A clause before the name (`经县政府办统一部署,某某县人民政府`) is no part of it; two agencies
        // named together (`某某县教育局,体育局`) are.
        if let comma = agency.lastIndex(of: ","), !DateReader.signed(String(agency[..<comma])) { agency = String(agency[agency.index(after: comma)...]) }
        // `浙江省2021年度…年度报告（省统计局）`: the agency named after the title of a place alone.
        if clean.hasSuffix(")"), let open = clean.lastIndex(of: "("), isPlaceName(agency) {
            let inner = String(clean[clean.index(after: open)..<clean.index(before: clean.endIndex)])
            // Not the office that compiles a government's report (省政府办公厅, 县政务公开办).
            let compiler = ["办公厅", "政府办公室", "公开办", "政务"].contains { inner.has($0) }
            if inner.count >= 3, !compiler, !inner.hasSuffix("机关"), !inner.contains(where: \.isNumber), DateReader.signed(inner) { agency += "(\(inner))" }
        }
        return (agency, year)
    }

    /// Drops what a saved page puts before the title: a crawler's `标题:` label or `正文` marker,
    /// and a breadcrumb (`当前位置:首页>政务公开>政府信息公开年报`), whose last item names the
    /// category and would otherwise be read as a title.
    package static func stripLabel(_ s: String) -> String {
        var t = Substring(s)
        for label in ["标题:", "标题：", "题目:", "名称:", "正文", "标题"] where t.hasPrefix(label) { t = t.dropFirst(label.count) }
        guard let place = ["当前位置", "您的位置", "您现在的位置", "所在位置"].first(where: { t.hasPrefix($0) }) ?? (t.hasPrefix("首页") ? "" : nil) else { return String(t) }
        t = t.dropFirst(place.count)
        if t.hasPrefix(":") { t = t.dropFirst() }
        return dropCrumbs(t)
    }

    /// Items of the breadcrumbs government sites put above a report, longest first.
    package static let breadcrumbItems = ["政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开年报", "信息公开年报", "法定主动公开内容", "政府信息公开目录",
                                  "政府信息公开", "部门信息公开", "政务公开", "信息公开", "公开年报", "年度报告", "年报", "首页", "专题专栏",
                                  ">", "›", "»", "/", "-", "→"]

    package static func cleanAgency(_ s: String) -> String {
        var t = s
        for p in ["关于"] where t.hasPrefix(p) { t = String(t.dropFirst(p.count)) }
        for suffix in ["关于", "的", "度", "(", "（", "发布", "印发", "公布", "编制"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: " :：,，、·•●▪■◆►▶-—()（）#*").union(quotes))
        // A second name in parentheses is part of the agency's (某某市文化和旅游局（某某市文物局）):
        // its closing parenthesis, trimmed above, is put back.
        if let open = t.lastIndex(where: { $0 == "(" || $0 == "（" }), !t[open...].contains(where: { $0 == ")" || $0 == "）" }) {
            t += t[open] == "(" ? ")" : "）"
        }
        // An agency is named in Chinese: what is left of markup or a script is none.
        return t.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? t : ""
    }

    package static let quotes = CharacterSet(charactersIn: "\"'“”‘’「」『』=;")

}
