import AuditDocument
import Yams

/// Loads a rule set from YAML, resolving `extends`, and validates everything before any report is
/// read: unknown keys (with the likely intended key), unknown kinds, duplicate ids, cycles, cell
/// names, patterns. Every problem is reported at once, each with file, line and column.
public enum RuleSetLoader {
    static let topKeys = ["name", "description", "extends", "grades", "unverifiable_points", "rules"]
    static let ruleKeys = ["id", "kind", "severity", "points", "points_each", "unverifiable_points", "title",
                           "basis", "when", "params", "message", "examples", "enabled"]

    /// `resolve(name, fromPath)` finds the file an `extends:` names (the frontend reads it).
    public static func load(_ file: RuleFileText,
                            resolve: @escaping (String, String) -> RuleFileText?) throws -> RuleSet {
        var issues: [RuleFileIssue] = []
        var chain: [String] = []
        let raw = readChain(file, resolve: resolve, chain: &chain, issues: &issues)
        // Validate the rules even when the file has other problems, so all are reported at once.
        guard let raw else { throw AuditError.ruleSet(issues) }
        let set = build(raw, files: chain, resolve: resolve, issues: &issues)
        if !issues.isEmpty { throw AuditError.ruleSet(issues) }
        return set
    }

    // MARK: Raw form, for merging along `extends`

    struct RawRule {
        var id: String
        var fields: [String: YAMLValue]
        var params: [(key: String, value: YAMLValue)]
        var messages: [(key: String, value: YAMLValue)]
        var enabled = true
    }

    struct RawSet {
        var name: String
        var description = ""
        var grades: YAMLValue?
        var unverifiablePoints: YAMLValue?
        var rules: [RawRule] = []
    }

    static func readChain(_ file: RuleFileText, resolve: (String, String) -> RuleFileText?,
                          chain: inout [String], issues: inout [RuleFileIssue]) -> RawSet? {
        if chain.contains(file.path) {
            issues.append(RuleFileIssue(file: file.path, line: nil, column: nil,
                                        message: "'extends' forms a cycle: \((chain + [file.path]).joined(separator: " → ")); remove one of the 'extends' lines"))
            return nil
        }
        chain.append(file.path)
        guard let top = compose(file, issues: &issues) else { return nil }
        guard let entries = top.entries else {
            issues.append(top.issue("a rule file must be a mapping with 'name' and 'rules'")); return nil
        }
        var set = RawSet(name: "")
        var parent: RawSet?
        var seenKeys: Set<String> = []
        for (key, keyNode, value) in entries {
            if !seenKeys.insert(key).inserted { issues.append(keyNode.issue("duplicate key '\(key)'")) }
            switch key {
            case "name": set.name = value.string ?? ""
            case "description": set.description = value.string ?? ""
            case "grades": set.grades = value
            case "unverifiable_points": set.unverifiablePoints = value
            case "extends":
                guard let parentName = value.string, !value.isNull else { continue }
                guard let parentFile = resolve(parentName, file.path) else {
                    issues.append(value.issue("'extends: \(parentName)' names no rule set; give a name from rules/ (e.g. standard) or a path to a .yaml file"))
                    continue
                }
                if let why = parentFile.unreadable { issues.append(value.issue("'extends: \(parentName)': \(why)")); continue }
                parent = readChain(parentFile, resolve: resolve, chain: &chain, issues: &issues)
            case "rules": break
            default: issues.append(keyNode.issue(Suggest.unknownKey(key, known: topKeys, in: "the rule set")))
            }
        }
        if set.name.isEmpty { issues.append(top.issue("the rule set has no 'name'; add e.g. 'name: standard'")) }
        var ownRules: [RawRule] = []
        if let rulesNode = entries.first(where: { $0.key == "rules" })?.value {
            ownRules = readRules(rulesNode, issues: &issues)
        } else if parent == nil {
            issues.append(top.issue("the rule set has no 'rules' list"))
        }
        return merge(set, rules: ownRules, into: parent)
    }

    /// The file's YAML tree, or an issue at the line and column where it cannot be read.
    static func compose(_ file: RuleFileText, issues: inout [RuleFileIssue]) -> YAMLValue? {
        do {
            guard let n = try Yams.compose(yaml: file.text) else {
                issues.append(RuleFileIssue(file: file.path, line: 1, column: 1, message: "the rule file is empty; it needs at least 'name' and 'rules'"))
                return nil
            }
            return YAMLValue(node: n, file: file.path)
        } catch let e as YamlError {
            issues.append(yamlIssue(e, file: file.path)); return nil
        } catch {
            issues.append(RuleFileIssue(file: file.path, line: nil, column: nil, message: "cannot read YAML: \(error)")); return nil
        }
    }

    /// The `rules:` list of one file, each id once.
    static func readRules(_ rulesNode: YAMLValue, issues: inout [RuleFileIssue]) -> [RawRule] {
        guard let items = rulesNode.items else {
            if !rulesNode.isNull { issues.append(rulesNode.issue("'rules' must be a list of rules")) }
            return []
        }
        var ownRules: [RawRule] = []
        var ids: [String: Int] = [:]
        for item in items {
            guard let r = readRule(item, issues: &issues) else { continue }
            if let previous = ids[r.id] {
                issues.append(item.issue("duplicate rule id '\(r.id)' (first defined at line \(previous)); rule ids must be unique within a file"))
                continue
            }
            ids[r.id] = item.line ?? 0
            ownRules.append(r)
        }
        return ownRules
    }

    /// A child over its parent: the child overrides the parent's rules by id, key by key; new ids are appended.
    static func merge(_ set: RawSet, rules ownRules: [RawRule], into parent: RawSet?) -> RawSet {
        var merged = parent ?? RawSet(name: set.name)
        merged.name = set.name
        if !set.description.isEmpty { merged.description = set.description }
        if let g = set.grades { merged.grades = g }
        if let u = set.unverifiablePoints { merged.unverifiablePoints = u }
        for r in ownRules {
            guard let i = merged.rules.firstIndex(where: { $0.id == r.id }) else { merged.rules.append(r); continue }
            var base = merged.rules[i]
            for (k, v) in r.fields { base.fields[k] = v }
            for p in r.params {
                if let j = base.params.firstIndex(where: { $0.key == p.key }) { base.params[j] = p } else { base.params.append(p) }
            }
            for m in r.messages {
                if let j = base.messages.firstIndex(where: { $0.key == m.key }) { base.messages[j] = m } else { base.messages.append(m) }
            }
            base.enabled = r.enabled
            merged.rules[i] = base
        }
        return merged
    }

    static func readRule(_ item: YAMLValue, issues: inout [RuleFileIssue]) -> RawRule? {
        guard let entries = item.entries else { issues.append(item.issue("each rule must be a mapping with at least 'id'")); return nil }
        var rule = RawRule(id: "", fields: [:], params: [], messages: [])
        for (key, keyNode, value) in entries {
            guard ruleKeys.contains(key) else {
                issues.append(keyNode.issue(Suggest.unknownKey(key, known: ruleKeys, in: "a rule"))); continue
            }
            switch key {
            case "id": rule.id = value.string ?? ""
            case "enabled": rule.enabled = value.bool ?? true
            case "params":
                guard let p = value.entries else { issues.append(value.issue("'params' must be a mapping")); continue }
                rule.params = p.map { ($0.key, $0.value) }
            case "message":
                guard let m = value.entries else { issues.append(value.issue("'message' must be a mapping of variants, each with 'zh' and 'en'")); continue }
                rule.messages = m.map { ($0.key, $0.value) }
            default: break
            }
            rule.fields[key] = value
        }
        if rule.id.isEmpty { issues.append(item.issue("a rule has no 'id'")); return nil }
        return rule
    }

    static func yamlIssue(_ e: YamlError, file: String) -> RuleFileIssue {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { " (\($0.text))" } ?? ""
            return RuleFileIssue(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)\(ctx)")
        default:
            return RuleFileIssue(file: file, line: nil, column: nil, message: "YAML error: \(e)")
        }
    }
}
