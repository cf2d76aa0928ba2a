import AuditDocument

extension Observation {
    /// Checks read folded text (full-width letters, digits and punctuation made half-width,
    /// curly quotes straightened, spaces dropped where PDF extraction put them). The agency
    /// searches its file for what a finding quotes, so the quote is given back as the line
    /// writes it; a quote the line does not hold (one joined across lines) is left as read.
    func quotingSource(_ report: Report) -> Observation {
        guard let line, let e = excerpt, !e.isEmpty, line >= 1, line <= report.lines.count else { return self }
        let source = report.lines[line - 1]
        guard !source.has(e), let written = SourceQuote.find(e, in: source) else { return self }
        var o = self
        o.excerpt = written
        // A value that is the quote, or quotes it in full (`叙述称“不予处理80件”`); a short quote
        // (`2020年`) standing inside other words of a value is left alone.
        func mapped(_ v: String) -> String { v == e ? written : v.replacingOccurrences(of: "“\(e)”", with: "“\(written)”") }
        o.values = values.mapValues { Localized(zh: mapped($0.zh), en: mapped($0.en)) }
        return o
    }
}

/// Finds the stretch of a source line that folds to a quote.
enum SourceQuote {
    static func find(_ quote: String, in line: String) -> String? {
        let q = Array(quote.unicodeScalars)
        let original = Array(line.unicodeScalars)
        for droppingSpaces in [false, true] {
            // The folded line, each scalar with the index of the source scalar it came from.
            var folded: [(scalar: Unicode.Scalar, at: Int)] = []
            for (i, u) in original.enumerated() {
                guard let f = TextNormalizer.foldScalar(u), !(droppingSpaces && f.isSpaceLike) else { continue }
                folded.append((f, i))
            }
            guard folded.count >= q.count else { continue }
            for start in 0...(folded.count - q.count) where folded[start].scalar == q[0] {
                guard (1..<q.count).allSatisfy({ folded[start + $0].scalar == q[$0] }) else { continue }
                let lo = folded[start].at, hi = folded[start + q.count - 1].at
                var s = String.UnicodeScalarView()
                s.append(contentsOf: original[lo...hi])
                return String(s)
            }
        }
        return nil
    }
}
