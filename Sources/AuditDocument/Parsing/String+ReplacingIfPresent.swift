#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// `replacingOccurrences` only when the target occurs: Foundation's replacement copies the
    /// string through NSString even when there is nothing to replace.
    package func replacingIfPresent(_ target: String, with replacement: String) -> String {
        has(target) ? replacingOccurrences(of: target, with: replacement) : self
    }
}
