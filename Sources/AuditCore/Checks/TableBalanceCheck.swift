import AuditDocument
/// `table_balance`: the arithmetic identities (勾稽关系) of tables 三 and 四, written in the rule
/// file over named cells. An identity over a missing row, an unreliable row, or a blank,
/// placeholder or unreadable cell is unverifiable, never failed: a parsing problem must not read
/// as an imbalance. Counts compare exactly; amounts printed with decimals compare within the
/// precision printed (intervals of ± half a unit in the last place must overlap).
public enum TableBalanceCheck: ReportCheck {
    /// One identity: for each column (or each row) of `table`, Σ `sum` = Σ `equals`.
    public struct Identity: Sendable {
        public enum Axis: String, Sendable { case column, row }
        public var id: String
        public var title: Localized
        public var table: TableName
        public var each: Axis
        /// Row or group names when `each: column`; column names when `each: row`.
        public var sum: [String]
        public var equals: [String]
        public var templates: [TemplateVersion]
    }

    public struct Parameters: Sendable {
        public var identities: [Identity]

        init(_ r: inout ParameterReader) {
            identities = []
            guard let list = r.value("identities") else { r.fail(nil, "'params: identities' is required"); return }
            guard let items = list.items, !items.isEmpty else { r.fail(list, "'identities' must be a non-empty list"); return }
            let keys = ["id", "title", "table", "each", "sum", "equals", "templates"]
            for item in items {
                guard let e = item.entries else { r.fail(item, "each identity must be a mapping"); continue }
                func v(_ k: String) -> YAMLValue? { e.first { $0.key == k }?.value }
                for (k, kn, _) in e where !keys.contains(k) { r.issues.append(kn.issue(Suggest.unknownKey(k, known: keys, in: "an identity"))) }
                guard let id = v("id")?.string else { r.fail(item, "an identity has no 'id'"); continue }
                guard let tableName = v("table")?.string, let table = TableName(rawValue: tableName) else {
                    r.fail(v("table") ?? item, "identity '\(id)': 'table' must be application or review"); continue
                }
                guard let axisName = v("each")?.string, let axis = Identity.Axis(rawValue: axisName) else {
                    r.fail(v("each") ?? item, "identity '\(id)': 'each' must be column or row"); continue
                }
                guard let sum = v("sum")?.strings, !sum.isEmpty, let equals = v("equals")?.strings, !equals.isEmpty else {
                    r.fail(item, "identity '\(id)': 'sum' and 'equals' must be non-empty lists of cell names"); continue
                }
                var templates = TemplateVersion.allCases
                if let t = v("templates") {
                    let names = t.strings ?? []
                    templates = names.compactMap(TemplateVersion.init(rawValue:))
                    if templates.count != names.count || templates.isEmpty { r.fail(t, "identity '\(id)': 'templates' takes 2021 and/or 2019") }
                }
                var title = Localized(zh: id, en: id)
                if let t = v("title") {
                    if let te = t.entries, let zh = te.first(where: { $0.key == "zh" })?.value.string {
                        title = Localized(zh: zh, en: te.first(where: { $0.key == "en" })?.value.string ?? zh)
                    } else if let s = t.string { title = Localized(zh: s, en: s) }
                }
                // Every name must exist in the table of every template the identity applies to.
                for template in templates {
                    let schema = TemplateLabels.schema(table, template)
                    for (name, node) in (sum.map { ($0, v("sum")!) } + equals.map { ($0, v("equals")!) }) {
                        let ok = axis == .column ? schema.expandRows(name) != nil : schema.columnIndex(name) != nil
                        if !ok {
                            let known = axis == .column ? schema.rows.map(\.id) + schema.groups.map(\.name) : schema.columns.map(\.id)
                            var m = "identity '\(id)': the \(table.rawValue) table (\(template.rawValue) template) has no \(axis == .column ? "row" : "column") '\(name)'"
                            if let s = Suggest.closest(name, in: known) { m += "; did you mean '\(s)'?" }
                            else { m += "; known: \(known.joined(separator: ", "))" }
                            if templates.count > 1 { m += " (or limit the identity with 'templates:')" }
                            r.fail(node, m)
                        }
                    }
                }
                identities.append(Identity(id: id, title: title, table: table, each: axis, sum: sum, equals: equals, templates: templates))
            }
        }
    }

    enum Variant: String, CheckVariant {
        case imbalance

        var placeholders: [String] {
            switch self {
            case .imbalance: return ["identity", "where", "left", "right"]
            }
        }
    }

    static func parameters(_ r: inout ParameterReader) -> Parameters { Parameters(&r) }

    static func describe(_ p: Parameters) -> String {
        p.identities.map { "\n    \($0.id) [\($0.table.rawValue), each \($0.each.rawValue)]: \($0.sum.joined(separator: " + ")) = \($0.equals.joined(separator: " + "))" }.joined()
    }

    /// A cell reference resolved for one instance of an identity.
    struct Term { var row: Int; var column: Int }

    public static func evaluate(_ report: Report, _ p: Parameters) -> CheckResult {
        if let doubt = report.figuresInDoubt, let template = report.template, p.identities.contains(where: { $0.templates.contains(template) }) {
            return .from([.unverifiable(doubt)])
        }
        var obs: [Observation] = []
        for identity in p.identities {
            guard let template = report.template, identity.templates.contains(template) else { continue }
            guard let table = report.table(identity.table) else {
                let why = report.tableProblems[identity.table] ?? "未找到该表"
                obs.append(.unverifiable(Localized(zh: "\(identity.table.chineseName)：\(why)", en: "\(identity.table.englishName): \(why)")))
                continue
            }
            obs += check(identity, table)
        }
        return .from(obs)
    }

    /// One identity over one table: a failure for each instance that does not hold, and one
    /// could-not-verify that counts the instances that could not be read.
    static func check(_ identity: Identity, _ table: StatisticalTable) -> [Observation] {
        let schema = table.schema
        var obs: [Observation] = []
        var unverifiable: [(place: String, reason: Localized, line: Int?)] = []
        var checked = 0
        let instances = identity.each == .column ? schema.columns.indices.map { $0 } : schema.rows.indices.map { $0 }
        for k in instances {
            func terms(_ names: [String]) -> [Term] {
                if identity.each == .column {
                    return names.flatMap { schema.expandRows($0) ?? [] }.compactMap { schema.rowIndex($0) }.map { Term(row: $0, column: k) }
                }
                return names.compactMap { schema.columnIndex($0) }.map { Term(row: k, column: $0) }
            }
            let left = terms(identity.sum), right = terms(identity.equals)
            let place = identity.each == .column ? "“\(schema.columns[k].label)”列" : "“\(schema.rows[k].label)”行"
            let placeEn = identity.each == .column ? "column '\(schema.columns[k].englishLabel)'" : "row '\(schema.rows[k].englishLabel)'"
            switch resolve(left + right, in: table, zeroable: Array(repeating: left.count > 1, count: left.count) + Array(repeating: right.count > 1, count: right.count)) {
            case .failure(let problem):
                unverifiable.append((place, problem.reason, problem.line))
            case .success(let read):
                let cells = read.map { ($0.cell, $0.value) }
                let l = Array(cells.prefix(left.count)), r = Array(cells.suffix(right.count))
                let holds = Quantity.sumsAgree(l.map(\.1), r.map(\.1))
                // Blank cells read as 0 (tables that leave zeros blank): an identity that then
                // holds is checked; one that does not may be a figure left out, never an imbalance.
                if let b = read.firstIndex(where: \.blank), !holds {
                    let t = (left + right)[b], row = schema.rows[t.row], col = schema.columns[t.column]
                    unverifiable.append((place, Localized(zh: "“\(row.label)”行“\(col.label)”列空白（未填数字），按0计算不平衡，可能漏填",
                                                          en: "row '\(row.englishLabel)', column '\(col.englishLabel)' is blank; read as 0 the identity does not hold (a figure left out?)"),
                                        read[b].cell.line))
                    continue
                }
                // A row cut from run-together digits by its own total (the one reading where the
                // total equals its parts) holds by construction: it proves nothing either way,
                // so it is neither a pass nor a doubt; the columns still check its cells.
                if identity.each == .row, cells.allSatisfy({ $0.0.split == .byTotal }) { continue }
                checked += 1
                if !holds { obs.append(imbalance(identity, Localized(zh: place, en: placeEn), left, l, right, r, schema)) }
            }
        }
        if let first = unverifiable.first {
            obs.append(.unverifiable(Localized(
                zh: "\(identity.title.zh)：\(instances.count)处中\(unverifiable.count)处无法核验（已核验\(checked)处），如\(first.place)：\(first.reason.zh)",
                en: "\(identity.title.en): \(unverifiable.count) of \(instances.count) could not be verified (\(checked) verified), e.g. \(first.place): \(first.reason.en)"),
                line: first.line))
        }
        return obs
    }

    /// The failure of one instance, citing every cell of both sides.
    static func imbalance(_ identity: Identity, _ place: Localized, _ left: [Term], _ l: [(Cell, Quantity)], _ right: [Term], _ r: [(Cell, Quantity)],
                          _ schema: TableSchema) -> Observation {
        let lText = expression(left, l, schema), rText = expression(right, r, schema)
        var o = Observation(.fail, Variant.imbalance,
                            values: ["identity": identity.title, "where": place,
                                     "left": Localized(zh: lText.zh, en: lText.en), "right": Localized(zh: rText.zh, en: rText.en)],
                            line: (l + r).first?.0.line,
                            excerpt: "\(lText.zh) ≠ \(rText.zh)")
        o.relatedLines = (l + r).map(\.0.line)
        return o
    }

    struct Problem: Error { var reason: Localized; var line: Int? }

    /// The cells of an identity's terms. A blank cell reads as 0 where `zeroable` says so (the
    /// domain's policy: addends left blank may be evaluated so; a total standing alone on its side
    /// never is), unless every term is blank.
    static func resolve(_ terms: [Term], in table: StatisticalTable, zeroable: [Bool] = []) -> Result<[(cell: Cell, value: Quantity, blank: Bool)], Problem> {
        var out: [(cell: Cell, value: Quantity, blank: Bool)] = []
        var firstBlank: Problem?
        for (i, t) in terms.enumerated() {
            let spec = table.schema.rows[t.row]
            switch table.rows[t.row] {
            case .missing:
                return .failure(Problem(reason: Localized(zh: "未找到“\(spec.label)”行", en: "row '\(spec.englishLabel)' not found"), line: nil))
            case .unreliable(let reason, let line):
                return .failure(Problem(reason: Localized(zh: "“\(spec.label)”行\(reason.zh)", en: "row '\(spec.englishLabel)': \(reason.en)"), line: line))
            case .read(let cells):
                let cell = cells[t.column]
                guard case .number(let q) = cell.value else {
                    let col = table.schema.columns[t.column]
                    // A row of table 三 whose 总计 is 0 has every applicant at 0: counts are never negative.
                    if cell.value == .blank, table.name == .application, t.column < cells.count - 1,
                       case .number(let total)? = cells.last?.value, total.mantissa == 0 {
                        out.append((cell, Quantity(mantissa: 0, scale: 0), false))
                        continue
                    }
                    if cell.value == .blank {
                        let problem = Problem(reason: Localized(zh: "“\(spec.label)”行“\(col.label)”列空白（未填数字）", en: "row '\(spec.englishLabel)', column '\(col.englishLabel)' is blank"),
                                              line: cell.line)
                        guard i < zeroable.count, zeroable[i] else { return .failure(problem) }
                        firstBlank = firstBlank ?? problem
                        out.append((cell, Quantity(mantissa: 0, scale: 0), true))
                        continue
                    }
                    return .failure(Problem(reason: Localized(zh: "“\(spec.label)”行“\(col.label)”列为“\(cell.text)”，不是数字",
                                                              en: "row '\(spec.englishLabel)', column '\(col.englishLabel)' holds '\(cell.text)', not a number"),
                                            line: cell.line))
                }
                out.append((cell, q, false))
            }
        }
        if let firstBlank, out.allSatisfy(\.blank) { return .failure(firstBlank) }
        return .success(out)
    }

    /// `（一）予以公开[自然人]=2（第10行） + …，合计3`. A long sum lists only its non-zero terms: the
    /// zeros of twenty result rows would bury the evidence.
    static func expression(_ terms: [Term], _ values: [(Cell, Quantity)], _ schema: TableSchema) -> (zh: String, en: String) {
        var zh: [String] = [], en: [String] = []
        let long = terms.count > 4
        for (t, v) in zip(terms, values) where !long || v.1.mantissa != 0 {
            let row = schema.rows[t.row], col = schema.columns[t.column]
            zh.append("\(row.label)[\(col.label)]=\(v.1)（第\(v.0.line)行）")
            en.append("\(row.englishLabel)[\(col.englishLabel)]=\(v.1) (line \(v.0.line))")
        }
        let total = sum(values.map(\.1))
        if long {
            let rest = Localized(zh: zh.isEmpty ? "\(terms.count)项均为0" : "其余\(terms.count - zh.count)项为0", en: en.isEmpty ? "all \(terms.count) terms are 0" : "the other \(terms.count - en.count) terms are 0")
            zh.append(rest.zh); en.append(rest.en)
            return (zh.joined(separator: " + ").replacingOccurrences(of: " + 其余", with: "，其余") + "，合计\(total)",
                    en.joined(separator: " + ").replacingOccurrences(of: " + the other", with: "; the other") + ", total \(total)")
        }
        return (zh.joined(separator: " + ") + (terms.count > 1 ? "，合计\(total)" : ""),
                en.joined(separator: " + ") + (terms.count > 1 ? ", total \(total)" : ""))
    }

    static func sum(_ qs: [Quantity]) -> Quantity {
        let scale = qs.map(\.scale).max() ?? 0
        var m: Int64 = 0
        for q in qs {
            var f: Int64 = 1
            for _ in 0..<(scale - q.scale) { f *= 10 }
            m += q.mantissa * f
        }
        return Quantity(mantissa: m, scale: scale)
    }
}
