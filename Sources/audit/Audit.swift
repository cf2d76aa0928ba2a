import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

/// `audit`: audits 政府信息公开工作年度报告 against a rule set and ranks them.
@main
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit government information-disclosure annual reports (政府信息公开工作年度报告) against a rule set.",
        discussion: """
        审核政府信息公开工作年度报告并排名。Example: audit --rules strict path/to/reports/

        The default command is `run`; its options (see `audit run --help`):
          --rules <name|file.yaml>   rule set (standard, strict, or a path)       default: standard
          --out <folder>             output folder, replaced whole by each run    default: reports-out
          --lang zh|en               language of findings and messages            default: zh
          --fail-under <0-100>       exit 1 when any report scores below this
          --date YYYY-MM-DD          the date written into the outputs            default: today
          --encoding utf-8|gb18030|utf-16, --exemptions <file>, --baseline <audit.jsonl>,
          --history <folder>, --pages all|findings|none, --quiet

        audit notice [run options] [--issuer NAME] PATH...  also writes notice.docx, a draft 通报

        Other commands: audit rules | explain RULE-ID | dump FILE... | test-rules FILE.yaml | init-rules [FILE]

        Exit codes:
          0  the run completed (and no report scored below --fail-under)
          1  a report scored below --fail-under
          2  a usage error, a rule-file error, or the outputs could not be written
        """,
        version: Audit.version,
        subcommands: [Run.self, Notice.self, ListRules.self, Explain.self, Dump.self, TestRules.self, InitRules.self],
        defaultSubcommand: Run.self
    )

    static let version = "report-audit 1.0.0"

    /// Exit codes: 0 success, 1 a report scored below --fail-under, 2 usage or rule-file error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            // Interrupted at the very end: the handler finishes its cleanup and exits.
            ChildProcesses.awaitInterruptExit()
        } catch let e as ExitCode {
            ChildProcesses.awaitInterruptExit()
            Foundation.exit(e.rawValue)
        } catch let e as AuditError {
            ChildProcesses.awaitInterruptExit()
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            Foundation.exit(2)
        } catch {
            ChildProcesses.awaitInterruptExit()
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

