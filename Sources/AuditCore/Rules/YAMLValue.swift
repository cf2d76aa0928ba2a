import AuditDocument
import Yams

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
