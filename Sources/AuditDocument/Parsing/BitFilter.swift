#if canImport(Glibc)
import Glibc
#endif

/// A set of 64-bit keys answered "surely not here" or "maybe" from a 2^16-bit table.
package struct BitFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    package init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        for k in keys { let b = BitFilter.bit(k); bits[b >> 6] |= 1 << UInt64(b & 63) }
    }

    @inline(__always)
    package static func bit(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> 48) }

    @inline(__always)
    package func mayContain(_ key: UInt64) -> Bool {
        let b = BitFilter.bit(key)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }
}
