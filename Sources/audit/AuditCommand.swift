import ArgumentParser
import AuditCore
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
          --history <folder>, --quiet

        Exit codes:
          0  the run completed (and no report scored below --fail-under)
          1  a report scored below --fail-under
          2  a usage error, a rule-file error, or the outputs could not be written
        """,
        version: Audit.version,
        subcommands: [Run.self, ListRules.self, Explain.self, Dump.self],
        defaultSubcommand: Run.self
    )

    static let version = "report-audit 1.0.0"

    /// Exit codes: 0 success, 1 a report scored below --fail-under, 2 usage or rule-file error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch let e as RuleSetLoadError {
            FileHandle.standardError.write(Data(("错误：规则集无法使用（文件:行:列：问题）/ error: the rule set cannot be used:\n" + e.description + "\n").utf8))
            Foundation.exit(2)
        } catch let e as UsageError {
            FileHandle.standardError.write(Data(("错误 / error: \(e.message)\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Options shared by the commands that load a rule set.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rule set: a name from rules/ (standard, strict) or a path to a .yaml file.")
    var rules: String = "standard"

    @Option(name: .long, help: "Language of findings: zh or en.")
    var lang: String = "zh"

    func language() throws -> Language {
        guard let l = Language(rawValue: lang) else { throw UsageError(message: "--lang must be zh or en, not '\(lang)'.") }
        return l
    }

    func loadRuleSet() throws -> RuleSet {
        try RuleSetLocator.load(rules)
    }
}

extension Audit {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Audit report files or folders (the default command).")

        @OptionGroup var ruleOptions: RuleOptions

        @Option(name: .long, help: "Output folder.")
        var out: String = "reports-out"

        @Option(name: .customLong("fail-under"), help: "Exit 1 when any report scores below this (0–100).")
        var failUnder: Double?

        @Flag(name: .long, help: "Print nothing but errors (no per-report lines, notes or progress).")
        var quiet = false

        @Option(name: .long, help: "The date written into the outputs (YYYY-MM-DD); default today, or SOURCE_DATE_EPOCH.")
        var date: String?

        @Option(name: .long, help: "Force the text encoding of .txt/.md/.html inputs: utf-8, gb18030 or utf-16 (default: detected).")
        var encoding: String?

        @Option(name: .long, help: "A YAML file of reviewed exemptions (file or agency, rule, fingerprint, reason, approved_by, expires).")
        var exemptions: String?

        @Option(name: .long, help: "An earlier run's audit.jsonl (or its output folder): adds score and rank changes per agency.")
        var baseline: String?

        @Option(name: .long, help: "A folder (or file) of earlier years' reports: each report is compared with the same agency's earlier ones.")
        var history: [String] = []

        @Argument(help: "Report files or folders (searched recursively).")
        var paths: [String] = []

        func run() throws {
            guard !paths.isEmpty else { throw UsageError(message: "请给出至少一个报告文件或文件夹，如 audit --rules standard examples/reports/\n       give at least one report file or folder, e.g. 'audit --rules standard examples/reports/'.") }
            if let f = failUnder, !(f.isFinite && (0...100).contains(f)) {
                throw UsageError(message: "--fail-under 需要 0 到 100 之间的分数，而不是“\(f)”。\n       --fail-under takes a score from 0 to 100, not '\(f)'.")
            }
            var forced: TextEncoding?
            if let encoding {
                guard let e = TextEncoding(rawValue: encoding.lowercased()) else {
                    throw UsageError(message: "--encoding takes utf-8, gb18030 or utf-16, not '\(encoding)'.")
                }
                forced = e
            }
            var options = AuditRun.Options(paths: paths, outputFolder: out, ruleSet: try ruleOptions.loadRuleSet(),
                                           language: try ruleOptions.language(), failUnder: failUnder,
                                           date: try RunDate.resolve(date), historyPaths: history)
            options.encoding = forced
            options.printSummary = !quiet
            options.printNotes = !quiet
            options.showProgress = !quiet
            if let exemptions { options.exemptions = try SideInputs.exemptions(exemptions, today: options.date) }
            if let baseline { options.baseline = try SideInputs.baseline(baseline) }
            let code = try AuditRun.execute(options)
            try StandardOutput.check()
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct ListRules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the shipped rule sets and their rules.")

        @Option(name: .long, help: "Language: zh or en.")
        var lang: String = "zh"

        func run() throws {
            let language = Language(rawValue: lang) ?? .zh
            let names = RuleSetLocator.shippedNames()
            if names.isEmpty { throw UsageError(message: "no rule sets found; run from the project folder or set AUDIT_RULES_DIR to its rules/ folder.") }
            for name in names {
                let set = try RuleSetLocator.load(name)
                print("\(set.name) — \(set.description)")
                print("  files: \(set.files.joined(separator: ", "))")
                print("  grades: " + set.grades.map { "\($0.name) ≥ \(Int($0.minimum))" }.joined(separator: ", ") + "; unverifiable costs \(Format.score(set.unverifiablePoints))")
                for r in set.rules {
                    print("  \(r.id)  [\(r.kind.rawValue), \(r.severity.rawValue), ≤\(Format.score(r.points)) points, \(r.condition.summary)]  \(r.title.text(language))")
                }
                print("")
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule's purpose, basis, parameters and examples.")

        @OptionGroup var ruleOptions: RuleOptions

        @Argument(help: "A rule id, e.g. tables.balance.")
        var ruleID: String

        func run() throws {
            let set = try ruleOptions.loadRuleSet()
            guard let rule = set.rule(ruleID) else {
                let ids = set.rules.map(\.id)
                throw UsageError(message: "rule set '\(set.name)' has no rule '\(ruleID)'; its rules are: \(ids.joined(separator: ", ")).")
            }
            print(RuleExplanation.render(rule, in: set, language: try ruleOptions.language()))
        }
    }

    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dump", abstract: "Print what the parser reads from a report, as a tree with line numbers.")

        @Flag(name: .long, help: "Also show the narrative as reuse detection reads it: wording that never counts in ⟦⟧.")
        var narrative = false

        @OptionGroup var ruleOptions: RuleOptions

        @Argument(help: "Report files.")
        var files: [String]

        func run() throws {
            var failed = 0
            let settings = narrative ? try ruleOptions.loadRuleSet().rules.compactMap { rule -> ReuseSettings? in
                if case .narrativeReuse(let p) = rule.parameters { return p.settings } else { return nil }
            }.first : nil
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
                    if let settings {
                        print("  narrative (reuse detection):")
                        for (line, t) in settings.document(report).annotated() { print("    \(line): \(t)") }
                    }
                case .failure(let reason):
                    FileHandle.standardError.write(Data("\(f): \(reason.text(try ruleOptions.language()))\n".utf8))
                    failed += 1
                }
            }
            try StandardOutput.check()
            // A file that could not be read is an error for a script calling dump.
            if failed > 0 { throw ExitCode(2) }
        }
    }
}
