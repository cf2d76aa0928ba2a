import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument

/// Families from a fifth reading of real reports (pages, crawl archives, PDF text) and from an
/// independent synthetic corpus, each with its look-alike.
@Suite("Page families, fifth reading")
struct PageFamilyRoundFiveTests: AuditsPages {
    /// Every `every`-th line of a seed followed by a line of its own holding `footer(k)`.
    func withFooters(_ seed: String, every: Int, _ footer: (Int) -> String) -> String {
        let lines = Project.text("examples/reports/" + seed).components(separatedBy: "\n")
        var out: [String] = []
        for (i, line) in lines.enumerated() {
            out.append(line)
            if i > 0, i % every == 0 { out.append(footer(i / every + 1)) }
        }
        return out.joined(separator: "\n")
    }

    @Test("page footers a PDF left among a table's cells are no cells", arguments: ["- %d -", "— %d —", "第 %d 页 共 9 页", "第%d页，共9页"])
    func pageFootersInTables(form: String) throws {
        let seed = "000_67dfe248a59990d3.txt"
        let plain = try audit(Project.text("examples/reports/" + seed))
        let paged = try audit(withFooters(seed, every: 41) { String(format: form, $0) })
        #expect(outcome(plain, "tables.balance") == .pass)
        #expect(outcome(paged, "tables.balance") == .pass, "\(form)")
        // Look-alike: a bare page number is a figure like any other, so the table is not read with confidence.
        let bare = try audit(withFooters(seed, every: 41) { String($0) })
        #expect(outcome(bare, "tables.balance") == .unverifiable)
    }
}
