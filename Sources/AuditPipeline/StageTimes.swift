import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Time spent per stage: wall time of each phase, and CPU time summed over threads for the
/// stages that run in parallel.
public final class StageTimes: @unchecked Sendable {
    private let lock = NSLock()
    public private(set) var cpu: [String: Double] = [:]
    public private(set) var wall: [String: Double] = [:]
    /// Resident memory (MB) when each stage ended, for the benchmark.
    public private(set) var residentMB: [String: Double] = [:]

    public init() {}

    func addCPU(_ stage: String, _ seconds: Double) { lock.lock(); cpu[stage, default: 0] += seconds; lock.unlock() }
    func addWall(_ stage: String, _ seconds: Double) {
        let rss = StageTimes.residentMB()
        lock.lock(); wall[stage, default: 0] += seconds; residentMB[stage] = rss; lock.unlock()
    }

    /// VmRSS from /proc (Linux); 0 where it cannot be read.
    static func residentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `body`, adding its duration to `stage` (CPU when `parallel`, else wall).
    @discardableResult
    func measure<T>(_ stage: String, parallel: Bool = false, _ body: () throws -> T) rethrows -> T {
        let t = StageTimes.now()
        let r = try body()
        if parallel { addCPU(stage, StageTimes.now() - t) } else { addWall(stage, StageTimes.now() - t) }
        return r
    }
}
