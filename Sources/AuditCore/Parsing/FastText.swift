#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// `replacingOccurrences` only when the target occurs: Foundation's replacement copies the
    /// string through NSString even when there is nothing to replace.
    func replacingIfPresent(_ target: String, with replacement: String) -> String {
        has(target) ? replacingOccurrences(of: target, with: replacement) : self
    }
}

extension StringProtocol {
    /// Substring test on UTF-8 bytes with memmem. Foundation's `contains` folds character
    /// clusters through CoreFoundation and was the parser's largest cost; for valid UTF-8 a byte
    /// match is a character match, because UTF-8 is self-synchronizing.
    @inline(__always)
    func has(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            if n.isEmpty { return true }
            if let r = self.utf8.withContiguousStorageIfAvailable({ h in find(h, n) }) { return r }
            var copy = String(self)
            return copy.withUTF8 { h in find(h, n) }
        }
    }
}

/// First-byte scan with memchr, then memcmp: the needles are short labels and phrases.
@inline(__always)
func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
    let first = Int32(nb.pointee), last = h.count - n.count
    var i = 0
    while i <= last {
        guard let p = memchr(hb + i, first, last - i + 1) else { return false }
        let at = UnsafeRawPointer(p) - UnsafeRawPointer(hb)
        if memcmp(hb + at, nb, n.count) == 0 { return true }
        i = at + 1
    }
    return false
}

extension Unicode.Scalar {
    /// White space as the parser means it, without a Unicode property lookup: ASCII white
    /// space and the separators `fold` does not already turn into a space.
    @inline(__always)
    var isSpaceLike: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// A set of 64-bit keys answered "surely not here" or "maybe" from a 2^16-bit table.
struct BitFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for k in keys { let b = BitFilter.bit(k); bits[b >> 6] |= 1 << UInt64(b & 63) }
    }

    @inline(__always)
    static func bit(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> 48) }

    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let b = BitFilter.bit(key)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }
}

/// Whether any of a fixed set of phrases occurs in a text, in one pass over its UTF-8 bytes:
/// candidates by their first two bytes, then compared in full. Replaces one substring search
/// per phrase when there are dozens of phrases and thousands of short texts.
struct PhraseSet: Sendable {
    private let phrases: [[UInt8]]
    private let byFirstTwo: [UInt16: [Int]]
    private let filter: BitFilter

    init(_ list: [String]) {
        let phrases = list.map { Array($0.utf8) }.filter { $0.count >= 2 }
        var index: [UInt16: [Int]] = [:]
        for (i, p) in phrases.enumerated() { index[UInt16(p[0]) << 8 | UInt16(p[1]), default: []].append(i) }
        self.phrases = phrases
        byFirstTwo = index
        filter = BitFilter(index.keys.map(UInt64.init))
    }

    func occurs(in text: String) -> Bool {
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

