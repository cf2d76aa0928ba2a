#if canImport(Glibc)
import Glibc
#endif

extension StringProtocol {
    /// Substring test on UTF-8 bytes with memmem. Foundation's `contains` folds character
    /// clusters through CoreFoundation and was the parser's largest cost; for valid UTF-8 a byte
    /// match is a character match, because UTF-8 is self-synchronizing.
    @inline(__always)
    package func has(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

    /// Where `needle` first starts, in UTF-8 bytes from the start; nil if it does not occur.
    @inline(__always)
    package func byteOffset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { n in
            if n.isEmpty { return 0 }
            if let r = self.utf8.withContiguousStorageIfAvailable({ h in find(h, n) }) { return r }
            var copy = String(self)
            return copy.withUTF8 { h in find(h, n) }
        }
    }
}

/// First-byte scan with memchr, then memcmp: the needles are short labels and phrases.
@inline(__always)
package func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Int? {
    guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
    let first = Int32(nb.pointee), last = h.count - n.count
    var i = 0
    while i <= last {
        guard let p = memchr(hb + i, first, last - i + 1) else { return nil }
        let at = UnsafeRawPointer(p) - UnsafeRawPointer(hb)
        if memcmp(hb + at, nb, n.count) == 0 { return at }
        i = at + 1
    }
    return nil
}
