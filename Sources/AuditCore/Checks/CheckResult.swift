import AuditDocument
/// What a check concluded about one report.
public struct CheckResult: Sendable {
    public var outcome: Outcome
    public var observations: [Observation]

    public static let pass = CheckResult(outcome: .pass, observations: [])
    public static let notApplicable = CheckResult(outcome: .notApplicable, observations: [])

    /// Fail if anything failed; else unverifiable if anything could not be verified; else pass.
    public static func from(_ observations: [Observation]) -> CheckResult {
        if observations.contains(where: { $0.outcome == .fail }) { return CheckResult(outcome: .fail, observations: observations) }
        if observations.contains(where: { $0.outcome == .unverifiable }) { return CheckResult(outcome: .unverifiable, observations: observations) }
        return CheckResult(outcome: .pass, observations: observations)
    }
}

extension CheckResult {
    /// On OCR text whose figures were not all read with confidence, a failure that rests on the
    /// value of a figure (a date, a year) may be a misreading: it becomes "could not verify",
    /// quoting what was read. Failures of other variants (a statement missing) stand.
    func doubting(_ doubt: Localized?, variants: Set<String>) -> CheckResult {
        guard let doubt else { return self }
        return .from(observations.map { o in
            guard o.outcome == .fail, variants.contains(o.variant) else { return o }
            let seen = o.excerpt.map { Localized(zh: "；识别为“\($0)”", en: "; read as '\($0)'") } ?? Localized(zh: "", en: "")
            return .unverifiable(Localized(zh: doubt.zh + seen.zh, en: doubt.en + seen.en), line: o.line, excerpt: o.excerpt)
        })
    }
}
