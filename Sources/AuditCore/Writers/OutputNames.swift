import AuditDocument
/// Names of per-report output files, derived from input names but never able to leave the
/// output folder: separators and unsafe characters become `_`, and `..` cannot survive.
public enum OutputNames {
    /// Page names for all inputs: the file's stem, or parent folder and stem where two inputs
    /// share a stem, made unique case-insensitively.
    public static func pages(for files: [String]) -> [String: String] {
        var stemCount: [String: Int] = [:]
        for f in files { stemCount[reportPage(for: f, components: 1).lowercased(), default: 0] += 1 }
        var used: Set<String> = []
        var out: [String: String] = [:]
        for f in files.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            let short = reportPage(for: f, components: 1)
            out[f] = unique(stemCount[short.lowercased()]! > 1 ? reportPage(for: f, components: 2) : short, used: &used)
        }
        return out
    }

    public static func reportPage(for file: String, components: Int = 1) -> String {
        var base = file
        if let dot = base.lastIndex(of: "."), !base[dot...].contains("/") { base = String(base[..<dot]) }
        // Keep the last two path components: enough to tell apart same-named files in sub-folders.
        let parts = base.split(separator: "/").filter { $0 != "." && $0 != ".." }
        let kept = parts.suffix(components).joined(separator: "__")
        var out = ""
        for ch in kept {
            if "\\/:*?\"<>|\u{0}".contains(ch) || ch.isNewline || ch == "\t" { out.append("_") } else { out.append(ch) }
        }
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        if out.isEmpty { out = "report" }
        return bounded(out)
    }

    /// File systems limit a name to 255 bytes: a page name keeps at most `maxBytes` (whole
    /// characters), leaving room for a `-N` to make it unique and the `.html` extension.
    static let maxBytes = 200

    static func bounded(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        var out = "", bytes = 0
        for ch in name {
            let n = ch.utf8.count
            if bytes + n > maxBytes { break }
            out.append(ch); bytes += n
        }
        return out.isEmpty ? "report" : out
    }

    public static func unique(_ name: String, used: inout Set<String>) -> String {
        var candidate = name, n = 2
        while used.contains(candidate.lowercased()) { candidate = "\(name)-\(n)"; n += 1 }
        used.insert(candidate.lowercased())
        return candidate
    }
}
