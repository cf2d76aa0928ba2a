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
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: file.text) else {
                issues.append(RuleFileIssue(file: file.path, line: 1, column: 1, message: "the rule file is empty; it needs at least 'name' and 'rules'"))
                return nil
            }
            root = n
        } catch let e as YamlError {
            issues.append(yamlIssue(e, file: file.path)); return nil
        } catch {
            issues.append(RuleFileIssue(file: file.path, line: nil, column: nil, message: "cannot read YAML: \(error)")); return nil
        }
        let top = YAMLValue(node: root, file: file.path)
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
            if let items = rulesNode.items {
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
            } else if !rulesNode.isNull {
                issues.append(rulesNode.issue("'rules' must be a list of rules"))
            }
        } else if parent == nil {
            issues.append(top.issue("the rule set has no 'rules' list"))
        }
        // Merge: the child overrides its parent's rules by id, key by key; new ids are appended.
        var merged = parent ?? RawSet(name: set.name)
        merged.name = set.name
        if !set.description.isEmpty { merged.description = set.description }
        if let g = set.grades { merged.grades = g }
        if let u = set.unverifiablePoints { merged.unverifiablePoints = u }
        for r in ownRules {
            if let i = merged.rules.firstIndex(where: { $0.id == r.id }) {
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
            } else {
                merged.rules.append(r)
            }
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

    // MARK: Validation into typed rules

    static func build(_ raw: RawSet, files: [String], resolve: @escaping (String, String) -> RuleFileText?, issues: inout [RuleFileIssue]) -> RuleSet {
        var grades: [GradeBand] = []
        if let g = raw.grades {
            if let items = g.items {
                for item in items {
                    guard let e = item.entries, let name = e.first(where: { $0.key == "name" })?.value.string,
                          let minNode = e.first(where: { $0.key == "min" })?.value else {
                        issues.append(item.issue("each grade needs 'name' and 'min', e.g. { name: 优秀, min: 90 }")); continue
                    }
                    guard let min = minNode.number, (0...100).contains(min) else {
                        issues.append(minNode.issue("grade '\(name)': 'min' must be a score from 0 to 100")); continue
                    }
                    for (k, kn, _) in e where k != "name" && k != "min" { issues.append(kn.issue(Suggest.unknownKey(k, known: ["name", "min"], in: "a grade"))) }
                    grades.append(GradeBand(name: name, minimum: min))
                }
            } else { issues.append(g.issue("'grades' must be a list of { name, min }")) }
            // Every score needs a grade: without a band from 0, an 80 would get the top grade.
            if !grades.isEmpty, !grades.contains(where: { $0.minimum == 0 }) {
                issues.append(g.issue("the grades must include one with 'min: 0' (every score needs a grade), e.g. { name: 不合格, min: 0 }"))
            }
        }
        if grades.isEmpty {
            grades = [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "良好", minimum: 80),
                      GradeBand(name: "合格", minimum: 60), GradeBand(name: "不合格", minimum: 0)]
        }
        var unverifiable = 1.0
        if let u = raw.unverifiablePoints {
            if let n = u.number, (0...100).contains(n) { unverifiable = n } else { issues.append(u.issue("'unverifiable_points' must be a number from 0 to 100")) }
        }
        var rules: [RuleDefinition] = []
        for r in raw.rules where r.enabled {
            if let rule = buildRule(r, resolve: resolve, issues: &issues) { rules.append(rule) }
        }
        return RuleSet(name: raw.name, description: raw.description, grades: grades, unverifiablePoints: unverifiable,
                       rules: rules, files: files.reversed())
    }

    static func buildRule(_ r: RawRule, resolve: @escaping (String, String) -> RuleFileText?, issues: inout [RuleFileIssue]) -> RuleDefinition? {
        let anchor = r.fields["id"]!
        func field(_ k: String) -> YAMLValue? { r.fields[k] }
        guard let kindNode = field("kind"), let kindName = kindNode.string else {
            issues.append(anchor.issue("rule '\(r.id)' has no 'kind'; one of: \(CheckKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let kind = CheckKind(rawValue: kindName) else {
            var m = "rule '\(r.id)': unknown kind '\(kindName)'"
            if let s = Suggest.closest(kindName, in: CheckKind.allCases.map(\.rawValue)) { m += "; did you mean '\(s)'?" }
            else { m += "; known kinds: \(CheckKind.allCases.map(\.rawValue).joined(separator: ", "))" }
            issues.append(kindNode.issue(m)); return nil
        }
        var severity = Severity.error
        if let s = field("severity") {
            if let v = s.string.flatMap(Severity.init(rawValue:)) { severity = v }
            else { issues.append(s.issue("rule '\(r.id)': severity must be error, warning or info")) }
        }
        func points(_ key: String, required: Bool) -> Double? {
            guard let p = field(key) else {
                if required { issues.append(anchor.issue("rule '\(r.id)' has no '\(key)' (its maximum deduction)")) }
                return nil
            }
            guard let n = p.number, n >= 0, n <= 100 else { issues.append(p.issue("rule '\(r.id)': '\(key)' must be a number from 0 to 100")); return nil }
            return n
        }
        let maxPoints = points("points", required: true) ?? 0
        let each = points("points_each", required: false)
        let unverifiable = points("unverifiable_points", required: false)

        var title = Localized(zh: r.id, en: r.id)
        if let t = field("title") {
            if let e = t.entries, let zh = e.first(where: { $0.key == "zh" })?.value.string {
                title = Localized(zh: zh, en: e.first(where: { $0.key == "en" })?.value.string ?? zh)
            } else if let s = t.string { title = Localized(zh: s, en: s) }
        }
        let basis = field("basis")?.string ?? ""
        if basis.isEmpty { issues.append(anchor.issue("rule '\(r.id)' has no 'basis' (the article of the 条例 or the clause of the template it enforces)")) }

        var condition = RuleCondition.always
        if let w = field("when") {
            if let e = w.entries {
                for (k, kn, v) in e {
                    switch k {
                    case "template":
                        let names = v.strings ?? []
                        let ts = names.compactMap(TemplateVersion.init(rawValue:))
                        if ts.count != names.count || names.isEmpty { issues.append(v.issue("rule '\(r.id)': 'template' takes 2021 and/or 2019")) }
                        condition.templates = ts
                    case "year_min", "year_max":
                        guard let year = v.integer(in: 1990...2200) else {
                            issues.append(v.issue("rule '\(r.id)': '\(k)' must be a year such as 2021")); continue
                        }
                        if k == "year_min" { condition.yearMin = year } else { condition.yearMax = year }
                    default: issues.append(kn.issue(Suggest.unknownKey(k, known: ["template", "year_min", "year_max"], in: "'when'")))
                    }
                }
            } else { issues.append(w.issue("rule '\(r.id)': 'when' must be a mapping (template, year_min, year_max)")) }
        }

        // Messages: every variant the check emits must have zh and en; unknown variants are errors.
        var messages: [String: MessageVariant] = [:]
        let variants = kind.variants
        for (name, value) in r.messages {
            guard let spec = variants.first(where: { $0.name == name }) else {
                var m = "rule '\(r.id)': unknown message variant '\(name)' for kind \(kind.rawValue)"
                if let s = Suggest.closest(name, in: variants.map(\.name)) { m += "; did you mean '\(s)'?" }
                else { m += "; variants: \(variants.map(\.name).joined(separator: ", "))" }
                issues.append(value.issue(m)); continue
            }
            guard let e = value.entries else { issues.append(value.issue("message '\(name)' must have 'zh' and 'en'")); continue }
            var zh = "", en = ""
            var sev: Severity?
            var pe: Double?
            for (k, kn, v) in e {
                switch k {
                case "zh": zh = v.string ?? ""
                case "en": en = v.string ?? ""
                case "severity":
                    sev = v.string.flatMap(Severity.init(rawValue:))
                    if sev == nil { issues.append(v.issue("severity must be error, warning or info")) }
                case "points_each":
                    pe = v.number.flatMap { (0...100).contains($0) ? $0 : nil }
                    if pe == nil { issues.append(v.issue("rule '\(r.id)': 'points_each' must be a number from 0 to 100")) }
                default: issues.append(kn.issue(Suggest.unknownKey(k, known: ["zh", "en", "severity", "points_each"], in: "a message")))
                }
            }
            if zh.isEmpty || en.isEmpty { issues.append(value.issue("rule '\(r.id)': message '\(name)' needs both 'zh' and 'en'")) }
            for placeholder in placeholders(in: zh + en) where !spec.placeholders.contains(placeholder) {
                issues.append(value.issue("rule '\(r.id)': message '\(name)' uses {\(placeholder)}, which kind \(kind.rawValue) does not supply; available: \(spec.placeholders.map { "{\($0)}" }.joined(separator: " "))"))
            }
            messages[name] = MessageVariant(zh: zh, en: en, severity: sev, pointsEach: pe)
        }
        for v in variants where messages[v.name] == nil {
            issues.append(anchor.issue("rule '\(r.id)' has no message for '\(v.name)' (kind \(kind.rawValue) reports it); add message: \(v.name): { zh: …, en: … }"))
        }

        let params = kind.parameters(r.params, ruleID: r.id, anchor: anchor, readFile: resolve, issues: &issues)

        var examples = RuleExamples()
        if let ex = field("examples") {
            if let e = ex.entries {
                for (k, kn, v) in e {
                    let texts = v.strings
                    if texts == nil { issues.append(v.issue("examples '\(k)' must be a list of report snippets")) }
                    let places = (v.items ?? [v]).map { "\($0.file):\($0.line ?? v.line ?? 0)" }
                    switch k {
                    case "pass": examples.pass = texts ?? []; examples.places[.pass] = places
                    case "fail": examples.fail = texts ?? []; examples.places[.fail] = places
                    case "unverifiable": examples.unverifiable = texts ?? []; examples.places[.unverifiable] = places
                    default: issues.append(kn.issue(Suggest.unknownKey(k, known: ["pass", "fail", "unverifiable"], in: "'examples'")))
                    }
                }
            } else { issues.append(ex.issue("'examples' must be a mapping with 'pass' and 'fail' lists")) }
        }
        if examples.pass.isEmpty || examples.fail.isEmpty {
            issues.append(anchor.issue("rule '\(r.id)' needs at least one 'pass' and one 'fail' example (they document the rule and the tests run them)"))
        }
        return RuleDefinition(id: r.id, kind: kind, severity: severity, points: maxPoints, pointsEach: each,
                              unverifiablePoints: unverifiable, parameters: params, messages: messages, title: title,
                              basis: basis, condition: condition, examples: examples,
                              origin: "\(anchor.file):\(anchor.line ?? 0)")
    }

    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}" { if let n = current, !n.isEmpty { out.append(n) }; current = nil }
            else if current != nil { current!.append(c) }
        }
        return out
    }
}
