import AuditDocument
/// Scoring as its own stage: a check's observations become findings with deductions (each
/// failure costs its variant's `points_each`, or the rule's, up to the rule's `points`; a rule
/// that could not be verified costs its small unverifiable deduction once), reviewed exemptions
/// waive a deduction, and the score is 100 less the deductions.
enum Scoring {
    static func score(_ findings: [Finding]) -> Double {
        roundScore(max(0, 100 - findings.reduce(0) { $0 + $1.deduction }))
    }

    static let unverifiableMessage = MessageVariant(zh: "无法核验：{reason}", en: "Could not verify: {reason}", severity: nil, pointsEach: nil)

    /// A check's observations as findings, one per distinct evidence, each with its deduction.
    static func findings(_ result: CheckResult, rule: RuleDefinition, set: RuleSet, language: Language,
                         exemptions: ExemptionSet? = nil, report: (file: String, agency: String?) = ("", nil),
                         expired: inout [Exemption]) -> [Finding] {
        var out: [Finding] = []
        var spent = 0.0
        let failed = result.outcome == .fail
        var unverifiableCharged = false
        for (o, others) in distinct(result.observations) {
            switch o.outcome {
            case .fail:
                let variant = rule.messages[o.variant] ?? unverifiableMessage
                let fingerprint = FindingFingerprint.of(rule: rule.id, o)
                // A reviewed, unexpired exemption waives the deduction; the finding is still shown.
                var waiver: Exemption?
                if let match = exemptions?.exemptions.first(where: { $0.matches(report, rule: rule.id, fingerprint: fingerprint) }) {
                    if exemptions!.isExpired(match) { expired.append(match) } else { waiver = match }
                }
                let each = o.cost ?? variant.pointsEach ?? rule.pointsEach ?? rule.points
                let cost = waiver != nil ? 0 : roundScore(max(0, min(each, rule.points - spent)))
                spent += cost
                out.append(Finding(rule: rule.id, severity: variant.severity ?? rule.severity, outcome: .fail,
                                   message: withCount(variant.render(language, o.values), others, language), line: o.line, excerpt: o.excerpt, deduction: cost,
                                   sources: o.sources, relatedLines: related(o), fingerprint: fingerprint, exemption: waiver))
            case .unverifiable:
                var cost = 0.0
                if !failed && !unverifiableCharged {
                    cost = rule.unverifiableCost(in: set)
                    unverifiableCharged = true
                }
                out.append(Finding(rule: rule.id, severity: .info, outcome: .unverifiable,
                                   message: withCount(unverifiableMessage.render(language, o.values), others, language), line: o.line, excerpt: o.excerpt, deduction: cost,
                                   relatedLines: related(o), fingerprint: FindingFingerprint.of(rule: rule.id, o)))
            case .pass, .notApplicable:
                continue
            }
        }
        return out
    }

    /// One observation per distinct evidence: the same variant with the same values at the same
    /// place (the same reason a table cannot be read, given by three identities; the same sentence
    /// found twice) is kept once, with the count of the others, so that it is shown and costs once.
    static func distinct(_ observations: [Observation]) -> [(observation: Observation, others: Int)] {
        var out: [(observation: Observation, others: Int)] = []
        var index: [String: Int] = [:]
        for o in observations {
            let values = o.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.zh)" }.joined(separator: "\u{2}")
            let key = "\(o.outcome.rawValue)\u{1}\(o.variant)\u{1}\(values)\u{1}\(o.line ?? 0)\u{1}\(o.excerpt ?? "")"
            if let i = index[key] { out[i].others += 1; continue }
            index[key] = out.count
            out.append((o, 0))
        }
        return out
    }

    static func withCount(_ message: String, _ others: Int, _ language: Language) -> String {
        guard others > 0 else { return message }
        return message + (language == .en ? " (and \(others) more like it)" : "（另有\(others)处相同）")
    }

    static func related(_ o: Observation) -> [Int] {
        Array(Set(o.relatedLines + (o.line.map { [$0] } ?? []))).sorted()
    }

    static func roundScore(_ s: Double) -> Double { (s * 100).rounded() / 100 }
}
