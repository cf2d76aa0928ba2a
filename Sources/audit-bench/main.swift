import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

/// audit-bench generate N DIR [--seed S]   writes N synthetic reports and DIR/truth.jsonl
/// audit-bench long-lines [--rules strict] [--mb 1,4,16]
///                                         audits one-line reports of several shapes and sizes
///                                         in memory; fails unless time and memory grow
///                                         linearly and stay within bounds.
/// audit-bench run [--sizes 1000,10000,100000] [--rules standard] [--work DIR] [--seed S] [--pages all|findings|none]
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
    _ = AuditRun.parallelMap(Array(0..<count)) { i in
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
    _ = fm.createFile(atPath: marker, contents: nil)
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


/// Runs scripts/reuse-peer.py on a corpus and prints its line beside our reuse stage's time.
func runPeer(folder: String, reuseSeconds: Double) {
    let script = "scripts/reuse-peer.py"
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { String($0) + "/python3" }
    guard FileManager.default.fileExists(atPath: script), let python = path.first(where: FileManager.default.isExecutableFile(atPath:)) else {
        print("  peer: skipped (python3 or \(script) not found)")
        return
    }
    let process = Process(), pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, folder]
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { print("  peer: skipped (\(error))"); return }
    let line = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    process.waitUntilExit()
    print(line.isEmpty ? "  peer: skipped (pip install datasketch to compare with a MinHashLSH peer)" : "  " + line)
    print(String(format: "  ours: reuse stage %.2f s (fingerprints are taken while each report is parsed, inside read+parse+rules)", reuseSeconds))
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
        options.printNotes = false
        options.pages = option("--pages").flatMap(PageMode.init(rawValue:)) ?? .all
        options.memoryMB = option("--memory").flatMap { Int($0) }
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
        // The reuse part beside a plain MinHashLSH peer (scripts/reuse-peer.py, datasketch),
        // when Python and the script are there; `--peer no` leaves it out.
        if option("--peer") != "no" { runPeer(folder: folder, reuseSeconds: times.wall["reuse"] ?? 0) }
    }
case "long-lines":
    // Reports as a flattened web crawl gives them: everything on one line, at sizes no real
    // report reaches (the input limit is 20 MB). Each shape stresses a different reader.
    let rules = try RuleSetLocator.load(option("--rules") ?? "strict")
    let sizes = (option("--mb") ?? "1,4,16").split(separator: ",").compactMap { Double($0) }
    let seedText = try String(contentsOfFile: "examples/reports/000_67dfe248a59990d3.txt", encoding: .utf8).replacingOccurrences(of: "\n", with: " ")
    let shapes: [(String, String)] = [
        ("flattened report", seedText),
        ("narrative claims", "本年度共收到政府信息公开申请12件，办结11件，其中予以公开3件，主动公开政府信息45条。"),
        ("headings only", "二、主动公开政府信息情况三、收到和处理政府信息公开申请情况四、"),
        ("digit runs", " 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"),
        ("fee phrases", "不收取费用，收费0元，未发出收费通知。2021年1月1日至2021年12月31日。"),
    ]
    var failed = false
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; rule set \(rules.name)")
    for (name, unit) in shapes {
        var perMB: [Double] = []
        for mb in sizes {
            let target = Int(mb * 1_000_000)
            var text = String(seedText.prefix(400)) + " "
            text.reserveCapacity(target + unit.utf8.count)
            while text.utf8.count < target { text += unit }
            let before = peakMemoryMB()
            let start = Date()
            let report = ReportParser.parse(text: text, source: "long.txt")
            _ = AuditEngine.auditAll([report], history: [], rules: rules, language: .zh)
            let seconds = Date().timeIntervalSince(start)
            perMB.append(seconds / mb)
            let peak = peakMemoryMB()
            // Bounds: 1 s per MB (a real report is under 1 MB and takes milliseconds), and
            // peak memory under 2 GB.
            let ok = seconds <= max(1, mb) && peak < 2048
            if !ok { failed = true }
            print(String(format: "  %-17@ %5.1f MB: %6.2f s (%.2f s/MB), peak memory %.0f MB (was %.0f)%@", name as NSString, mb, seconds, seconds / mb, peak, before, ok ? "" : "  OVER BOUND"))
        }
        // Linear: the time per MB at the largest size is at most three times that at the smallest.
        if let first = perMB.first, let last = perMB.last, first > 0.01, last / first > 3 {
            failed = true
            print(String(format: "  %@: time per MB grows %.1f× from %.0f MB to %.0f MB — not linear", name, last / first, sizes.first!, sizes.last!))
        }
    }
    if failed { exit(1) }
default:
    fail("usage: audit-bench generate N DIR | audit-bench long-lines [--rules NAME] [--mb 1,4,16] | audit-bench run [--sizes 1000,10000,100000] [--rules NAME] [--work DIR] [--seed S] [--peer no]")
}
