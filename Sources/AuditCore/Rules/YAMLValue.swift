import Yams

/// A problem in a rule file, with where it is and how to fix it.
public struct RuleFileIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

/// All problems found while loading a rule set; loading reports every one at once.
public struct RuleSetLoadError: Error, Sendable, CustomStringConvertible {
    public var issues: [RuleFileIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// A YAML node together with the file it came from, so every error can name file, line and column.
struct YAMLValue {
    let node: Node
    let file: String

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    func issue(_ message: String) -> RuleFileIssue {
        RuleFileIssue(file: file, line: line, column: column, message: message)
    }

    /// Mapping entries in document order; nil if this is not a mapping.
    var entries: [(key: String, keyNode: YAMLValue, value: YAMLValue)]? {
        guard case .mapping(let m) = node else { return nil }
        return m.map { (key: $0.key.string ?? "", keyNode: YAMLValue(node: $0.key, file: file), value: YAMLValue(node: $0.value, file: file)) }
    }

    var items: [YAMLValue]? {
        guard case .sequence(let s) = node else { return nil }
        return s.map { YAMLValue(node: $0, file: file) }
    }

    var string: String? {
        guard case .scalar(let s) = node else { return nil }
        return s.string
    }

    /// A finite number: `nan`, `inf` and the like are refused, so every check downstream can
    /// compare and convert without a trap.
    var number: Double? {
        guard case .scalar(let s) = node, let n = Double(s.string), n.isFinite else { return nil }
        return n
    }

    /// A whole number within `range`, checked before conversion (a Double → Int conversion out
    /// of range traps).
    func integer(in range: ClosedRange<Int>) -> Int? {
        guard let n = number, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else { return nil }
        return Int(n)
    }

    var bool: Bool? {
        guard case .scalar(let s) = node else { return nil }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    var isNull: Bool {
        guard case .scalar(let s) = node else { return false }
        return s.string == "" || s.string == "~" || s.string == "null"
    }

    /// A string or a list of strings.
    var strings: [String]? {
        if let s = string, !isNull { return [s] }
        guard let items else { return nil }
        let out = items.compactMap(\.string)
        return out.count == items.count ? out : nil
    }
}

enum Suggest {
    /// The closest known word, if it is close enough to be a likely misspelling.
    static func closest(_ word: String, in known: [String]) -> String? {
        let scored = known.map { ($0, distance(word, $0)) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = scored.first, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }

    static func unknownKey(_ key: String, known: [String], in context: String) -> String {
        var m = "unknown key '\(key)' in \(context)"
        if let s = closest(key, in: known) { m += "; did you mean '\(s)'?" } else { m += "; known keys: \(known.joined(separator: ", "))" }
        return m
    }
}
