import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A text encoding the user can force with `--encoding`.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8", gb18030, utf16 = "utf-16"
}
