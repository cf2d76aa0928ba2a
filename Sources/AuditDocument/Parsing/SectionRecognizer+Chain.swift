import Foundation

/// Choosing the headings among the candidates: the best chain in document order (see
/// `SectionRecognizer`), a report's own （一）…（六） numbering, and sub-items standing in for
/// sections without a heading.
extension SectionRecognizer {
    /// The headings of the report, in document order: the best chain of candidates (see the type's
    /// comment), then sub-items for sections still without a heading.
    package static func choose(_ all: [HeadingCandidate], lines: [String]) -> [HeadingCandidate] {
        let sorted = all.sorted { ($0.line, $0.start) < ($1.line, $1.start) }
        let inRuns = listItems(sorted)
        let listed = inRuns.union(contentsList(sorted))
        let cands = sorted.enumerated().filter { !$0.element.subItem && !listed.contains($0.offset) }.map(\.element).prefix(400)
        let c = Array(cands)
        // best[i]: for each set of kinds, the best score of a chain ending at candidate i, and its predecessor.
        var best = [[Int: (score: Int, previous: (Int, Int)?)]](repeating: [:], count: c.count)
        var top: (score: Int, at: (Int, Int))?
        for i in c.indices {
            let bit = 1 << c[i].kind.rawValue
            var here: [Int: (score: Int, previous: (Int, Int)?)] = [bit: (score(c[i]), nil)]
            for j in 0..<i where c[j].order < c[i].order || c[j].kind < c[i].kind {
                let penalty = step(from: c[j], to: c[i])
                for (mask, entry) in best[j] where mask & bit == 0 {
                    let s = entry.score + score(c[i]) - penalty, key = mask | bit
                    if here[key] == nil || s > here[key]!.score { here[key] = (s, (j, mask)) }
                }
            }
            best[i] = here
            for mask in here.keys.sorted() where top == nil || here[mask]!.score > top!.score { top = (here[mask]!.score, (i, mask)) }
        }
        var chain: [HeadingCandidate] = []
        var cursor = top?.at
        while let (i, mask) = cursor {
            chain.append(c[i])
            cursor = best[i][mask]?.previous
        }
        chain.reverse()
        // Sub-items inside 一 repeat the other sections' wording by design (（一）主动公开 …（二）依申请公开…):
        // a sub-item is never taken where the heading before it is 一's.
        let insideOverview = { (h: HeadingCandidate) -> Bool in chain.last { ($0.line, $0.start) < (h.line, h.start) }?.kind == .overview }
        // A report that numbers its parts （一）…（六） has no chain of its own: its sub-items
        // numbered as their sections, four or more in order, are its headings.
        // Not the items of a list or of a table of contents (`本报告包括：（一）总体情况；（二）…`, or
        // one a line above the report's own headings).
        let parenContents = contentsList(sorted.map { h in var h = h; if h.parenNumbered { h.subItem = false }; return h })
        let parenNumbered = sorted.enumerated().filter {
            $0.element.parenNumbered && !listed.contains($0.offset) && !parenContents.contains($0.offset) && !insideOverview($0.element)
        }.map(\.element)
        if parenNumbered.count >= 4 {
            // Under parts numbered （一）…（六）, an item numbered `1.` `2.` that is not its part's
            // number (`1.主动公开情况` `2.依申请公开情况` under （一）总体情况) is an item of a part.
            let own = chain.filter { h in
                if case .arabic = h.numbering { return h.order == h.kind.rawValue }
                return true
            }
            // The chain's own headings first: on a tie the longest chain keeps them.
            let numbered = increasingChain((own + parenNumbered).sorted { ($0.line, $0.start, $0.parenNumbered ? 1 : 0) < ($1.line, $1.start, $1.parenNumbered ? 1 : 0) })
            if numbered.filter(\.parenNumbered).count >= 4 && (numbered.count > chain.count || own.count < chain.count) { chain = numbered }
        }
        // A section with no heading of its own (PDF extraction lost it) is taken from a sub-item
        // naming it, where it sits between the sections around it — never inside 一.
        for h in sorted where h.subItem && h.wholeLine && !chain.contains(where: { $0.kind == h.kind }) && !insideOverview(h) {
            let before = chain.last { ($0.line, $0.start) < (h.line, h.start) }
            let after = chain.first { ($0.line, $0.start) > (h.line, h.start) }
            if (before.map { $0.kind < h.kind } ?? true) && (after.map { $0.kind > h.kind } ?? true) {
                chain.append(h)
                chain.sort { ($0.line, $0.start) < ($1.line, $1.start) }
            }
        }
        if let renamed = overviewRenamed(chain, among: c, all: sorted) { chain.insert(renamed, at: 0) }
        chain = withEmptyParts(chain, runs: inRuns.sorted().map { sorted[$0] })
        if let one = overviewByNumber(chain, lines: lines) { chain.insert(one, at: 0) }
        return chain
    }

    /// Headings in a run with nothing between them (`二、主动公开政府信息情况 三、收到和处理… 四、…`
    /// when a page's tables were images) read as a list. Where the chain has none of their parts,
    /// each is numbered as its part, and they stand in order between the chain's headings — one
    /// at least after them — they are those parts' headings.
    static func withEmptyParts(_ chain: [HeadingCandidate], runs: [HeadingCandidate]) -> [HeadingCandidate] {
        let missing = runs.filter { h in h.order == h.kind.rawValue && !chain.contains { $0.kind == h.kind } }
        guard missing.count >= 3, Set(missing.map(\.kind)).count == missing.count, let lo = missing.first, let hi = missing.last,
              zip(missing, missing.dropFirst()).allSatisfy({ $0.kind < $1.kind && ($0.line, $0.start) < ($1.line, $1.start) }),
              let after = chain.first(where: { ($0.line, $0.start) > (hi.line, hi.start) }), after.kind > hi.kind,
              chain.last(where: { ($0.line, $0.start) < (lo.line, lo.start) }).map({ $0.kind < lo.kind }) ?? true else { return chain }
        return (chain + missing).sorted { ($0.line, $0.start) < ($1.line, $1.start) }
    }

    /// Section 一 under another section's words (`一、主动公开情况`, then `二、主动公开政府信息情况`):
    /// the chain gives those words to the later heading and leaves 一 without one. A heading
    /// numbered 一 as the chain's headings are numbered, on a line of its own before them all, whose
    /// section the chain has found further down, is 一 with its title renamed.
    static func overviewRenamed(_ chain: [HeadingCandidate], among c: [HeadingCandidate], all: [HeadingCandidate]) -> HeadingCandidate? {
        guard let first = chain.first, first.kind != .overview, first.numbering != .none,
              var h = c.last(where: { $0.order == 1 && $0.numbering == first.numbering && $0.wholeLine && ($0.line, $0.start) < (first.line, first.start) }),
              chain.contains(where: { $0.kind == h.kind }),
              // Its part has a body: the next heading read (a contents list's too) is the chain's first.
              all.first(where: { ($0.line, $0.start) > (h.line, h.start) }).map({ ($0.line, $0.start) == (first.line, first.start) }) == true,
              first.line > h.line + 1 else { return nil }
        h.kind = .overview
        h.official = false
        return h
    }

    /// Section 一 titled in words of its own (`一、政府信息公开2020年工作要点落实情况`), which name no
    /// section: when the chain starts at 二 numbered `二、`, the nearest line above it that is `一、`
    /// and a short title (no sentence, no list), with text between them, is 一.
    static func overviewByNumber(_ chain: [HeadingCandidate], lines: [String]) -> HeadingCandidate? {
        guard let first = chain.first, first.kind == .proactive, first.order == 2, first.numbering == .chinese,
              first.line >= 3, first.line <= lines.count else { return nil }
        var bodyBelow = false
        for n in stride(from: first.line - 1, through: max(1, first.line - 200), by: -1) {
            let raw = lines[n - 1]
            guard raw.utf8.count <= 120 else { bodyBelow = true; continue }
            let c = TextNormalizer.compact(TextNormalizer.stripMarkdown(TextNormalizer.fold(raw)))
            if c.isEmpty { continue }
            // Another part's numeral between them: a contents list, not 一's body.
            if ["二、", "三、", "四、", "五、", "六、"].contains(where: { c.hasPrefix($0) }) { return nil }
            guard c.hasPrefix("一、") else { bodyBelow = true; continue }
            let title = c.unicodeScalars.dropFirst(2)
            guard bodyBelow, (2...32).contains(title.count), !title.contains(where: { "。;；:：".unicodeScalars.contains($0) }),
                  !c.has("二、") else { return nil }
            return HeadingCandidate(line: n, start: 0, end: raw.unicodeScalars.count, kind: .overview, order: 1, numbering: .chinese,
                                    wholeLine: true, official: false, subItem: false, text: TextNormalizer.trim(raw))
        }
        return nil
    }

    /// The longest run of headings in document order with the section going up (a longest
    /// increasing subsequence: at most a few dozen items).
    package static func increasingChain(_ p: [HeadingCandidate]) -> [HeadingCandidate] {
        var length = [Int](repeating: 1, count: p.count), previous = [Int](repeating: -1, count: p.count)
        for i in p.indices {
            for j in 0..<i where p[j].kind < p[i].kind && length[j] + 1 > length[i] { length[i] = length[j] + 1; previous[i] = j }
        }
        guard var at = length.indices.max(by: { length[$0] < length[$1] }) else { return [] }
        var out: [HeadingCandidate] = []
        while at >= 0 { out.append(p[at]); at = previous[at] }
        return out.reversed()
    }

    /// From one heading to the next, the section or the number written (or both) must go up. A
    /// report may swap two sections (its numbers go up, its sections down) or restart its
    /// numbering after 一 (its sections go up, its numbers not): both are read, at a cost, so that a
    /// chain where both go up is preferred.
    package static func step(from a: HeadingCandidate, to b: HeadingCandidate) -> Int {
        (b.kind < a.kind ? 30 : 0) + (b.order < a.order ? 30 : 0) + (b.order == a.order ? 10 : 0)
    }

    /// A heading scores by being a section; more when it is numbered, when its number is its
    /// section's, when it stands on a line of its own, and when its title is the official one.
    package static func score(_ c: HeadingCandidate) -> Int {
        let numbered = c.numbering != .none
        return 100 + (numbered ? 3 : 0) + (numbered && c.order == c.kind.rawValue ? 8 : 0) + (c.wholeLine ? 2 : 0) + (c.official ? 1 : 0)
    }

    /// Candidates that are a table of contents (`目录` / `本报告由以下六个部分组成：` and the headings
    /// one per line): three or more on lines with nothing else between them, their sections going
    /// up, where at least three of those sections have a heading again further down — the report's
    /// own headings, which are then chosen over the list's empty ones.
    package static func contentsList(_ c: [HeadingCandidate]) -> Set<Int> {
        let candidateLines = Set(c.map(\.line))
        var out: Set<Int> = []
        var run: [Int] = []
        func flush() {
            defer { run = [] }
            guard run.count >= 3, let end = run.last.map({ c[$0].line }) else { return }
            let repeated = run.filter { i in c.contains { $0.line > end && $0.kind == c[i].kind } }
            if repeated.count >= 3 { out.formUnion(run) }
        }
        for i in c.indices where !c[i].subItem {
            if let last = run.last, c[i].line > c[last].line, c[i].kind > c[last].kind,
               ((c[last].line + 1)..<c[i].line).filter({ !candidateLines.contains($0) }).count <= 2 {
                run.append(i)
            } else {
                flush(); run = [i]
            }
        }
        flush()
        return out
    }

    /// Candidates that are items of a list in a sentence (`包括：一、总体情况；二、主动公开…；三、…`):
    /// three or more in a row, each separated from the next by a short run of punctuation.
    package static func listItems(_ c: [HeadingCandidate]) -> Set<Int> {
        var out: Set<Int> = []
        var run: [Int] = []
        func flush() { if run.count >= 3 { out.formUnion(run) }; run = [] }
        for i in c.indices {
            if let last = run.last, c[last].line == c[i].line, !c[i].wholeLine, c[i].start - c[last].end <= 3, c[i].start > c[last].end {
                run.append(i)
            } else {
                flush(); run = [i]
            }
        }
        flush()
        return out
    }
}
