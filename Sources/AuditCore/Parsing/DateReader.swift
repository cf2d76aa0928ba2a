import Foundation

/// Finds the date a report was signed or published: the date line at the end (`方正县政府办公室 /
/// 2022年1月20日`), a dated line under the title (`(2026年1月23日)`), or a crawler's `发布时间:`.
enum DateReader {
    /// A date pattern and a literal test every match passes: most lines fail the test, and a
    /// regex call costs far more.
    private struct DatePattern: @unchecked Sendable {
        let re: NSRegularExpression
        let mayMatch: (String) -> Bool
    }
    private static let written = DatePattern(re: try! NSRegularExpression(pattern: "(20\\d\\d)年(\\d{1,2})月(\\d{1,2})日"),
                                             mayMatch: { $0.has("月") })
    private static let stamped = DatePattern(re: try! NSRegularExpression(pattern: "^(?:发布时间|发布日期|成文日期)[:：](20\\d\\d)-(\\d{1,2})-(\\d{1,2})"),
                                             mayMatch: { $0.hasPrefix("发布") || $0.hasPrefix("成文") })

    static func publicationDate(segments: [Segment]) -> ReportDate? {
        /// The date in a segment's compact text `c`.
        func date(_ c: String, line: Int, _ pattern: DatePattern, maxLength: Int) -> ReportDate? {
            guard c.unicodeScalars.count <= maxLength, pattern.mayMatch(c) else { return nil }
            let ns = c as NSString
            guard let m = pattern.re.matches(in: c, range: NSRange(location: 0, length: ns.length)).last,
                  let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
                  let d = Int(ns.substring(with: m.range(at: 3))), (1...12).contains(mo), (1...31).contains(d) else { return nil }
            return ReportDate(year: y, month: mo, day: d, line: line)
        }
        var seen = 0
        for seg in segments.reversed() where !TextNormalizer.trim(seg.text).isEmpty {
            if let d = date(TextNormalizer.compact(seg.text), line: seg.line, written, maxLength: 40) { return d }
            seen += 1
            if seen >= 4 { break }
        }
        for seg in segments.prefix(12) {
            let c = TextNormalizer.compact(seg.text)
            if let d = date(c, line: seg.line, stamped, maxLength: 40) { return d }
            if c.hasPrefix("("), c.hasSuffix(")"), let d = date(c, line: seg.line, written, maxLength: 16) { return d }
        }
        return nil
    }
}
