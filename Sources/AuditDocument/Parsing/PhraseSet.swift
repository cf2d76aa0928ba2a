#if canImport(Glibc)
import Glibc
#endif

/// Whether any of a fixed set of phrases occurs in a text, in one pass over its UTF-8 bytes:
/// candidates by their first two bytes, then compared in full. Replaces one substring search
/// per phrase when there are dozens of phrases and thousands of short texts.
package struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    private let byFirstTwo: [UInt16: [Int]]
    private let filter: BitFilter

    package init(_ list: [String]) {
        let phrases = list.map { Array($0.utf8) }.filter { $0.count >= 2 }
        var index: [UInt16: [Int]] = [:]
        for (i, p) in phrases.enumerated() { index[UInt16(p[0]) << 8 | UInt16(p[1]), default: []].append(i) }
        self.phrases = phrases
        byFirstTwo = index
        filter = BitFilter(index.keys.map(UInt64.init))
    }

    package func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { h -> Bool in
            guard h.count >= 2 else { return false }
            for i in 0..<(h.count - 1) {
                let key = UInt16(h[i]) << 8 | UInt16(h[i + 1])
                guard filter.mayContain(UInt64(key)), let candidates = byFirstTwo[key] else { continue }
                for c in candidates {
                    let p = phrases[c]
                    if i + p.count <= h.count, memcmp(h.baseAddress! + i, p, p.count) == 0 { return true }
                }
            }
            return false
        }
    }
}
