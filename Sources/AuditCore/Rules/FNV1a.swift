import AuditDocument
import Foundation
import Yams

/// 64-bit FNV-1a: a stable hash (Swift's `Hasher` is seeded per process) for fingerprints.
public enum FNV1a {
    public static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    /// The same over a file's bytes, through a raw buffer (iterating `Data` itself goes
    /// through a slow generic iterator per byte).
    public static func hash(_ data: Data) -> UInt64 { data.withUnsafeBytes { hash($0) } }
}
