import AuditDocument
import Foundation

/// An earlier run's results (its audit.jsonl), to show each agency's change since then.
public struct Baseline: Sendable {
    public struct Entry: Sendable { public var agency: String; public var file: String; public var score: Double; public var rank: Int }
    public var source: String
    /// Keyed by the folded agency name (or the file name when there is no agency).
    public var entries: [String: Entry]

    static func key(agency: String?, file: String) -> String {
        NarrativeDocument.agencyKey(agency) ?? ("file:" + (file as NSString).lastPathComponent)
    }

    /// Parses audit.jsonl; a line that is not an audit object is an error naming the line.
    public static func parse(_ text: String, source: String) throws -> Baseline {
        var entries: [String: Entry] = [:]
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = obj["file"] as? String, let score = (obj["score"] as? NSNumber)?.doubleValue, let rank = (obj["rank"] as? NSNumber)?.intValue else {
                throw AuditError.baseline([RuleFileIssue(file: source, line: i + 1, column: nil, message: "not an audit.jsonl line (needs file, score, rank); give the audit.jsonl of an earlier run")])
            }
            let agency = obj["agency"] as? String
            entries[key(agency: agency, file: file)] = Entry(agency: agency ?? file, file: file, score: score, rank: rank)
        }
        return Baseline(source: source, entries: entries)
    }

    public func entry(for a: ReportAudit) -> Entry? { entries[Baseline.key(agency: a.agency, file: a.file)] }

    /// Agencies of this run that the baseline does not have, and the baseline's that are gone.
    public func differences(_ ranked: [ReportAudit]) -> (new: [ReportAudit], missing: [Entry]) {
        let current = Set(ranked.map { Baseline.key(agency: $0.agency, file: $0.file) })
        let new = ranked.filter { entries[Baseline.key(agency: $0.agency, file: $0.file)] == nil }
        let missing = entries.filter { !current.contains($0.key) }.map(\.value).sorted { $0.agency.unicodeScalars.lexicographicallyPrecedes($1.agency.unicodeScalars) }
        return (new, missing)
    }

    /// `+3`, `-2.5`, `0`.
    static func signed(_ x: Double) -> String { x > 0 ? "+" + Format.number(x) : Format.number(x) }
    /// A rank change as places gained: `↑2`, `↓1`, `—`.
    static func rankChange(_ old: Int, _ new: Int) -> String { new < old ? "↑\(old - new)" : new > old ? "↓\(new - old)" : "—" }
}
