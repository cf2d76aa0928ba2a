// swift-tools-version:5.10
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
    ],
    targets: [
        // Pure core: document model, parsers, rule engine, checks, scoring, writers. No file I/O.
        .target(name: "AuditCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Thin frontend: discovers files, decodes bytes, writes outputs, chooses exit codes.
        .executableTarget(name: "audit", dependencies: [
            "AuditCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "AuditCoreTests", dependencies: ["AuditCore"]),
        .testTarget(name: "RuleExamplesTests", dependencies: ["AuditCore"]),
        .testTarget(name: "AuditCLITests", dependencies: ["audit"]),
    ]
)
