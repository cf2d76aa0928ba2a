#if canImport(Glibc)
import Glibc
#endif

extension Unicode.Scalar {
    /// White space as the parser means it, without a Unicode property lookup: ASCII white
    /// space and the separators `fold` does not already turn into a space.
    @inline(__always)
    package var isSpaceLike: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
