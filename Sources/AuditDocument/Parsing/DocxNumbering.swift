import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's automatic list numbers (`word/numbering.xml`, and paragraph styles that carry them in
/// `word/styles.xml`), rendered as Word shows them: `一、`, `（一）`, `1.`. A heading typed "总体情况"
/// in a list Word numbers 一、 reads, on screen and in print, "一、总体情况".
package struct DocxNumbering {
    struct Level { var format = "decimal"; var text = ""; var start = 1 }
    var abstractOfNum: [String: String] = [:]
    var levels: [String: [Int: Level]] = [:]
    /// Paragraph styles that number their paragraphs: style id → (numId, level).
    var styles: [String: (numId: String, level: Int)] = [:]
    /// The current number at each level, per abstract list (Word continues a list across the
    /// num instances that share it).
    var counters: [String: [Int: Int]] = [:]

    package init(numbering: Data?, styles: Data?) {
        if let numbering {
            let reader = NumberingReader()
            let parser = XMLParser(data: numbering)
            parser.delegate = reader
            if parser.parse() { abstractOfNum = reader.abstractOfNum; levels = reader.levels }
        }
        if let styles {
            let reader = StyleNumberingReader()
            let parser = XMLParser(data: styles)
            parser.delegate = reader
            if parser.parse() { self.styles = reader.styles }
        }
    }

    package var isEmpty: Bool { levels.isEmpty }

    /// The label of the next paragraph numbered by `numId` at `level` (or by its style), nil for
    /// a bullet, no numbering or an unknown list.
    package mutating func label(numId: String?, level: Int?, style: String?) -> String? {
        var id = numId, lvl = level ?? 0
        if id == nil, let style, let s = styles[style] { id = s.numId; lvl = level ?? s.level }
        guard let id, id != "0", let abstract = abstractOfNum[id], let defs = levels[abstract], let def = defs[lvl] else { return nil }
        guard def.format != "bullet", def.format != "none" else { return nil }
        var c = counters[abstract] ?? [:]
        c[lvl] = (c[lvl] ?? def.start - 1) + 1
        for deeper in c.keys where deeper > lvl { c[deeper] = nil }
        counters[abstract] = c
        var out = def.text
        for k in (0...8).reversed() where out.contains("%\(k + 1)") {
            let n = c[k] ?? defs[k]?.start ?? 1
            out = out.replacingOccurrences(of: "%\(k + 1)", with: Self.format(n, defs[k]?.format ?? "decimal"))
        }
        return out
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital":
            return chinese(n, digits: ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"], ten: "十")
        case "chineseLegalSimplified", "japaneseLegal":
            return chinese(n, digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"], ten: "拾")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(UnicodeScalar(0x2460 + n - 1).map(Character.init) ?? "?") : "\(n)"
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String("\(n)").unicodeScalars.map { Character(UnicodeScalar($0.value + 0xFEE0)!) })
        case "lowerLetter", "upperLetter":
            let letter = Character(UnicodeScalar(UInt8(96 + ((n - 1) % 26 + 1))))
            return format == "upperLetter" ? letter.uppercased() : String(letter)
        case "lowerRoman", "upperRoman":
            let roman = Self.roman(n)
            return format == "upperRoman" ? roman : roman.lowercased()
        default:
            return "\(n)"
        }
    }

    /// 1…99 in Chinese numerals (十一, 二十, 二十一); larger numbers in figures.
    static func chinese(_ n: Int, digits: [String], ten: String) -> String {
        guard n > 0, n < 100 else { return "\(n)" }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + ten + (ones == 0 ? "" : digits[ones])
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 40 else { return "\(n)" }
        let values = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in values { while n >= v { out += s; n -= v } }
        return out
    }

    /// Reads the abstract lists' levels and the num instances of numbering.xml.
    final class NumberingReader: NSObject, XMLParserDelegate {
        var abstractOfNum: [String: String] = [:]
        var levels: [String: [Int: Level]] = [:]
        var abstract: String?, level: Int?, num: String?
        var current = Level()

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let value = attributes["w:val"]
            switch name {
            case "w:abstractNum": abstract = attributes["w:abstractNumId"]
            case "w:lvl": level = attributes["w:ilvl"].flatMap { Int($0) }; current = Level()
            case "w:start": if level != nil, let v = value.flatMap({ Int($0) }) { current.start = v }
            case "w:numFmt": if level != nil, let v = value { current.format = v }
            case "w:lvlText": if level != nil, let v = value { current.text = v }
            case "w:num": num = attributes["w:numId"]
            case "w:abstractNumId": if let num, let v = value { abstractOfNum[num] = v }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:lvl":
                if let abstract, let level, num == nil { levels[abstract, default: [:]][level] = current }
                level = nil
            case "w:abstractNum": abstract = nil
            case "w:num": num = nil
            default: break
            }
        }
    }

    /// Reads which paragraph styles number their paragraphs (a heading style tied to a list).
    final class StyleNumberingReader: NSObject, XMLParserDelegate {
        var styles: [String: (numId: String, level: Int)] = [:]
        var style: String?, numId: String?, level = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:style": style = attributes["w:type"] == "paragraph" ? attributes["w:styleId"] : nil; numId = nil; level = 0
            case "w:numId": numId = attributes["w:val"]
            case "w:ilvl": level = attributes["w:val"].flatMap { Int($0) } ?? 0
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "w:style", let style, let numId { styles[style] = (numId, level) }
            if name == "w:style" { style = nil }
        }
    }
}
