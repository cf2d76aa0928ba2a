import AuditDocument
import Foundation

/// What reuse detection keeps of a report until it knows which reports share wording with
/// another: its fingerprints as sorted, unique 32-bit keys (about 2 KB a report, against ~25 KB
/// for the whole document). Full documents are rebuilt only for the reports that need them.
public struct NarrativeSketch: Sendable {
    /// The agency's own name (a government's office is not the government), for one report saved twice.
    public var agencyName: String?
    public var year: Int?
    var keys: [UInt32]

    public init(_ doc: NarrativeDocument) {
        agencyName = AgencyName.key(doc.agency); year = doc.year
        var keys = doc.sortedPrints.map { NarrativeSketch.key($0.hash) }
        keys.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(keys.count)
        for k in keys where k != unique.last { unique.append(k) }
        self.keys = unique
    }

    /// A fingerprint hash mixed down to 32 bits. Two passages with the same key but different
    /// text only make an extra candidate pair, which verification on the full text rejects.
    @inline(__always)
    static func key(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) }
}
