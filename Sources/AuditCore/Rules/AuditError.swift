import AuditDocument
/// Why a run cannot go on, said in Chinese and English with what to do. Every case exits 2;
/// what a report lacks is never an error (it is a finding), nor is an input file that cannot be
/// read (it gets a row saying why).
public enum AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How the command was called: a missing path, an option's value, a rule set not found.
    case usage(String)
    /// A rule file (or one it extends) that cannot be used: every problem, with file, line, column.
    case ruleSet([RuleFileIssue])
    /// An `--exemptions` file with problems.
    case exemptions([RuleFileIssue])
    /// A `--baseline` that is not an earlier run's audit.jsonl.
    case baseline([RuleFileIssue])
    /// Outputs that cannot be written: the output folder, its files, standard output.
    case output(String)

    public var description: String {
        switch self {
        case .usage(let message), .output(let message):
            return "错误 / error: " + message
        case .ruleSet(let issues):
            return "错误：规则集无法使用（文件:行:列：问题）/ error: the rule set cannot be used:\n" + AuditError.list(issues)
        case .exemptions(let issues):
            return "错误：豁免文件有误（文件:行:列：问题）/ error: the exemptions file has problems:\n" + AuditError.list(issues)
        case .baseline(let issues):
            return "错误：基准文件有误 / error: the baseline has problems:\n" + AuditError.list(issues)
        }
    }

    /// The problems of a file, one a line.
    public var issues: [RuleFileIssue] {
        switch self {
        case .ruleSet(let i), .exemptions(let i), .baseline(let i): return i
        case .usage, .output: return []
        }
    }

    static func list(_ issues: [RuleFileIssue]) -> String { issues.map(\.description).joined(separator: "\n") }
}
