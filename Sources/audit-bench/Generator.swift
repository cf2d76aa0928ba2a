import Foundation

/// A deterministic generator of realistic synthetic annual reports, with injected defects and a
/// truth file saying which rule each report must fail. Same seed, same corpus.
struct CorpusGenerator {
    /// SplitMix64: small, fast, and the same on every platform.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    }

    /// Rates of injected defects.
    struct Rates {
        var missingSection = 0.04, missingPeriod = 0.04, wrongPeriodYear = 0.02, missingFee = 0.05
        var unbalanced = 0.05, copiedParagraph = 0.03
    }

    enum Layout: String, CaseIterable { case tsv, cellPerLine, pipes, markdown, spaces }

    struct Generated { var name: String; var text: String; var expectedFailures: Set<String> }

    let seed: UInt64
    let rates: Rates

    // Word pools: narrative is assembled from many independent slots so that two reports share
    // no long sentence by accident.
    static let places = Array("东南西北中上下前后新老大小金银石河湖山林田桥港湾岭峰溪泉柳桃李杏梅竹松柏兰菊荷莲云霞星月阳光明华兴安宁康泰和平顺丰盛富贵长永昌隆福寿嘉")
    static let agencyKinds = ["镇人民政府", "乡人民政府", "街道办事处", "县教育局", "区卫生健康委员会", "县自然资源局", "市生态环境局", "区人力资源和社会保障局", "县交通运输局", "县农业农村局"]
    static let topics = ["乡村振兴", "营商环境", "安全生产", "疫情防控", "生态环境保护", "义务教育", "养老服务", "防汛抗旱", "耕地保护", "就业创业", "医疗保障", "住房保障", "食品安全", "交通运输", "文化旅游", "社会救助", "退役军人服务", "征地拆迁", "财政预决算", "重大建设项目"]
    static let channels = ["政府门户网站", "政务新媒体", "政务公开栏", "新闻发布会", "政务服务大厅", "微信公众号", "村务公开栏", "政府公报", "广播电视", "便民服务中心"]
    static let verbs = ["及时公开", "集中发布", "主动公开", "全面梳理并公开", "分类公开", "持续更新", "规范发布", "逐项公开", "定期发布", "专题发布"]
    static let objects = ["政策文件", "办事指南", "补贴发放名单", "项目进展", "资金使用情况", "执法结果", "检查通报", "工作动态", "公示公告", "统计数据", "征求意见稿", "解读材料"]
    static let results = ["群众知晓率明显提高", "社会关切得到及时回应", "办事效率进一步提升", "信息查询更加便捷", "公开质量稳步提升", "群众满意度持续提高", "监督渠道更加畅通", "公开内容更加规范"]
    static let connectors = ["同时", "此外", "另一方面", "在此基础上", "与此同时", "为此", "全年", "截至年底"]
    static let problems = ["公开内容不够全面", "政策解读形式单一", "平台信息更新不及时", "依申请公开办理不够规范", "基层工作人员业务能力有待提高", "公开栏维护不到位", "信息发布审核流程有待完善", "新媒体平台互动不足"]
    static let measures = ["加强业务培训", "完善审核机制", "丰富解读形式", "拓宽公开渠道", "健全考核制度", "强化平台管理", "规范办理流程", "加大督查力度"]

    func agencyName(_ i: Int, _ rng: inout RNG) -> String {
        // Unique per index: the index in base-N over a pool of place characters.
        let pool = CorpusGenerator.places
        var n = i, name = ""
        repeat { name.append(pool[n % pool.count]); n /= pool.count } while n > 0
        while name.count < 2 { name.append(pool[rng.int(pool.count)]) }
        return name + rng.pick(CorpusGenerator.agencyKinds)
    }

    static let adverbs = ["及时", "全面", "集中", "主动", "分类", "持续", "规范", "逐项", "定期", "专题", "重点", "统一", "动态", "深入", "有序", "精准"]
    static let coreVerbs = ["公开", "发布", "梳理", "更新", "推送", "解读", "公示", "通报", "归集", "报送", "汇编", "上线"]
    static let modifiers = ["惠民", "涉企", "年度", "季度", "专项", "重点", "民生", "基层", "应急", "财政", "项目", "规划", "社区", "乡镇"]
    static let nouns = ["政策文件", "办事指南", "补贴名单", "项目进展", "资金信息", "执法结果", "检查通报", "工作动态", "公示公告", "统计数据", "征求意见稿", "解读材料", "问答口径", "服务清单"]
    static let subjects = ["群众知晓率", "办事效率", "公开质量", "满意度", "透明度", "回应速度", "查询便捷度", "监督实效", "参与度", "规范化水平", "标准化程度", "获得感"]
    static let predicates = ["明显提高", "稳步提升", "持续改善", "显著增强", "进一步提升", "大幅提高", "不断优化", "有效提升", "逐步加强"]

    /// One clause of short random slots with little fixed wording between them.
    func clause(_ rng: inout RNG) -> String {
        let p = CorpusGenerator.places
        let place = String([rng.pick(p), rng.pick(p)]) + rng.pick(["片区", "社区", "村", "园区", "街区", "工业区", "镇区", "新区"])
        // Every clause names a place: real narrative is full of names, dates and particulars, and
        // without them 100,000 synthetic reports share most 10-character windows by chance.
        switch rng.int(5) {
        case 0: return place + rng.pick(CorpusGenerator.adverbs) + rng.pick(CorpusGenerator.coreVerbs) + rng.pick(CorpusGenerator.modifiers) + rng.pick(CorpusGenerator.nouns) + "\(1 + rng.int(300))条"
        case 1: return "在" + place + rng.pick(CorpusGenerator.adverbs) + rng.pick(CorpusGenerator.coreVerbs) + rng.pick(CorpusGenerator.topics) + rng.pick(CorpusGenerator.nouns)
        case 2: return place + rng.pick(CorpusGenerator.subjects) + rng.pick(CorpusGenerator.predicates)
        case 3: return rng.pick(CorpusGenerator.connectors) + place + "围绕" + rng.pick(CorpusGenerator.topics) + "和" + rng.pick(CorpusGenerator.topics)
        default: return "依托" + place + rng.pick(CorpusGenerator.channels) + rng.pick(CorpusGenerator.coreVerbs) + rng.pick(CorpusGenerator.modifiers) + rng.pick(CorpusGenerator.objects)
        }
    }

    func sentence(_ rng: inout RNG, agency: String) -> String {
        (0..<(3 + rng.int(2))).map { _ in clause(&rng) }.joined(separator: "，") + "。"
    }

    func paragraph(_ rng: inout RNG, agency: String, sentences: Int) -> String {
        (0..<sentences).map { _ in sentence(&rng, agency: agency) }.joined()
    }

    /// A balanced application table: per column, new + carried in = results + carried over.
    func applicationValues(_ rng: inout RNG, rows: Int) -> [[Int]] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: 7), count: rows)
        let resultRows = Array(2..<(rows - 2))
        for c in 0..<6 {
            let active = rng.chance(c == 0 ? 0.8 : 0.3)
            guard active else { continue }
            let new = rng.int(40), carry = rng.int(6)
            let over = min(new + carry, rng.int(5))
            table[0][c] = new; table[1][c] = carry; table[rows - 1][c] = over
            var remaining = new + carry - over
            table[rows - 2][c] = remaining
            while remaining > 0 {
                let r = rng.chance(0.6) ? resultRows[0] : rng.pick(resultRows)
                let k = 1 + rng.int(min(remaining, 5))
                table[r][c] += k; remaining -= k
            }
        }
        for r in 0..<rows { table[r][6] = table[r][0..<6].reduce(0, +) }
        return table
    }

    static let labels2021 = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        "（七）总计", "四、结转下年度继续办理"]
    static var labels2019: [String] {
        Array(labels2021[0..<20]) + ["（六）其他处理", "（七）总计", "四、结转下年度继续办理"]
    }

    func table(_ values: [[Int]], labels: [String], layout: Layout) -> String {
        var out = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\n\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
        if layout == .pipes { out = "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n" }
        for (label, row) in zip(labels, values) {
            let v = row.map(String.init)
            switch layout {
            case .tsv, .markdown: out += label + "\t\t" + v.joined(separator: "\t") + "\n"
            case .cellPerLine: out += "\t" + label + "\n" + v.map { "\t" + $0 }.joined(separator: "\n") + "\n\n"
            case .pipes: out += "| " + label + " | " + v.joined(separator: " | ") + " |\n"
            case .spaces: out += label + "    " + v.joined(separator: "   ") + "\n"
            }
        }
        return out
    }

    func reviewTable(_ rng: inout RNG, layout: Layout) -> String {
        var cells: [Int] = []
        for _ in 0..<3 {
            let v = (0..<4).map { _ in rng.chance(0.3) ? rng.int(4) : 0 }
            cells += v + [v.reduce(0, +)]
        }
        let header = "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
        let v = cells.map(String.init)
        switch layout {
        case .tsv, .markdown: return header + v.joined(separator: "\t") + "\n"
        case .cellPerLine: return header + v.map { "\t" + $0 }.joined(separator: "\n") + "\n"
        case .pipes: return "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n| " + v.joined(separator: " | ") + " |\n"
        case .spaces: return header + v.joined(separator: "   ") + "\n"
        }
    }

    /// Generates report `i`; `earlier` gives a paragraph of an earlier report for copying.
    func report(_ i: Int, earlierParagraph: (Int) -> String?) -> (Generated, [String]) {
        var rng = RNG(state: seed &+ UInt64(i) &* 0x2545F4914F6CDD1D)
        let is2021 = rng.chance(0.8)
        let year = is2021 ? 2021 + rng.int(5) : 2019 + rng.int(2)
        let agency = agencyName(i, &rng)
        let layout = Layout.allCases[rng.int(Layout.allCases.count)]
        var fails: Set<String> = []
        let h = layout == .markdown ? "## " : ""

        let missing: Int? = rng.chance(rates.missingSection) ? rng.pick([2, 4, 5]) : nil
        if missing != nil { fails.insert("sections.required") }
        var periodYear = year
        var statePeriod = true
        if rng.chance(rates.missingPeriod) { statePeriod = false; fails.insert("period.stated") }
        else if rng.chance(rates.wrongPeriodYear) { periodYear = year - 1; fails.insert("period.stated") }
        let feeMissing = is2021 && rng.chance(rates.missingFee)
        if feeMissing { fails.insert("fees.disclosed") }

        var paragraphs: [String] = []
        var text = "\(agency)\(year)年政府信息公开工作年度报告\n\n"
        if statePeriod {
            text += "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据统计期限自\(periodYear)年1月1日起至\(periodYear)年12月31日止。\n\n"
        } else {
            text += "本报告根据《中华人民共和国政府信息公开条例》要求编制。\n\n"
        }
        text += "\(h)一、总体情况\n\n"
        for sub in ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"] {
            let p = paragraph(&rng, agency: agency, sentences: 2 + rng.int(3))
            paragraphs.append(p)
            text += sub + "。" + p + "\n\n"
        }
        var copied = false
        if i > 0, rng.chance(rates.copiedParagraph), let stolen = earlierParagraph(rng.int(i)) {
            text += stolen + "\n\n"
            copied = true
        }
        if missing != 2 { text += "\(h)二、主动公开政府信息情况\n\n" + activeTables(&rng, is2021: is2021) }
        let (applications, unbalanced) = applicationTable(&rng, is2021: is2021, layout: layout)
        if unbalanced { fails.insert("tables.balance") }
        text += "\(h)三、收到和处理政府信息公开申请情况\n\n" + applications + "\n"
        if missing != 4 {
            text += "\(h)四、政府信息公开行政复议、行政诉讼情况\n\n" + reviewTable(&rng, layout: layout) + "\n"
        }
        if missing != 5 {
            let p = problemsAndMeasures(&rng, agency: agency)
            paragraphs.append(p)
            text += "\(h)五、存在的主要问题及改进情况\n\n" + p + "\n\n"
        }
        text += "\(h)六、其他需要报告的事项\n\n"
        if is2021 && !feeMissing {
            text += "依据《政府信息公开信息处理费管理办法》，本年度发出收费通知\(rng.int(3))件，实际收取金额0元。\n"
        } else {
            text += "无其他需要报告的事项。\n"
        }
        if copied { fails.insert("narrative.reuse") }
        let name = String(format: "r%06d.txt", i)
        return (Generated(name: name, text: text, expectedFailures: fails), paragraphs)
    }

    /// Section 二's tables of the report's format, with random counts.
    func activeTables(_ rng: inout RNG, is2021: Bool) -> String {
        if is2021 {
            return "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t\(rng.int(20))\t\(rng.int(5))\t\(rng.int(80))\n"
            + "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t\(rng.int(3000))\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t\(rng.int(500)).\(rng.int(100))\n\n"
        }
        return "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t\(rng.int(20))\t\(rng.int(20))\t\(rng.int(80))\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t\(rng.int(30))\t\(rng.int(900))\n\n"
    }

    /// Section 五: two problems and two measures naming places, so that each report's is its own.
    func problemsAndMeasures(_ rng: inout RNG, agency: String) -> String {
        func pl(_ rng: inout RNG) -> String { String([rng.pick(CorpusGenerator.places), rng.pick(CorpusGenerator.places)]) + rng.pick(["片区", "社区", "村", "园区"]) }
        return "\(agency)存在的问题：一是\(pl(&rng))\(rng.pick(CorpusGenerator.problems))，二是\(pl(&rng))\(rng.pick(CorpusGenerator.problems))。" + paragraph(&rng, agency: agency, sentences: 1)
            + "\(agency)的改进措施：在\(pl(&rng))\(rng.pick(CorpusGenerator.measures))，在\(pl(&rng))\(rng.pick(CorpusGenerator.measures))。" + paragraph(&rng, agency: agency, sentences: 1)
    }


    /// Table 三 in the layout, balanced or (at the configured rate) one cell off by a few: a real
    /// imbalance that the identities must catch.
    func applicationTable(_ rng: inout RNG, is2021: Bool, layout: Layout) -> (text: String, unbalanced: Bool) {
        let labels = is2021 ? CorpusGenerator.labels2021 : CorpusGenerator.labels2019
        var values = applicationValues(&rng, rows: labels.count)
        let unbalanced = rng.chance(rates.unbalanced)
        if unbalanced {
            let r = rng.int(labels.count), c = rng.int(7)
            values[r][c] += 1 + rng.int(3)
        }
        return (table(values, labels: labels, layout: layout), unbalanced)
    }

}
