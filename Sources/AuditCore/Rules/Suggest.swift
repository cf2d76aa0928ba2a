import AuditDocument
import Yams

enum Suggest {
    /// The closest known word, if it is close enough to be a likely misspelling.
    static func closest(_ word: String, in known: [String]) -> String? {
        let scored = known.map { ($0, distance(word, $0)) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = scored.first, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }

    static func unknownKey(_ key: String, known: [String], in context: String) -> String {
        var m = "unknown key '\(key)' in \(context)"
        if let s = closest(key, in: known) { m += "; did you mean '\(s)'?" } else { m += "; known keys: \(known.joined(separator: ", "))" }
        return m
    }
}
