import AuditDocument
import Yams

/// Validation of a merged rule set into typed rules: every problem is collected, with its file,
/// line and column, before any report is read.
extension RuleSetLoader {
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
        guard let kind = kind(of: r, issues: &issues) else { return nil }
        var severity = Severity.error
        if let s = r.fields["severity"] {
            if let v = s.string.flatMap(Severity.init(rawValue:)) { severity = v }
            else { issues.append(s.issue("rule '\(r.id)': severity must be error, warning or info")) }
        }
        let maxPoints = points("points", of: r, required: true, issues: &issues) ?? 0
        let each = points("points_each", of: r, required: false, issues: &issues)
        let unverifiable = points("unverifiable_points", of: r, required: false, issues: &issues)
        var title = Localized(zh: r.id, en: r.id)
        if let t = r.fields["title"] {
            if let e = t.entries, let zh = e.first(where: { $0.key == "zh" })?.value.string {
                title = Localized(zh: zh, en: e.first(where: { $0.key == "en" })?.value.string ?? zh)
            } else if let s = t.string { title = Localized(zh: s, en: s) }
        }
        let basis = r.fields["basis"]?.string ?? ""
        if basis.isEmpty { issues.append(anchor.issue("rule '\(r.id)' has no 'basis' (the article of the 条例 or the clause of the template it enforces)")) }
        let condition = condition(of: r, issues: &issues)
        let messages = messages(of: r, kind: kind, issues: &issues)
        let params = kind.parameters(r.params, ruleID: r.id, anchor: anchor, readFile: resolve, issues: &issues)
        let examples = examples(of: r, issues: &issues)
        return RuleDefinition(id: r.id, kind: kind, severity: severity, points: maxPoints, pointsEach: each,
                              unverifiablePoints: unverifiable, parameters: params, messages: messages, title: title,
                              basis: basis, condition: condition, examples: examples,
                              origin: "\(anchor.file):\(anchor.line ?? 0)")
    }

    /// The rule's check kind, or an issue that names the known kinds (and the closest one).
    static func kind(of r: RawRule, issues: inout [RuleFileIssue]) -> CheckKind? {
        guard let kindNode = r.fields["kind"], let kindName = kindNode.string else {
            issues.append(r.fields["id"]!.issue("rule '\(r.id)' has no 'kind'; one of: \(CheckKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        guard let kind = CheckKind(rawValue: kindName) else {
            var m = "rule '\(r.id)': unknown kind '\(kindName)'"
            if let s = Suggest.closest(kindName, in: CheckKind.allCases.map(\.rawValue)) { m += "; did you mean '\(s)'?" }
            else { m += "; known kinds: \(CheckKind.allCases.map(\.rawValue).joined(separator: ", "))" }
            issues.append(kindNode.issue(m)); return nil
        }
        return kind
    }

    /// A deduction field (`points`, `points_each`, `unverifiable_points`): a number from 0 to 100.
    static func points(_ key: String, of r: RawRule, required: Bool, issues: inout [RuleFileIssue]) -> Double? {
        guard let p = r.fields[key] else {
            if required { issues.append(r.fields["id"]!.issue("rule '\(r.id)' has no '\(key)' (its maximum deduction)")) }
            return nil
        }
        guard let n = p.number, n >= 0, n <= 100 else { issues.append(p.issue("rule '\(r.id)': '\(key)' must be a number from 0 to 100")); return nil }
        return n
    }

    /// `when:` — the templates and years the rule applies to.
    static func condition(of r: RawRule, issues: inout [RuleFileIssue]) -> RuleCondition {
        var condition = RuleCondition.always
        guard let w = r.fields["when"] else { return condition }
        guard let e = w.entries else {
            issues.append(w.issue("rule '\(r.id)': 'when' must be a mapping (template, year_min, year_max)"))
            return condition
        }
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
        return condition
    }

    /// Messages: every variant the check emits must have zh and en; unknown variants are errors.
    static func messages(of r: RawRule, kind: CheckKind, issues: inout [RuleFileIssue]) -> [String: MessageVariant] {
        var messages: [String: MessageVariant] = [:]
        let variants = kind.variants
        for (name, value) in r.messages {
            guard let spec = variants.first(where: { $0.name == name }) else {
                var m = "rule '\(r.id)': unknown message variant '\(name)' for kind \(kind.rawValue)"
                if let s = Suggest.closest(name, in: variants.map(\.name)) { m += "; did you mean '\(s)'?" }
                else { m += "; variants: \(variants.map(\.name).joined(separator: ", "))" }
                issues.append(value.issue(m)); continue
            }
            guard let message = message(name, value, spec: spec, of: r, kind: kind, issues: &issues) else { continue }
            messages[name] = message
        }
        for v in variants where messages[v.name] == nil {
            issues.append(r.fields["id"]!.issue("rule '\(r.id)' has no message for '\(v.name)' (kind \(kind.rawValue) reports it); add message: \(v.name): { zh: …, en: … }"))
        }
        return messages
    }

    /// One message variant: zh and en, an optional severity and deduction, placeholders the kind supplies.
    static func message(_ name: String, _ value: YAMLValue, spec: VariantSpec, of r: RawRule, kind: CheckKind,
                        issues: inout [RuleFileIssue]) -> MessageVariant? {
        guard let e = value.entries else { issues.append(value.issue("message '\(name)' must have 'zh' and 'en'")); return nil }
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
        return MessageVariant(zh: zh, en: en, severity: sev, pointsEach: pe)
    }

    /// `examples:` — pass, fail and unverifiable report snippets with where each is written.
    static func examples(of r: RawRule, issues: inout [RuleFileIssue]) -> RuleExamples {
        var examples = RuleExamples()
        if let ex = r.fields["examples"] {
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
            issues.append(r.fields["id"]!.issue("rule '\(r.id)' needs at least one 'pass' and one 'fail' example (they document the rule and the tests run them)"))
        }
        return examples
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
