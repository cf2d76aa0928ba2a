import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The day written into outputs: given, or SOURCE_DATE_EPOCH (reproducible builds' convention),
/// or today in UTC. A day, not a time, so reruns are byte-identical.
public enum RunDate {
    public static func resolve(_ given: String?) throws -> String {
        if let given {
            guard let day = CalendarDay(given), (1990...2200).contains(day.year) else {
                throw AuditError.usage("--date 需要一个真实的日期 YYYY-MM-DD（如 2026-01-05），而不是“\(given)”。\n       --date takes a real date YYYY-MM-DD (e.g. 2026-01-05), not '\(given)'.")
            }
            return day.description
        }
        var date = Date()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let s = TimeInterval(epoch) { date = Date(timeIntervalSince1970: s) }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
