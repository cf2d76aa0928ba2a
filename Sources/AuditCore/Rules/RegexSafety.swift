import AuditDocument
import Dispatch
import Foundation

/// Regular expressions from rule and phrase files run over untrusted reports. ICU backtracks, so
/// a pattern whose repeated group itself repeats (`(a+)+`, `(\s*x)*`) can take exponential time,
/// and a pattern that matches empty text yields a "match" at every character. Both are refused
/// when the file is loaded; and an office's own patterns run under a time budget per report, so
/// a slow one that slips through costs a "could not verify", never a hung run.
public enum RegexSafety {
    /// Why the pattern is refused, or nil when it may be used.
    public static func problem(_ pattern: String, _ re: NSRegularExpression) -> String? {
        if let nested = nestedRepetition(pattern) {
            return "repeats a group that itself repeats (\(nested)); such patterns can take exponential time on some text: rewrite it without the outer repetition, or make the inner one possessive (\\d++ instead of \\d+)"
        }
        for probe in ["", "a", "中文 2021年 1,2"] {
            let ns = probe as NSString
            if re.matches(in: probe, range: NSRange(location: 0, length: ns.length)).contains(where: { $0.range.length == 0 }) {
                return "matches empty text, so it would be found everywhere; require at least one character"
            }
        }
        return nil
    }

    /// The first group with an unbounded repetition inside that is itself repeated without bound,
    /// as written; nil when there is none. Possessive quantifiers and atomic groups do not
    /// backtrack and are allowed.
    static func nestedRepetition(_ pattern: String) -> String? {
        let p = Array(pattern)
        struct Group { var start: Int; var unbounded = false; var atomic = false }
        var stack = [Group(start: 0)]
        var i = 0
        func quantifier(at j: Int) -> (repeats: Bool, end: Int)? { Self.quantifier(in: p, at: j) }
        while i < p.count {
            let c = p[i]
            switch c {
            case "\\":
                if i + 1 < p.count, p[i + 1] == "Q" {
                    // \Q…\E is literal text.
                    var j = i + 2
                    while j + 1 < p.count, !(p[j] == "\\" && p[j + 1] == "E") { j += 1 }
                    i = min(p.count, j + 2)
                } else { i += 2 }
                if let q = quantifier(at: i) { if q.repeats { stack[stack.count - 1].unbounded = true }; i = q.end }
            case "[":
                i = classEnd(in: p, at: i) + 1
                if let q = quantifier(at: i) { if q.repeats { stack[stack.count - 1].unbounded = true }; i = q.end }
            case "(":
                var g = Group(start: i)
                g.atomic = i + 2 < p.count && p[i + 1] == "?" && p[i + 2] == ">"
                stack.append(g)
                i += 1
            case ")":
                guard stack.count > 1 else { i += 1; continue }
                let g = stack.removeLast()
                i += 1
                var repeats = false
                if let q = quantifier(at: i) { repeats = q.repeats; i = q.end }
                if repeats, g.unbounded, !g.atomic { return String(p[g.start..<i]) }
                if repeats || g.unbounded { stack[stack.count - 1].unbounded = true }
            default:
                i += 1
                if let q = quantifier(at: i) { if q.repeats { stack[stack.count - 1].unbounded = true }; i = q.end }
            }
        }
        return nil
    }

    /// The quantifier at `j`: whether it is unbounded (or allows many repeats), and where it ends.
    static func quantifier(in p: [Character], at j: Int) -> (repeats: Bool, end: Int)? {
        guard j < p.count else { return nil }
        var end = j + 1
        var repeats = false
        switch p[j] {
        case "*", "+": repeats = true
        case "?": repeats = false
        case "{":
            guard let close = p[j...].firstIndex(of: "}") else { return nil }
            let body = String(p[(j + 1)..<close])
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.isEmpty || Int($0) != nil }), Int(parts[0]) != nil else { return nil }
            repeats = parts.count == 2 && (parts[1].isEmpty || (Int(parts[1]) ?? 0) > 16)
            end = close + 1
        default: return nil
        }
        // A possessive quantifier (`*+`) never gives back what it took.
        if end < p.count, p[end] == "+" { return (false, end + 1) }
        if end < p.count, p[end] == "?" { end += 1 }
        return (repeats, end)
    }

    /// Where the character class opening at `i` closes, nested classes (ICU's set operations) included.
    static func classEnd(in p: [Character], at i: Int) -> Int {
        var depth = 0, j = i
        while j < p.count {
            if p[j] == "\\" { j += 2; continue }
            if p[j] == "[" { depth += 1 } else if p[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        return j
    }

    /// Every match in `range`, or nil when the budget (seconds) ran out first. ICU calls back
    /// periodically during a long match, which is where the scan is stopped.
    public static func matches(_ re: NSRegularExpression, in text: String, range: NSRange, budget: Double) -> [NSTextCheckingResult]? {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(budget * 1e9)
        var out: [NSTextCheckingResult] = []
        var expired = false
        re.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
            if let match { out.append(match) }
            if DispatchTime.now().uptimeNanoseconds > deadline { expired = true; stop.pointee = true }
        }
        return expired ? nil : out
    }
}
