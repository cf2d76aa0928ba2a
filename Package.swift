// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "report-audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "audit", targets: ["audit"]),
        .library(name: "AuditCore", targets: ["AuditCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Reads .docx (a zip of XML); the issue on inputs names it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // libxml2's HTML parser (Debian: libxml2-dev), for reports saved as web pages.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libxlsxwriter (Debian: libxlsxwriter-dev), for ranking.xlsx.
        .systemLibrary(name: "CLibXLSXWriter", path: "Sources/CLibXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // C's standard streams as functions (stdout is a global variable Swift 6 will not read).
        .systemLibrary(name: "CStandardStreams", path: "Sources/CStandardStreams"),
        // Text to `Report`: the document model, template labels, text utilities, input decoding
        // and parsing. It knows no rules; nothing here may name a check, a finding or a score.
        .target(name: "AuditDocument", dependencies: [
            "CLibXML2",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Pure core, `Report` to outputs: rules, checks, engine, reuse, scoring, writers. No file I/O.
        .target(name: "AuditCore", dependencies: [
            "AuditDocument",
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The edge: discovers files, reads them, runs the core in parallel, writes outputs
        // atomically. Shared by the command and the benchmark, so both run the same pipeline.
        .target(name: "AuditPipeline", dependencies: ["AuditDocument", "AuditCore", "CLibXLSXWriter", "CStandardStreams"]),
        // Thin command: flags in, options to the pipeline, exit codes out.
        .executableTarget(name: "audit", dependencies: [
            "AuditDocument", "AuditCore", "AuditPipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Corpus generator and benchmark (release build): audit-bench generate / run.
        .executableTarget(name: "audit-bench", dependencies: ["AuditDocument", "AuditCore", "AuditPipeline"]),
        // libFuzzer target (scripts/fuzz.sh); built normally it replays saved inputs.
        .executableTarget(name: "audit-fuzz", dependencies: ["AuditDocument", "AuditCore"]),
        // What the test targets share: the one rule-set loader and the fixture paths.
        .target(name: "TestSupport", dependencies: ["AuditDocument", "AuditCore"], path: "Tests/TestSupport"),
        .testTarget(name: "AuditCoreTests", dependencies: ["AuditDocument", "AuditCore", "TestSupport", .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        .testTarget(name: "RuleExamplesTests", dependencies: ["AuditDocument", "AuditCore", "TestSupport"]),
        .testTarget(name: "AuditCLITests", dependencies: ["audit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The real-world corpus: labelled real reports and the outcome every rule must give.
        .testTarget(name: "RealWorldTests", dependencies: ["AuditDocument", "AuditCore", "TestSupport", .product(name: "Yams", package: "Yams")], exclude: ["Corpus"]),
        // Golden files: parse trees of every corpus report and the outputs on the examples, byte
        // for byte; AUDIT_BLESS=1 swift test --filter GoldenTests rewrites them.
        .testTarget(name: "GoldenTests", dependencies: ["AuditDocument", "AuditCore", "TestSupport"], exclude: ["Golden"]),
    ],
    // Swift 6 language mode everywhere: full data-race checking.
    swiftLanguageModes: [.v6]
)
