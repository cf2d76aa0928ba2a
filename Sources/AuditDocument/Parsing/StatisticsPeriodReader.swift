import Foundation

/// Finds statements of the statistics period (统计期限 … 自2021年1月1日起至2021年12月31日止):
/// a marker word, then a date range within a few characters. The markers are the rule's phrase
/// file's `period.markers`; the parser itself uses the built-in ones below (for the report year
/// when the title gives none, and for the dump).
package enum StatisticsPeriodReader {
    package static let builtInMarkers: [(anchor: String, re: NSRegularExpression)] = [
        ("统计", try! NSRegularExpression(pattern: "统计(?:数据)?的?(?:期限|时限|期间|区间|时间范围|时间段|时间跨度|起止时间|起止日期|时段|周期|时间|日期|口径|范围|期)")),
        ("统计", try! NSRegularExpression(pattern: "数据的?统计(?:期限|时限|期间|区间|时间范围|时间段|时间跨度|起止时间|起止日期|时段|周期|时间|日期|口径|范围|期)")),
        // A page that lost a character of the word (统计限自…, 统期限为…), as the rules' phrases read it:
        // the report's year is still told by it when no title gives one.
        ("限", try! NSRegularExpression(pattern: "(?:统计限|(?<![系传血总正])统期限)(?=为|是|自|从|:)")),
    ]

    /// The date range after a marker: connecting words (and a year named first, `2021年度(…)`),
    /// then two dates (the second may omit its year), written 2021年1月1日, 2021.1.1 or 2021-01-01,
    /// joined by 至, 到, 截至 (`自2021年1月1日起，截至2021年12月31日`) or one or two dashes. A page
    /// that dropped 年 glues the year to the month (`自20191月1日起至201912月31日止`).
    package static let range = try! NSRegularExpression(pattern:
        "^(?:为|是|自|从|:|,|即|均为|在|了|的|公历)*(?:\\d{4}年度?\\(?)?(\\d{4})(?:年|\\.|/|-|(?=\\d{1,2}月))(\\d{1,2})(?:月|\\.|/|-)(\\d{1,2})(?:日|号)?"
        // The hour, an inclusive mark or a note may follow a date (1月1日零时起, 12月31日(含),
        // 1月28日(我局成立之日)起).
        + "(?:\\(含\\)|\\([^()]{1,12}\\))?(?:零时|零点|0时|0点|00:00)?(?:起|开始|始)?,?(?:截至|截止(?:到|至)?|至|到|—{1,2}|-{1,2}|~|～)"
        + "(?:(\\d{4})(?:年|\\.|/|-|(?=\\d{1,2}月)))?(\\d{1,2})(?:月|\\.|/|-)(\\d{1,2})(?:日|号)?(?:\\(含\\))?(?:二十四时|二十四点|24时|24点|24:00)?(?:止|期间)?")

    /// A whole year named instead of two dates: 统计期为2021年全年, 统计期限为2021年度, 统计时间为2021年1-12月.
    package static let wholeYear = try! NSRegularExpression(pattern:
        "^(?:为|是|:|,|即|均为|在)*(\\d{4})年(?:度|全年|1月?(?:至|到|—|-|~|～)12月)(?:全年)?(?![0-9])(?!\\((?!1月1日(?:至|到|—|-|~|～)12月31日))")

    package static func read(_ joined: JoinedText, markers: [(anchor: String, re: NSRegularExpression)] = builtInMarkers) -> [StatisticsPeriod] {
        var out: [StatisticsPeriod] = []
        var seen: Set<Int> = []
        for (m, start, text) in afterMarkers(joined, markers, length: 48) {
            var window = text
            // OCR's confusions in the dates (l or I for 1, O for 0, 曰 for 日, 一 for the dash): read repaired.
            if let repaired = TextNormalizer.repairingOCR(window) { window = repaired }
            var matched = range.firstMatch(in: window, options: .anchored, range: NSRange(location: 0, length: (window as NSString).length))
            // Dates in Chinese numerals (自二〇二一年一月一日起至十二月三十一日止): read in figures;
            // the statement then ends at its second 日 (and 止) in the text as written.
            var writtenLength: Int?
            if matched == nil, window.unicodeScalars.contains(where: { "〇○零一二三四五六七八九十".unicodeScalars.contains($0) }) {
                let original = window as NSString
                var days = 0, end = 0
                for k in 0..<original.length where original.character(at: k) == 0x65E5 {   // 日
                    days += 1
                    if days == 2 { end = k + 1; break }
                }
                if end > 0, end < original.length, original.character(at: end) == 0x6B62 { end += 1 }   // 止
                window = DateReader.arabicDate(window)
                matched = range.firstMatch(in: window, options: .anchored, range: NSRange(location: 0, length: (window as NSString).length))
                writtenLength = end > 0 ? end : nil
            }
            if matched == nil, let w = wholeYear.firstMatch(in: window, options: .anchored, range: NSRange(location: 0, length: (window as NSString).length)),
               let y = Int((window as NSString).substring(with: w.range(at: 1))), seen.insert(start).inserted {
                out.append(StatisticsPeriod(startYear: y, startMonth: 1, startDay: 1, endYear: y, endMonth: 12, endDay: 31,
                                            line: joined.line(at: m.range.location),
                                            excerpt: joined.string(NSRange(location: m.range.location, length: m.range.length + w.range.length)),
                                            position: joined.segmentIndex(at: m.range.location)))
                continue
            }
            guard let d = matched else { continue }
            let ns = window as NSString
            func int(_ i: Int) -> Int? { d.range(at: i).location == NSNotFound ? nil : Int(ns.substring(with: d.range(at: i))) }
            guard let y1 = int(1), let m1 = int(2), let d1 = int(3), let m2 = int(5), let d2 = int(6) else { continue }
            // One statement found by two markers (统计期限 and 数据的统计期限) is one period.
            guard seen.insert(start + d.range.location).inserted else { continue }
            let whole = NSRange(location: m.range.location, length: m.range.length + (writtenLength ?? (d.range.location + d.range.length)))
            out.append(StatisticsPeriod(startYear: y1, startMonth: m1, startDay: d1, endYear: int(4) ?? y1, endMonth: m2, endDay: d2,
                                        line: joined.line(at: m.range.location), excerpt: joined.string(whole),
                                        position: joined.segmentIndex(at: m.range.location)))
        }
        return out.sorted { $0.position != $1.position ? $0.position < $1.position : $0.line < $1.line }
    }

    /// A marker followed at once by dates that cannot be read (`统计期限从202111日到1231日止`: a
    /// page that lost 年 and 月): the period is stated, but what it is cannot be told.
    package static func unreadable(_ joined: JoinedText, markers: [(anchor: String, re: NSRegularExpression)]) -> (line: Int, excerpt: String)? {
        for (m, _, window) in afterMarkers(joined, markers, length: 32) {
            let ns = window as NSString
            guard let g = garbledDates.firstMatch(in: window, options: .anchored, range: NSRange(location: 0, length: ns.length)),
                  isGarbled(ns.substring(with: g.range)) else { continue }
            // Quoted up to the last date, and its 止.
            let end = g.range.length + (g.range.length < ns.length && ns.character(at: g.range.length) == 0x6B62 ? 1 : 0)
            return (joined.line(at: m.range.location), joined.string(NSRange(location: m.range.location, length: m.range.length + end)))
        }
        return nil
    }

    /// Each marker's match, with where the text after it starts and up to `length` UTF-16 units of that text.
    static func afterMarkers(_ joined: JoinedText, _ markers: [(anchor: String, re: NSRegularExpression)], length: Int) -> [(NSTextCheckingResult, Int, String)] {
        var out: [(NSTextCheckingResult, Int, String)] = []
        for (anchor, re) in markers {
            for m in joined.matches(re, near: [anchor], before: 8, after: 12) {
                let start = m.range.location + m.range.length
                let n = min(length, joined.utf16.count - start)
                guard n > 0 else { continue }
                out.append((m, start, joined.string(NSRange(location: start, length: n))))
            }
        }
        return out
    }

    /// Connecting words, then two dates with 至/到 between them, the second ending in 日 or in its
    /// digits: a range that `isGarbled` tells cannot be read.
    static let garbledDates = try! NSRegularExpression(pattern: "^(?:为|是|自|从|:|,|即)*\\d{4,8}[\\d年月.]*?日?(?:\\([^()]{1,12}\\))?(?:起|开始)?(?:至|到|—|-)\\d{3,8}(?:[\\d年月.]*?日|[\\d年月.]*)")

    /// Dates written so they cannot be read (`202111日到1231日`, `202020年12月31日`, `至2019年1231`,
    /// `1月101日`, `2021年1月至…`): every such range but one that starts with a bare year
    /// (`2008年至2021年12月31日`), which is readable — a range of years, only not the year's.
    static func isGarbled(_ range: String) -> Bool {
        bareYearFirst.firstMatch(in: range, options: .anchored, range: NSRange(location: 0, length: (range as NSString).length)) == nil
    }
    static let bareYearFirst = try! NSRegularExpression(pattern: "^(?:为|是|自|从|:|,|即)*\\d{4}年度?(?:起|开始)?(?:至|到|—|-)")
}
