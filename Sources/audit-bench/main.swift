import AuditCore
import AuditPipeline
import Foundation

/// audit-bench generate N DIR [--seed S]   writes N synthetic reports and DIR/truth.jsonl
/// audit-bench run [--sizes 1000,10000,100000] [--rules standard] [--work DIR] [--seed S]
///                                         generates each corpus (once) and audits it with the
///                                         real pipeline, printing throughput, memory, stage
///                                         times and per-rule precision/recall against the truth.
let args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
let seed = UInt64(option("--seed") ?? "20211231") ?? 20211231

func fail(_ m: String) -> Never { FileHandle.standardError.write(Data((m + "\n").utf8)); exit(2) }

/// Writes `count` reports into `folder` (skipped when a complete corpus with this seed is there).
func generate(count: Int, into folder: String) throws {
    let fm = FileManager.default
    let marker = folder + "/.complete-\(seed)-\(count)"
    if fm.fileExists(atPath: marker) { return }
    try? fm.removeItem(atPath: folder)
    try fm.createDirectory(atPath: folder + "/reports", withIntermediateDirectories: true)
    let gen = CorpusGenerator(seed: seed, rates: .init())
    var truths = [Set<String>](repeating: [], count: count)
    var copiedFrom: [Int] = []
    let lock = NSLock()
    let start = Date()
    AuditRun.parallelMap(Array(0..<count)) { i in
        var source: Int?
        let (g, _) = gen.report(i) { j in
            source = j
            let paragraphs = gen.report(j) { _ in nil }.1
            return paragraphs.max { $0.count < $1.count }
        }
        try! g.text.write(toFile: folder + "/reports/" + g.name, atomically: false, encoding: .utf8)
        lock.lock()
        truths[i] = g.expectedFailures
        if g.expectedFailures.contains("narrative.reuse"), let s = source { copiedFrom.append(s) }
        lock.unlock()
    }
    // The report a paragraph was copied from shares it too: reuse is found on both sides.
    for s in copiedFrom { truths[s].insert("narrative.reuse") }
    var truth = ""
    for (i, t) in truths.enumerated() {
        truth += "{\"file\":\"" + String(format: "r%06d.txt", i) + "\",\"fails\":[" + t.sorted().map { "\"\($0)\"" }.joined(separator: ",") + "]}\n"
    }
    try truth.write(toFile: folder + "/truth.jsonl", atomically: true, encoding: .utf8)
    fm.createFile(atPath: marker, contents: nil)
    FileHandle.standardError.write(Data(String(format: "generated %d reports in %.1f s\n", count, Date().timeIntervalSince(start)).utf8))
}

func readTruth(_ folder: String) throws -> [String: Set<String>] {
    var out: [String: Set<String>] = [:]
    for line in try String(contentsOfFile: folder + "/truth.jsonl", encoding: .utf8).split(separator: "\n") {
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        out[obj["file"] as! String] = Set(obj["fails"] as! [String])
    }
    return out
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

switch args.first {
case "generate":
    guard args.count >= 3, let n = Int(args[1]) else { fail("usage: audit-bench generate N DIR [--seed S]") }
    try generate(count: n, into: args[2])
case "run":
    let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
    let work = option("--work") ?? ".bench"
    let rules = try RuleSetLocator.load(option("--rules") ?? "standard")
    for n in sizes { try? FileManager.default.removeItem(atPath: "\(work)/out-\(n).earlier") }
    defer { for n in sizes { try? FileManager.default.removeItem(atPath: "\(work)/out-\(n).earlier") } }
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1024 / 1024 / 1024) GiB; rule set \(rules.name); seed \(seed)")
    for n in sizes {
        let folder = "\(work)/corpus-\(n)"
        try generate(count: n, into: folder)
        let truth = try readTruth(folder)
        // A fresh output folder each run: clearing an earlier run's pages is not the audit's work.
        // They are moved aside and deleted after every size has run: ext4 skips inodes freed in
        // the last half minute when it allocates new ones, so deleting 200,000 files just before
        // a run slows the run's own file creation several times over.
        try? FileManager.default.moveItem(atPath: "\(work)/out-\(n)", toPath: "\(work)/out-\(n).earlier")
        var options = AuditRun.Options(paths: [folder + "/reports"], outputFolder: "\(work)/out-\(n)", ruleSet: rules, language: .zh, failUnder: nil, date: "2026-01-01")
        options.printSummary = false
        let times = StageTimes()
        let outcome = try AuditRun.run(options, times: times)
        let wall = times.wall["total"] ?? 0
        let mb = Double(outcome.bytesRead) / 1_000_000
        print("")
        print(String(format: "N = %d: %.2f s wall, %.0f reports/s, %.1f MB/s (%.1f MB), peak memory %.0f MB",
                     n, wall, Double(n) / wall, mb / wall, mb, peakMemoryMB()))
        let order = ["discover", "read+parse+rules", "duplicates", "reuse", "score", "write"]
        print("  wall:  " + order.map { String(format: "%@ %.2f s", $0, times.wall[$0] ?? 0) }.joined(separator: ", "))
        print(String(format: "  write: tables and pages %.2f s, index.html the rest", times.wall["write tables and pages"] ?? 0))
        print("  resident after: " + order.map { String(format: "%@ %.0f MB", $0, times.residentMB[$0] ?? 0) }.joined(separator: ", "))
        print("  cpu:   " + ["read", "parse", "rules"].map { String(format: "%@ %.2f s", $0, times.cpu[$0] ?? 0) }.joined(separator: ", ") + " (summed over threads)")
        // Accuracy against the truth file.
        for rule in rules.rules.map(\.id) {
            var tp = 0, fp = 0, fn = 0
            var falseFiles: [String] = [], missedFiles: [String] = []
            for a in outcome.ranked {
                let name = (a.file as NSString).lastPathComponent
                let expected = truth[name]?.contains(rule) ?? false
                let got = a.outcomes.first { $0.rule == rule }?.outcome == .fail
                if got && expected { tp += 1 } else if got { fp += 1; falseFiles.append(name) } else if expected { fn += 1; missedFiles.append(name) }
            }
            let precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp), recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
            print(String(format: "  %-18@ precision %6.2f%%  recall %6.2f%%  (tp %d, fp %d, fn %d)%@", rule as NSString, precision * 100, recall * 100, tp, fp, fn,
                         (falseFiles.isEmpty ? "" : "  false: " + falseFiles.prefix(5).joined(separator: " ")) + (missedFiles.isEmpty ? "" : "  missed: " + missedFiles.prefix(5).joined(separator: " "))))
        }
    }
default:
    fail("usage: audit-bench generate N DIR | audit-bench run [--sizes 1000,10000,100000] [--rules NAME] [--work DIR] [--seed S]")
}
