import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

extension Audit {
    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dump", abstract: "Print what the parser reads from a report, as a tree with line numbers.")

        @Flag(name: .long, help: "Also show the narrative as reuse detection reads it: wording that never counts in ⟦⟧.")
        var narrative = false

        @Flag(name: .long, help: "Also show the text as read from the file (HTML, Word and PDF converted), with line numbers.")
        var text = false

        @OptionGroup var ruleOptions: RuleOptions

        @Argument(help: "Report files.")
        var files: [String]

        func run() throws {
            // Converting a .doc or a scan starts helper programs: an interrupt stops them too.
            ChildProcesses.stopOnInterrupt()
            var failed = 0
            let settings = narrative ? try ruleOptions.loadRuleSet().rules.lazy.compactMap { $0.parameters.of(NarrativeReuseCheck.Parameters.self)?.settings }.first : nil
            for f in files {
                guard FileManager.default.fileExists(atPath: f) else {
                    FileHandle.standardError.write(Data("\(f): 文件不存在 / no such file\n".utf8))
                    failed += 1
                    continue
                }
                switch InputReader.read(path: f) {
                case .text(let text):
                    let report = ReportParser.parse(text: text, source: f)
                    print(report.dump(), terminator: "")
                    if self.text {
                        print("  text:")
                        for (i, line) in report.lines.enumerated() { print("    \(i + 1): \(line)") }
                    }
                    if let settings {
                        print("  narrative (reuse detection):")
                        for (line, t) in settings.document(report).annotated() { print("    \(line): \(t)") }
                    }
                case .failure(let reason):
                    FileHandle.standardError.write(Data("\(f): \(reason.text(ruleOptions.lang))\n".utf8))
                    failed += 1
                }
            }
            try StandardOutput.check()
            // A file that could not be read is an error for a script calling dump.
            if failed > 0 { throw ExitCode(2) }
        }
    }
}
