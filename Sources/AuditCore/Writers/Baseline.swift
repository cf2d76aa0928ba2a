import AuditDocument
import Foundation

/// An earlier run's results (its audit.jsonl), to show each agency's change since then.
public struct Baseline: Sendable {
    public struct Entry: Sendable {
        public var agency: String; public var file: String; public var score: Double; public var rank: Int
        public var year: Int? = nil
    }
    public var source: String
    /// Keyed by the folded agency name (or the file name when there is no agency) and the report
    /// year: a baseline may hold an agency's reports of several years.
    public var entries: [String: Entry]

    static func key(agency: String?, file: String) -> String {
        AgencyName.key(agency) ?? ("file:" + (file as NSString).lastPathComponent)
    }
    static func key(agency: String?, file: String, year: Int?) -> String { key(agency: agency, file: file) + "|" + (year.map(String.init) ?? "") }

    /// Parses audit.jsonl; a line that is not an audit object is an error naming the line.
    public static func parse(_ text: String, source: String) throws -> Baseline {
        var entries: [String: Entry] = [:]
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = obj["file"] as? String, let score = (obj["score"] as? NSNumber)?.doubleValue, let rank = (obj["rank"] as? NSNumber)?.intValue else {
                throw AuditError.baseline([RuleFileIssue(file: source, line: i + 1, column: nil, message: "not an audit.jsonl line (needs file, score, rank); give the audit.jsonl of an earlier run")])
            }
            let agency = obj["agency"] as? String, year = (obj["year"] as? NSNumber)?.intValue
            let k = key(agency: agency, file: file, year: year)
            // Of two rows of one agency and year, the better ranked (the first) is kept.
            if entries[k] == nil { entries[k] = Entry(agency: agency ?? file, file: file, score: score, rank: rank, year: year) }
        }
        return Baseline(source: source, entries: entries)
    }

    /// The baseline's row for a report: the same agency's of the same year; else, when the
    /// baseline holds that agency in one year only, that row (last year's run).
    public func entry(for a: ReportAudit) -> Entry? {
        if let e = entries[Baseline.key(agency: a.agency, file: a.file, year: a.year)] { return e }
        let prefix = Baseline.key(agency: a.agency, file: a.file) + "|"
        let same = entries.filter { $0.key.hasPrefix(prefix) }
        return same.count == 1 ? same.first!.value : nil
    }

    /// Agencies of this run that the baseline does not have, and the baseline's that are gone.
    public func differences(_ ranked: [ReportAudit]) -> (new: [ReportAudit], missing: [Entry]) {
        let matched = Set(ranked.compactMap { a in entry(for: a).map { Baseline.key(agency: $0.agency == $0.file ? nil : $0.agency, file: $0.file, year: $0.year) } })
        let new = ranked.filter { entry(for: $0) == nil }
        let missing = entries.filter { !matched.contains($0.key) }.map(\.value).sorted { $0.agency.unicodeScalars.lexicographicallyPrecedes($1.agency.unicodeScalars) }
        return (new, missing)
    }

    /// `+3`, `-2.5`, `0`.
    static func signed(_ x: Double) -> String { x > 0 ? "+" + Format.number(x) : Format.number(x) }
    /// A rank change as places gained: `↑2`, `↓1`, `—`.
    static func rankChange(_ old: Int, _ new: Int) -> String { new < old ? "↑\(old - new)" : new > old ? "↓\(new - old)" : "—" }
}
