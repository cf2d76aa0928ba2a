import Foundation
import TestSupport
@testable import AuditCore
@testable import AuditDocument

/// Paths to the project's own files, found from this source file so tests run from any folder.
enum Project {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relative: String) -> String {
        try! String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static func seed(_ prefix: String) -> Report {
        let folder = root.appendingPathComponent("examples/reports")
        let name = try! FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first { $0.hasPrefix(prefix) }!
        return ReportParser.parse(text: text("examples/reports/" + name), source: name)
    }

    /// A real report of the in-repo corpus (copied from ../shared/realworld); a missing file
    /// fails the test that asks for it.
    static func realworld(_ name: String) throws -> Report {
        let url = root.appendingPathComponent("Tests/RealWorldTests/Corpus/reports/realworld/" + name)
        return ReportParser.parse(text: try String(contentsOf: url, encoding: .utf8), source: name)
    }

    static func ruleSet(_ name: String) throws -> RuleSet { try ProjectFiles.ruleSet(name) }
}

/// Loads rule-set YAML given inline, with other named files available to `extends`.
func loadInline(_ yaml: String, others: [String: String] = [:]) throws -> RuleSet {
    try RuleSetLoader.load(RuleFileText(path: "test.yaml", text: yaml)) { name, _ in
        others[name].map { RuleFileText(path: name + ".yaml", text: $0) }
    }
}

extension StatisticalTable {
    func values(_ row: String) -> [String]? {
        guard case .read(let cells)? = reading(row: row) else { return nil }
        return cells.map(\.text)
    }
}
