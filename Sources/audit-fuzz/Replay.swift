import AuditCore
import AuditDocument
import Foundation

#if !FUZZING
/// Without the fuzzer: replays the given input files through the same target (to reproduce a
/// crash libFuzzer saved).
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); continue }
            if FuzzTarget.target == "rules" { RuleFileFuzz.run(data) } else { FuzzTarget.run(data) }
            print("ok \(path)")
        }
    }
}
#endif
