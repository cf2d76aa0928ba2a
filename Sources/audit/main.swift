import AuditCore
import Foundation
for path in CommandLine.arguments.dropFirst() {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    print(ReportParser.parse(text: text, source: path).dump())
}
