import Foundation

/// A report's text as a web page: its paragraphs as HTML paragraphs, each run of tab-separated
/// lines as one table — how the tests make pages of the real reports.
public enum HTMLPage {
    /// The body's HTML; `paragraph` and `cell` wrap the escaped text of a line and of a cell.
    public static func body(_ text: String, table: String = "<table>", paragraph: (String) -> String = { "<p>\($0)</p>" },
                            cell: (String) -> String = { "<td>\($0)</td>" }) -> String {
        var html = "", inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let escaped = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            if line.contains("\t") {
                if !inTable { html += table + "\n"; inTable = true }
                html += "<tr>" + escaped.split(separator: "\t", omittingEmptySubsequences: false).map { cell(String($0)) }.joined() + "</tr>\n"
            } else {
                if inTable { html += "</table>\n"; inTable = false }
                html += paragraph(escaped) + "\n"
            }
        }
        return html + (inTable ? "</table>\n" : "")
    }
}
