import AuditDocument
import Foundation

/// How the narrative is cut into sentences and which sentences are not prose of the agency's own:
/// metadata, formulas, citations. Other checks borrow these lists.
extension ReuseSettings {
    /// Sentences of a line, each keeping its closing punctuation.
    static func sentences(_ line: String) -> [Substring] {
        var out: [Substring] = []
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let u = scalars[i]
            i = scalars.index(after: i)
            switch u {
            case "。", "；", ";", "！", "!", "？", "?":
                out.append(Substring(scalars[start..<i])); start = i
            default: continue
            }
        }
        if start < scalars.endIndex { out.append(Substring(scalars[start...])) }
        return out
    }

    /// Sentences every report writes the same way by prescription — the statistics period, where
    /// the electronic version is, whom to contact — are report metadata, not narrative.
    static let metadataMarkers = ["统计期限", "统计时限", "统计数据期限", "电子版", "如有疑问", "有疑问", "邮编", "邮政编码", "联系电话", "联系方式：", "网址",
                                  // Where and when applications are received: facts that stay the same.
                                  "办公地址", "办公时间", "受理机构", "受理地点", "受理地址", "受理时间", "受理窗口", "咨询电话", "监督电话", "投诉电话",
                                  "通讯地址", "联系地址",
                                  // Web page chrome and crawler headers around the report.
                                  "发布时间:", "发布日期:", "原文链接", "本地目录", "页面链接", "发布机构:", "栏目:", "文号:", "索引号", "来源:", "浏览次数", "打印本页", "关闭窗口", "分享到", "字号:", "http:", "https:"]
    static let metadataPhrases = PhraseSet(metadataMarkers + [
        // Page chrome saved with the report: breadcrumbs, sharing widgets, attachment links.
        "当前位置", "QQ空间", "全真版", "文字版", "相关链接", "附件下载", "文件下载", "扫一扫", "打印本页", "【打印】", "【关闭】", "返回顶部", "责任编辑",
        // A crawler's separator line (`==== 正文 ====`), and contact details.
        "====", "电话:", "传真:", "邮箱:", "地址:", "联系人:", "电子邮箱", "办公电话",
        // A site's footer, the same under every page of the site.
        "版权所有", "网站标识码", "ICP备", "icp备", "公网安备", "主办:", "主办单位", "承办:", "承办单位", "技术支持", "网站地图", "联系我们",
        "Copyright", "copyright", "COPYRIGHT", "©"])

    /// The standard opening and closing of a report: it says what the report is, by which
    /// regulation, and that it was compiled (编制), not what the agency did; and the list of the
    /// format's parts (本报告包括总体情况、主动公开…等六个部分).
    static func isFormulaSentence(_ s: Substring) -> Bool {
        // Every formula names the report or the fee: most sentences are ruled out by two searches.
        // (报 and 费 also catch them spaced out, `报 告`.)
        guard s.has("报") || s.has("费") else { return false }
        let c = TextNormalizer.compact(String(s))
        return (c.has("编制") && c.has("报告")) || c.has("年度报告") && (c.has("条例") || c.has("组成")) || c.has("处理费")
            || ((c.has("根据") || c.has("依据") || c.has("按照")) && c.has("条例") && (c.has("报告") || c.has("年报")))
            || (c.has("报告") && (c.has("包括") || c.has("组成") || c.has("分为")) && (c.has("部分") || c.has("总体情况")))
    }

    /// Where a line cites documents, in scalar positions: a title in 《》, a parenthesised
    /// document number (`（岚综管办〔2020〕80号）`) and a long quotation in “” (a statute's article,
    /// a policy's words). Every report cites the same notices; a citation is not copied prose.
    static func citations(_ line: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var titleStart: Int?, parenStart: Int?, parenHasNumber = false, quoteStart: Int?
        for (i, u) in line.unicodeScalars.enumerated() {
            switch u {
            case "“": quoteStart = quoteStart ?? i
            // A long quotation is a statute's or a policy's words; a short one (“五级十五同”) is a name in the prose.
            case "”": if let s = quoteStart { if i - s > 20 { out.append(s..<(i + 1)) }; quoteStart = nil }
            case "《": titleStart = titleStart ?? i
            case "》": if let s = titleStart { out.append(s..<(i + 1)); titleStart = nil }
            case "（", "(": parenStart = i; parenHasNumber = false
            case "〔", "[", "【", "号": if parenStart != nil { parenHasNumber = true }
            case "）", ")":
                if let s = parenStart, parenHasNumber { out.append(s..<(i + 1)) }
                parenStart = nil
            default: continue
            }
        }
        return out
    }

    /// The marks that end a clause within a sentence.
    @inline(__always)
    static func endsClause(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", ",", "、", "；", ";", "：", ":": return true
        default: return false
        }
    }

    /// Units a figure is counted in (件, 条, 万元, %…): a clause with a figure in one of them is a
    /// statement of a statistic, written the same way by every agency.
    @inline(__always)
    static func isFigureUnit(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "件", "条", "份", "个", "次", "项", "起", "篇", "人", "户", "家", "所", "万", "元", "%", "名", "期", "场", "批", "余", "宗", "封", "台", "部", "类", "天", "小", "分", "处": return true
        default: return false
        }
    }

    /// A sentence of report metadata or page chrome.
    static func isMetadataSentence(_ s: Substring) -> Bool {
        metadataPhrases.occurs(in: TextNormalizer.compact(String(s)))
    }
}
