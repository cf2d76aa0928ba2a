import AuditCore
import AuditDocument
import Foundation

/// The project's own files, found from this source file so that tests run from any folder: the
/// one rule-set loader and the fixture paths every test target shares.
public enum ProjectFiles {
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A shipped rule set by name (`standard`, `strict`, `examples/local`), cited as `rules/…`.
    public static func ruleSet(_ name: String) throws -> RuleSet {
        let rules = root.appendingPathComponent("rules")
        func file(_ n: String, _ from: String?) -> RuleFileText? {
            let relative = n.contains(".") ? n : n + ".yaml"
            // A name given inside a file under rules/examples/ may be a sibling or a set in rules/.
            var candidates = [relative]
            if let from, from.hasPrefix("rules/") {
                let folder = (String(from.dropFirst(6)) as NSString).deletingLastPathComponent
                if !folder.isEmpty { candidates.insert(folder + "/" + relative, at: 0) }
            }
            for c in candidates {
                if let t = try? String(contentsOf: rules.appendingPathComponent(c), encoding: .utf8) { return RuleFileText(path: "rules/" + c, text: t) }
            }
            return nil
        }
        guard let top = file(name, nil) else { throw MissingFixture(path: "rules/" + name) }
        return try RuleSetLoader.load(top) { n, from in file(n, from) }
    }

    /// The text of a project file (relative to the root); a missing file is an error, so a test
    /// that needs it fails rather than passes without it.
    public static func text(_ relative: String) throws -> String {
        do { return try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) } catch { throw MissingFixture(path: relative) }
    }

    /// A report file of the project as the audit reads it (any input format).
    public static func report(_ relative: String) throws -> Report {
        ReportParser.parse(text: try readableText(relative), source: relative)
    }

    /// The text the audit reads from a report file: decoded, and extracted from its format.
    public static func readableText(_ relative: String) throws -> String {
        let url = root.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw MissingFixture(path: relative) }
        guard case .text(let text) = InputText.extract(data, format: InputFormat(fileExtension: url.pathExtension) ?? .text) else {
            throw MissingFixture(path: relative + " (cannot be read)")
        }
        return text
    }

    public struct MissingFixture: Error, CustomStringConvertible {
        public var path: String
        public init(path: String) { self.path = path }
        public var description: String { "missing fixture: \(path)" }
    }
}
