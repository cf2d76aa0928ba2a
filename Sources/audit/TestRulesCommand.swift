import ArgumentParser
import AuditCore
import AuditDocument
import AuditPipeline
import Foundation

extension Audit {
    /// Runs a rule file's examples, as the test suite does, for an office that writes its own
    /// rules without a Swift toolchain. Exit 0 when every example gives its outcome, 1 when one
    /// does not, 2 when the file cannot be loaded (its problems listed with file:line:column).
    struct TestRules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test-rules",
            abstract: "Run every example of every rule in a rule file (and the files it extends), and of the phrase files it names.",
            discussion: "Exit codes: 0 every example gives its expected outcome, 1 one does not, 2 the rule file cannot be loaded.")

        @Argument(help: "A rule file (.yaml) or a shipped rule-set name.")
        var file: String

        @Flag(name: .long, help: "Print every example, not only the failing ones.")
        var verbose = false

        func run() throws {
            let set = try RuleSetLocator.load(file)
            let results = RuleFileTester.run(set)
            var failed = 0
            for r in results where verbose || !r.passed {
                if !r.passed { failed += 1 }
                let snippet = r.text.split(whereSeparator: \.isNewline).prefix(3).joined(separator: " ⏎ ")
                print("\(r.passed ? "ok  " : "FAIL") \(r.place)  \(r.subject)  expected \(r.expected), got \(r.actual)  「\(String(snippet.prefix(80)))」")
            }
            print("\(results.count - failed) of \(results.count) examples give their expected outcome (rule set \(set.name): \(set.files.joined(separator: ", ")))")
            try StandardOutput.check()
            if failed > 0 { throw ExitCode(1) }
        }
    }

    /// Writes a commented starter rule file that extends `standard`.
    struct InitRules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init-rules", abstract: "Write a commented starter rule file that extends the standard set.")

        @Argument(help: "Where to write it.")
        var file: String = "local-rules.yaml"

        func run() throws {
            guard !FileManager.default.fileExists(atPath: file) else {
                throw AuditError.usage("“\(file)”已存在，未覆盖；请换一个文件名。\n       '\(file)' exists and was not overwritten; give another name.")
            }
            do { try StarterRules.text.write(toFile: file, atomically: true, encoding: .utf8) } catch {
                throw AuditError.usage("无法写入“\(file)”：\(error.localizedDescription)。\n       cannot write '\(file)': \(error.localizedDescription).")
            }
            print("wrote \(file); check it with: audit test-rules \(file); use it with: audit --rules \(file) REPORTS/")
        }
    }
}

/// The starter rule file `audit init-rules` writes.
enum StarterRules {
    static let text = """
    # 本单位的规则集 — an office's own rule set.
    # It takes every rule of the standard set (`extends`), changes what it names by id, and adds
    # rules of its own. Check it with `audit test-rules THIS-FILE.yaml` (every example must give
    # its outcome); use it with `audit --rules THIS-FILE.yaml REPORTS/`.
    # Kinds, parameters and variants: README.md, "Rule files"; a rule explained: audit explain ID.
    name: local
    extends: standard          # or strict
    description: 本单位规则集（在标准规则集基础上增加本地要求）

    # Grade bands (optional; one must start at 0).
    # grades:
    #   - { name: 优秀, min: 90 }
    #   - { name: 良好, min: 80 }
    #   - { name: 合格, min: 60 }
    #   - { name: 不合格, min: 0 }

    rules:
      # Change an inherited rule by its id, key by key: here a missing section costs 10 points.
      - id: sections.required
        points: 50
        message:
          missing:
            zh: 缺少第{number}部分“{title}”
            en: "Section {number} ('{title_en}') is missing"
            points_each: 10

      # A content rule of your own, written only in YAML: section 一 must mention 政策解读.
      - id: local.interpretation
        kind: pattern
        title: { zh: 总体情况提及政策解读, en: The overview mentions policy interpretation }
        severity: info             # error | warning | info
        points: 2                  # the most this rule deducts
        basis: 本地要求：总体情况写明政策解读工作
        params:
          section: 一              # 一 … 六, or any
          require: 政策解读        # a phrase (or a list); regex: true for regular expressions
        message:
          missing:
            zh: 第一部分未提及“{pattern}”
            en: "Section 1 does not mention '{pattern}'"
          forbidden:
            zh: "{section}出现“{match}”"
            en: "{section} contains '{match}'"
        examples:                  # at least one of each; `audit test-rules` runs them
          pass:
            - |
              某某局2021年政府信息公开工作年度报告
              一、总体情况
              本局围绕重要政策开展政策解读12次。
          fail:
            - |
              某某局2021年政府信息公开工作年度报告
              一、总体情况
              本局围绕重要文件开展宣传12次。

    """
}
