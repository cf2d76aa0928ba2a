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
        return String(out.prefix(120))
    }

    public static func unique(_ name: String, used: inout Set<String>) -> String {
        var candidate = name, n = 2
        while used.contains(candidate.lowercased()) { candidate = "\(name)-\(n)"; n += 1 }
        used.insert(candidate.lowercased())
        return candidate
    }
}
