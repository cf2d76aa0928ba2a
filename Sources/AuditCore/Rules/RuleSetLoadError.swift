import Yams

/// All problems found while loading a rule set; loading reports every one at once.
public struct RuleSetLoadError: Error, Sendable, CustomStringConvertible {
    public var issues: [RuleFileIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
