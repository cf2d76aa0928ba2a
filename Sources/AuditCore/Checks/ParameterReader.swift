import AuditDocument
/// Reads a rule's `params`, remembering which keys were used so unknown ones can be reported.
struct ParameterReader {
    let params: [(key: String, value: YAMLValue)]
    let ruleID: String
    let anchor: YAMLValue
    var used: Set<String> = []
    var known: [String] = []
    var issues: [RuleFileIssue] = []
    /// Reads a data file a parameter names, relative to the rule file that names it.
    let readFile: (String, String) -> RuleFileText?

    init(params: [(key: String, value: YAMLValue)], ruleID: String, anchor: YAMLValue, readFile: @escaping (String, String) -> RuleFileText? = { _, _ in nil }) {
        self.params = params; self.ruleID = ruleID; self.anchor = anchor; self.readFile = readFile
    }

    mutating func value(_ key: String) -> YAMLValue? {
        known.append(key); used.insert(key)
        return params.last { $0.key == key }?.value
    }

    /// A string parameter that must be one of `choices`.
    mutating func choice(_ key: String, _ choices: [String], default def: String) -> String {
        guard let v = value(key) else { return def }
        guard let s = v.string, choices.contains(s) else {
            issues.append(v.issue("rule '\(ruleID)': '\(key)' must be one of \(choices.joined(separator: ", "))")); return def
        }
        return s
    }

    /// A number parameter within `range` (finite: `nan` and `inf` are not numbers here).
    mutating func number(_ key: String, default def: Double, in range: ClosedRange<Double>) -> Double {
        guard let v = value(key) else { return def }
        guard let n = v.number, range.contains(n) else {
            fail(v, "'\(key)' must be a number from \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))"); return def
        }
        return n
    }

    /// A whole-number parameter within `range`; checked before conversion, so no value traps.
    mutating func integer(_ key: String, default def: Int, in range: ClosedRange<Int>) -> Int {
        guard let v = value(key) else { return def }
        guard let n = v.number, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            fail(v, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)"); return def
        }
        return Int(n)
    }

    mutating func fail(_ node: YAMLValue?, _ message: String) {
        issues.append((node ?? anchor).issue("rule '\(ruleID)': \(message)"))
    }

    mutating func finish() {
        for (k, v) in params where !used.contains(k) {
            issues.append(v.issue(Suggest.unknownKey(k, known: known, in: "the params of rule '\(ruleID)'")))
        }
    }
}
