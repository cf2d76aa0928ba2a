import Foundation
import Testing
@testable import AuditCore
@testable import AuditDocument
import Yams

/// The pure parts of the reliability issue (#12): what the command-line reproductions rest on.
@Suite("reliability in the core: dates, numbers, patterns, names, cells")
struct ReliabilityCoreTests {
    @Test("a calendar day is a real day, written zero-padded and compared as a day")
    func calendarDays() {
        #expect(CalendarDay("2026-1-5")?.description == "2026-01-05")
        #expect(CalendarDay("2024-02-29") != nil)
        for bad in ["2026-13-45", "2025-02-29", "2026-04-31", "2026-1", "26-01-05", "2026-01-05x", "２０２６-01-05", "2026--1-5"] {
            #expect(CalendarDay(bad) == nil, "\(bad)")
        }
        #expect(CalendarDay("2026-1-5")! > CalendarDay("2025-12-31")!)
        // An exemption expiring 2026-01-10 is in force on 2026-1-5 (as text, "2026-01-10" < "2026-1-5").
        let e = Exemption(file: "a.txt", agency: nil, rule: "r", fingerprint: "f", reason: "x", approvedBy: "y", expires: "2026-01-10", origin: "t:1")
        #expect(!ExemptionSet(exemptions: [e], today: "2026-1-5").isExpired(e))
        #expect(ExemptionSet(exemptions: [e], today: "2026-01-11").isExpired(e))
    }

    @Test("rule-file numbers: nan and inf are not numbers; whole numbers are range-checked before conversion")
    func numbers() throws {
        func value(_ text: String) throws -> YAMLValue {
            YAMLValue(node: try #require(try Yams.compose(yaml: "v: \(text)")?.mapping?["v"]), file: "t.yaml")
        }
        for text in ["nan", ".nan", "inf", "-inf", ".inf", "infinity"] { #expect(try value(text).number == nil, "\(text)") }
        #expect(try value("1e30").integer(in: 1...10_000) == nil)
        #expect(try value("1e300").integer(in: 1990...2200) == nil)
        #expect(try value("2.5").integer(in: 1...10) == nil)
        #expect(try value("2021").integer(in: 1990...2200) == 2021)
    }

    @Test("patterns that can take exponential time or match empty text are refused; others pass")
    func patterns() throws {
        for bad in ["(a+)+$", "(a*)*", "((ab)+c)*", "(\\s*x)*y", "(?:\\d+,)+", "([一二三]+、)*", "(a+){2,}"] {
            #expect(RegexSafety.nestedRepetition(bad) != nil, "\(bad)")
        }
        for good in ["(第[一二三]条)+", "\\d++", "(?>a+)+", "(a+)?", "[(a+)+]", "\\(a+\\)+", "收费\\d+(元|万元)", "(a+){2}", "\\Q(a+)+\\E"] {
            #expect(RegexSafety.nestedRepetition(good) == nil, "\(good)")
        }
        for empty in ["x*", "(?:)", "a?", "^", "\\b"] {
            let re = try NSRegularExpression(pattern: empty)
            #expect(RegexSafety.problem(empty, re) != nil, "\(empty)")
        }
        // The budget stops a match that backtracks without end.
        let slow = try NSRegularExpression(pattern: "(a|aa)*c")
        let text = String(repeating: "a", count: 90)
        let start = Date()
        #expect(RegexSafety.matches(slow, in: text, range: NSRange(location: 0, length: 90), budget: 0.2) == nil)
        #expect(Date().timeIntervalSince(start) < 5)
        let fast = try NSRegularExpression(pattern: "a+")
        #expect(RegexSafety.matches(fast, in: text, range: NSRange(location: 0, length: 90), budget: 1)?.count == 1)
    }

    @Test("page names fit a file system's 255 bytes and stay unique")
    func pageNames() {
        let long = String(repeating: "很", count: 90) + ".txt"
        let pages = OutputNames.pages(for: ["a/" + long, "b/" + long, "c/" + String(repeating: "x", count: 300) + ".txt"])
        #expect(pages.values.allSatisfy { $0.utf8.count + ".html".utf8.count <= 255 })
        #expect(Set(pages.values).count == 3)
    }

    @Test("a CSV cell starting with a tab or carriage return is defused like one starting with =")
    func csvCells() {
        #expect(RankingCSV.field("\t=1+1").hasPrefix("'"))
        #expect(RankingCSV.field("\r=1+1").hasPrefix("\"'"))
        #expect(RankingCSV.field("=HYPERLINK(\"x\")").hasPrefix("\"'"))
        #expect(RankingCSV.field("普通单位") == "普通单位")
    }

    @Test("UTF-16 without a byte-order mark is recognised, and read when forced")
    func utf16WithoutBOM() {
        let text = "一、总体情况\n2021年 本机关 共收到申请 12 件。\n"
        let le = text.data(using: .utf16LittleEndian)!
        guard case .failure(let why) = InputText.decode(le) else { Issue.record("read as text"); return }
        #expect(why.zh.contains("--encoding utf-16"))
        guard case .text(let read) = InputText.decode(le, forced: .utf16) else { Issue.record("forced read failed"); return }
        #expect(read == text)
        guard case .failure(let binary) = InputText.decode(Data([0x00, 0x01, 0x02, 0xFF, 0x00])) else { Issue.record("binary read"); return }
        #expect(binary.zh.contains("二进制"))
    }
}
