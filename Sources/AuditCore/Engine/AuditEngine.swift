import AuditDocument
/// Evaluates a rule set on reports and scores them, in three steps so that the per-report work
/// can run in parallel: `prepare` each report, `runCorpusRules` over all of them, `finish` each.
/// Pure.
public enum AuditEngine {
    /// Audits one report on its own (a corpus of one).
    public static func audit(_ report: Report, rules: RuleSet, language: Language) -> ReportAudit {
        auditAll([report], history: [], rules: rules, language: language).audits[0]
    }

    /// Audits a corpus, sequentially; the frontend runs the same steps in parallel.
    public static func auditAll(_ reports: [Report], history: [Report], rules: RuleSet, language: Language) -> (audits: [ReportAudit], clusters: [ReuseCluster]) {
        var prepared = reports.map { prepare($0, rules: rules) }
        let clusters = runCorpusRules(&prepared, history: history.map { historyDocument($0, rules: rules) }, rules: rules)
        return (prepared.map { finish($0, rules: rules, language: language) }, clusters)
    }

    public static func prepare(_ report: Report, rules: RuleSet) -> PreparedReport {
        let reason = notReportReason(report)
        var narrative: NarrativeDocument?
        if reason == nil, let p = reuseParameters(rules) { narrative = p.settings.document(report) }
        return PreparedReport(report: report, rules: rules, results: rules.rules.map { reason != nil ? nil : CheckRunner.evaluate($0, on: report) },
                              narrative: narrative, notReport: reason)
    }

    /// Why a parsed file is not audited as a report: nothing of one was found, or nothing of its
    /// body — no part, no part's content, no table. A page that only links the report as an
    /// attachment, a cover letter (报送函) or a README names the report without holding it;
    /// auditing it would accuse it of every missing part.
    static func notReportReason(_ r: Report) -> Localized? {
        if looksLikeNoReport(r) {
            return Localized(zh: "未识别为政府信息公开工作年度报告：没有找到标题、年度或任何一个规定部分",
                             en: "not recognised as an annual report: no title, year or section was found")
        }
        if let kind = otherDocumentTitle(r), r.applicationTable == nil, r.reviewTable == nil, r.proactiveTable == nil {
            return Localized(zh: "未识别为政府信息公开工作年度报告：标题“\(kind)”表明这是另一种文件（通知、指南、总结、解读等），且没有统计表；如确为年度报告，请提供报告全文",
                             en: "not recognised as an annual report: the title '\(kind)' names another kind of document (a notice, guide, summary, explainer) and it has no tables; supply the report itself")
        }
        if r.sections.isEmpty, r.sectionEvidence.isEmpty, r.applicationTable == nil, r.reviewTable == nil, r.proactiveTable == nil {
            return Localized(zh: "未找到年度报告正文：没有识别出任何一个规定部分、统计表或其内容（可能是报告的链接页、附件说明或报送函），请提供报告全文",
                             en: "no report body was found: no section, table or section content (a page linking the report, a cover letter?); supply the full report")
        }
        return nil
    }

    /// The narrative document of a report whose text was released, from its lines read again.
    public static func narrativeDocument(_ released: ReleasedReport, lines: [String], rules: RuleSet) -> NarrativeDocument? {
        let report = released.restored(lines: lines)
        return looksLikeNoReport(report) ? nil : reuseParameters(rules)?.settings.document(report)
    }

    /// A report of an earlier year, prepared for comparison only (`--history`).
    public static func historyDocument(_ report: Report, rules: RuleSet) -> HistoryReport {
        HistoryReport(report, narrative: reuseParameters(rules)?.settings.document(report))
    }

    static func reuseParameters(_ rules: RuleSet) -> NarrativeReuseCheck.Parameters? {
        rules.rules.lazy.compactMap { $0.parameters.of(NarrativeReuseCheck.Parameters.self) }.first
    }

    /// Runs the corpus-wide rules and stores their results in each prepared report.
    /// `reload(i, report)` rebuilds the narrative of prepared report `i` whose text was released.
    public static func runCorpusRules(_ prepared: inout [PreparedReport], history: [HistoryReport], rules: RuleSet,
                                      reload: (Int, ReleasedReport) -> NarrativeDocument? = { _, _ in nil }) -> [ReuseCluster] {
        withoutActuallyEscaping(reload) { reload in
            var clusters: [ReuseCluster] = []
            let context = CorpusContext(history: history, reload: reload)
            for (ri, rule) in rules.rules.enumerated() {
                guard let check = rule.kind.check as? any CorpusCheck.Type else { continue }
                let found = check.run(&prepared, rule: rule, at: ri, context: context)
                if clusters.isEmpty { clusters = found }
            }
            return clusters
        }
    }

    public static func finish(_ prepared: PreparedReport, rules: RuleSet, language: Language, exemptions: ExemptionSet? = nil) -> ReportAudit {
        let report = prepared.released, lines = prepared.report?.lines ?? []
        if let reason = prepared.notReport {
            return special(file: report.source, status: .notReport, rule: "input.report", message: reason, rules: rules, language: language, lines: lines)
        }
        var findings: [Finding] = []
        var outcomes: [(rule: String, outcome: Outcome)] = []
        var applicable = 0, verified = 0
        var expired: [Exemption] = []
        for (ri, rule) in rules.rules.enumerated() {
            let result = prepared.results[ri] ?? .notApplicable
            outcomes.append((rule.id, result.outcome))
            if result.outcome != .notApplicable { applicable += 1 }
            if result.outcome == .pass || result.outcome == .fail { verified += 1 }
            findings += Scoring.findings(result, rule: rule, set: rules, language: language,
                                         exemptions: exemptions, report: (report.source, report.agency), expired: &expired)
        }
        // A note on how the text was read, first among the findings; it costs nothing.
        func note(_ rule: String, _ text: Localized) {
            findings.insert(Finding(rule: rule, severity: .info, outcome: .unverifiable, message: text.text(language), line: nil, excerpt: nil, deduction: 0), at: 0)
        }
        // Findings on OCR text say so: its line numbers and quotations are the OCR's.
        if report.origin.isOCR {
            for i in findings.indices where findings[i].outcome == .fail {
                findings[i].message += language == .zh ? "（依据扫描件的 OCR 识别文字）" : " (on the scan's OCR text)"
            }
            note("input.ocr", Localized(zh: "报告为扫描件（PDF 中没有文字），内容经 OCR 识别；行号与引文以识别文字为准，可能有识别错误",
                                        en: "the report is a scan (no text in the PDF) read by OCR; lines and quotations are the OCR text's and may hold misreadings"))
        }
        if report.traditionalScript {
            note("input.script", Localized(zh: "报告为繁体字，已逐字转换为简体后审核；引文为转换后的文字，行号与原文一致",
                                           en: "the report is in traditional characters, read converted to simplified ones; quotations are converted, line numbers are the original's"))
        }
        let score = Scoring.score(findings)
        for i in findings.indices {
            guard let line = findings[i].line else { continue }
            let holding = report.sections.filter { $0.span.first <= line && line <= $0.span.last }
            if holding.count == 1 { findings[i].section = holding[0].kind }
        }
        return ReportAudit(file: report.source, agency: report.agency, year: report.year, template: report.template,
                           publicationDate: report.publicationDate, status: .parsed, findings: findings, outcomes: outcomes,
                           score: score, grade: rules.grade(for: score), verifiedRules: verified, applicableRules: applicable,
                           lines: lines, expiredExemptions: expired)
    }

    /// An input that could not be read still gets a row, a score of 0 and a finding that says why.
    public static func unreadable(file: String, reason: Localized, rules: RuleSet, language: Language) -> ReportAudit {
        special(file: file, status: .unreadable(reason), rule: "input.readable", message: reason, rules: rules, language: language, lines: [])
    }

    static func special(file: String, status: InputStatus, rule: String, message: Localized, rules: RuleSet,
                        language: Language, lines: [String]) -> ReportAudit {
        let f = Finding(rule: rule, severity: .error, outcome: .fail, message: message.text(language), line: nil, excerpt: nil, deduction: 100)
        return ReportAudit(file: file, agency: nil, year: nil, template: nil, publicationDate: nil, status: status, findings: [f],
                           outcomes: rules.rules.map { ($0.id, Outcome.unverifiable) }, score: 0, grade: rules.grade(for: 0),
                           verifiedRules: 0, applicableRules: rules.rules.count, lines: lines)
    }

    /// Notes that a file's bytes equal another input's; informational, no deduction.
    public static func markDuplicate(_ audit: inout ReportAudit, of original: String, language: Language) {
        let m = Localized(zh: "与 \(original) 内容完全相同（重复文件）", en: "identical to \(original) (a duplicate file)")
        audit.findings.append(Finding(rule: "input.duplicate", severity: .info, outcome: .fail, message: m.text(language),
                                      line: nil, excerpt: nil, deduction: 0, sources: [SourceRef(file: original, line: 1)]))
    }

    /// Notes reports of one agency and one year given in more than one file (a page and its text,
    /// an earlier and a corrected version): they are not compared with each other for reuse, and
    /// the office should know which one counts. Byte-identical files have their own note.
    public static func markSameReports(_ audits: inout [ReportAudit], language: Language) {
        var groups: [String: [Int]] = [:]
        for (i, a) in audits.enumerated() where a.status == .parsed && !a.findings.contains(where: { $0.rule == "input.duplicate" }) {
            guard let name = AgencyName.key(a.agency), let year = a.year else { continue }
            groups["\(name)|\(year)", default: []].append(i)
        }
        for members in groups.values where members.count > 1 {
            for i in members {
                let others = members.filter { $0 != i }.map { audits[$0].file }
                let m = Localized(zh: "与 \(others.joined(separator: "、")) 为同一单位同一年度的报告（同一报告的另一文件或另一版本？），两者之间不作雷同比对",
                                  en: "the same agency's report for the same year as \(others.joined(separator: ", ")) (another file or version of one report?); they are not compared for reuse")
                audits[i].findings.append(Finding(rule: "input.duplicate", severity: .info, outcome: .fail, message: m.text(language),
                                                  line: nil, excerpt: nil, deduction: 0, sources: others.map { SourceRef(file: $0, line: 1) }))
            }
        }
    }

    /// Notes that the report's own page could not be written; informational, no deduction.
    public static func markPageUnwritten(_ audit: inout ReportAudit, reason: String, language: Language) {
        let m = Localized(zh: "此报告的审核页面无法写入（\(reason)），审核结果见 ranking 与 audit.jsonl",
                          en: "this report's page could not be written (\(reason)); its results are in the ranking and audit.jsonl")
        audit.findings.append(Finding(rule: "output.page", severity: .info, outcome: .unverifiable, message: m.text(language),
                                      line: nil, excerpt: nil, deduction: 0))
    }

    /// The first line of a document whose title names another kind of document than a report: it
    /// ends in 通知, 指南, 总结… (关于做好…年度报告编制工作的通知) or opens as an explainer (一图读懂…).
    static func otherDocumentTitle(_ r: Report) -> String? {
        // A contents list's heading (`目录`) above the report's title is no title of its own; a
        // file of contents alone is a contents page.
        let lines = r.lines.lazy.map { TextNormalizer.trim($0) }.filter { !$0.isEmpty }
        guard var first = lines.first else { return nil }
        if ["目录", "目 录", "正文"].contains(first), let next = lines.dropFirst().first, TitleReader.titlePart(TextNormalizer.compact(next)) != nil { first = next }
        guard first.unicodeScalars.count <= 80 else { return nil }
        let c = TextNormalizer.compact(TextNormalizer.stripMarkdown(first))
        let ends = ["通知", "指南", "总结", "工作要点", "实施方案", "工作方案", "意见", "办法", "规定", "公告", "通报", "函", "目录", "清单"]
        let opens = ["一图读懂", "图解", "一图看懂", "解读"]
        return ends.contains(where: { c.hasSuffix($0) }) || opens.contains(where: { c.hasPrefix($0) }) ? first : nil
    }

    static func looksLikeNoReport(_ r: Report) -> Bool {
        r.sections.isEmpty && r.agency == nil && r.year == nil && r.periods.isEmpty
    }
}
