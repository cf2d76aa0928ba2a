import Foundation

package enum SegmentSplitter {
    /// The segments of the report, with each chosen heading's title a segment of its own, and the
    /// index of each heading's segment (in the order of `headings`).
    package static func segments(of lines: [String], cuttingAt headings: [HeadingCandidate]) -> (segments: [Segment], headingSegments: [Int]) {
        var cutsByLine: [Int: [Int]] = [:]
        for h in headings where !h.wholeLine {
            cutsByLine[h.line, default: []] += [h.start, h.end]
        }
        var out: [Segment] = []
        out.reserveCapacity(lines.count)
        var segmentAt: [Int: [Int: Int]] = [:]       // line -> column -> segment index
        for (i, raw) in lines.enumerated() {
            guard let cuts = cutsByLine[i + 1] else {
                segmentAt[i + 1, default: [:]][0] = out.count
                out.append(Segment(line: i + 1, text: raw))
                continue
            }
            let scalars = Array(raw.unicodeScalars)
            var points = Set(cuts.filter { $0 > 0 && $0 < scalars.count }).sorted()
            points.append(scalars.count)
            var start = 0
            for p in points where p > start {
                segmentAt[i + 1, default: [:]][start] = out.count
                out.append(Segment(line: i + 1, text: String(String.UnicodeScalarView(scalars[start..<p])), column: start, endsLine: p == scalars.count))
                start = p
            }
        }
        let indexes = headings.map { h in segmentAt[h.line]?[h.wholeLine ? 0 : h.start] ?? 0 }
        return (out, indexes)
    }
}
