import AuditDocument
import Foundation

/// The normalized narrative of a report as it is built, piece by piece: characters, where each
/// came from in its line, and whether it counts (template, metadata, page chrome, the opening
/// formula, statements of figures and citations do not). A value with mutating methods, so the
/// hot loop works on its arrays directly.
struct NarrativeBuffer {
    var text: [UInt16] = []
    var offsets: [Int32] = []
    var flags: [Bool] = []

    mutating func appendBoundary() {
        text.append(ReuseSettings.boundary); offsets.append(-1); flags.append(true)
    }

    /// One piece of narrative: each sentence scalar by scalar; a clause's flags set when it ends.
    mutating func append(piece raw: String) {
        let cited = raw.has("《") || raw.has("〔") || raw.has("号") || raw.has("“") ? ReuseSettings.citations(raw).sorted { $0.lowerBound < $1.lowerBound } : []
        var citation = 0
        var position = 0
        for sentence in ReuseSettings.sentences(raw) {
            let whole = ReuseSettings.isMetadataSentence(sentence) || ReuseSettings.isFormulaSentence(sentence) || ReuseSettings.isNilFactSentence(sentence)
            // Clauses are read as words only where a formula may be.
            let clauses = !whole && ReuseSettings.mayHoldBoilerplate(sentence)
            var clauseStart = text.count, sawDigit = false, figure = false
            var clause = String.UnicodeScalarView()
            for u in sentence.unicodeScalars {
                if clauses { clause.append(u) }
                if let f = TextNormalizer.foldScalar(u) {
                    if ("0"..."9").contains(f) { sawDigit = true }
                    else if f != " " && f != "." { if sawDigit && ReuseSettings.isFigureUnit(f) { figure = true }; sawDigit = false }
                    ReuseSettings.append(f, at: position, to: &text, offsets: &offsets)
                }
                position += 1
                if ReuseSettings.endsClause(u) {
                    let formula = clauses && ReuseSettings.isBoilerplateClause(String(clause))
                    endClause(from: clauseStart, counts: !(whole || figure || formula), cited, &citation)
                    clauseStart = text.count; sawDigit = false; figure = false; clause = String.UnicodeScalarView()
                }
            }
            let formula = clauses && ReuseSettings.isBoilerplateClause(String(clause))
            endClause(from: clauseStart, counts: !(whole || figure || formula), cited, &citation)
        }
    }

    /// Flags for the characters of a clause: not counted when formula, else not counted inside a
    /// citation. Offsets only grow: one pointer walks the citations (sorted by start).
    mutating func endClause(from start: Int, counts: Bool, _ cited: [Range<Int>], _ citation: inout Int) {
        guard counts, !cited.isEmpty else {
            flags.append(contentsOf: repeatElement(!counts, count: text.count - start)); return
        }
        for k in start..<text.count {
            let o = Int(offsets[k])
            while citation < cited.count, cited[citation].upperBound <= o { citation += 1 }
            flags.append(citation < cited.count && cited[citation].contains(o))
        }
    }
}
