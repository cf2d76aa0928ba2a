import AuditDocument
/// `index.html` and `reports/<name>.html`: a self-contained report for people who look rather
/// than read JSON. No network at all (offices are often offline): inline CSS and JS, no fonts,
/// works from file://. Every piece of report text is escaped.
public enum HTMLReport {
    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: return it as is.
        if !s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let style = """
    body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222;background:#fafafa}
    h1{font-size:22px;margin:0 0 6px}h2{font-size:18px;margin:24px 0 8px}
    .meta{color:#666;font-size:13px;margin-bottom:16px}
    .charts{display:flex;flex-wrap:wrap;gap:24px;margin:12px 0}
    figure{margin:0;background:#fff;border:1px solid #ddd;padding:8px}
    figcaption{font-size:13px;color:#444;margin-bottom:4px}
    .controls{margin:12px 0;display:flex;gap:12px;align-items:center}
    input,select{font-size:14px;padding:4px 6px}
    table{border-collapse:collapse;background:#fff;width:100%}
    th,td{border:1px solid #ddd;padding:6px 8px;font-size:14px;text-align:left;vertical-align:top}
    th{background:#f0f3f7;cursor:pointer;user-select:none;white-space:nowrap}
    th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
    td.num{text-align:right}
    .g-优秀{color:#1a7f37}.g-良好{color:#0969da}.g-合格{color:#9a6700}.g-不合格{color:#cf222e}
    .badge{display:inline-block;padding:1px 6px;border-radius:3px;font-size:12px;color:#fff}
    .error{background:#cf222e}.warning{background:#bf8700}.info{background:#6e7781}.unverifiable{background:#6e7781}
    .finding{background:#fff;border:1px solid #ddd;margin:10px 0;padding:10px}
    .finding .msg{margin:6px 0}
    pre.ctx{background:#f6f8fa;padding:6px;overflow-x:auto;font-size:13px;margin:6px 0;white-space:pre-wrap}
    .ctx .ln{color:#999;display:inline-block;width:4em;text-align:right;margin-right:8px}
    .ctx .hl{background:#fff3b0}
    mark{background:#ffd33d}
    .src{font-size:13px}
    details pre{white-space:pre-wrap;font-size:13px}
    """

    // MARK: index.html

    public static func index(_ ranked: [ReportAudit], _ run: RunInfo, pages: [String: String]) -> String {
        let zh = run.language == .zh
        var h = head(zh ? "政府信息公开工作年度报告审核" : "Annual report audit", lang: run.language)
        h += "<body data-ready=\"0\">\n<h1>\(zh ? "政府信息公开工作年度报告审核排名" : "Annual report audit ranking")</h1>\n"
        h += "<p class=\"meta\">\(zh ? "规则集" : "Rule set")：\(escape(run.ruleSet.name)) · \(zh ? "审核日期" : "Date")：\(escape(run.date)) · \(zh ? "报告数" : "Reports")：\(escape(Format.reportCount(ranked, zh: zh)))</p>\n"
        h += "<section class=\"charts\">\n" + histogram(ranked, zh) + ruleChart(ranked, run, zh) + "</section>\n"
        let grades = run.ruleSet.grades.sorted { $0.minimum > $1.minimum }.map(\.name)
        h += "<div class=\"controls\"><input id=\"q\" type=\"search\" placeholder=\"\(zh ? "按单位、文件或问题筛选" : "Filter by agency, file or problem")\">"
        h += "<select id=\"grade\"><option value=\"\">\(zh ? "全部等级" : "All grades")</option>"
        for g in grades { h += "<option value=\"\(escape(g))\">\(escape(g))</option>" }
        h += "</select><span id=\"count\"></span></div>\n"
        let headers: [(String, String, String)] = zh
            ? [("rank", "num", "排名"), ("agency", "text", "单位"), ("year", "num", "年度"), ("score", "num", "得分"), ("grade", "text", "等级"),
               ("errors", "num", "错误"), ("warnings", "num", "警告"), ("coverage", "num", "核验覆盖"), ("problem", "text", "主要问题")]
            : [("rank", "num", "Rank"), ("agency", "text", "Agency"), ("year", "num", "Year"), ("score", "num", "Score"), ("grade", "text", "Grade"),
               ("errors", "num", "Errors"), ("warnings", "num", "Warnings"), ("coverage", "num", "Verified"), ("problem", "text", "Main problem")]
        h += "<table id=\"ranking\"><thead><tr>"
        for (key, type, label) in headers { h += "<th data-key=\"\(key)\" data-type=\"\(type)\">\(label)</th>" }
        h += "</tr></thead><tbody>\n"
        for a in ranked {
            let page = pages[a.file].map { "reports/" + escape(percentEncode($0)) + ".html" } ?? "#"
            let coverage = a.applicableRules == 0 ? 0 : Double(a.verifiedRules) / Double(a.applicableRules)
            h += "<tr data-rank=\"\(a.rank)\" data-agency=\"\(escape(a.displayName))\" data-year=\"\(a.year ?? 0)\" data-score=\"\(Format.number(a.score))\" "
            h += "data-grade=\"\(escape(a.grade))\" data-errors=\"\(a.errorCount)\" data-warnings=\"\(a.warningCount)\" data-coverage=\"\(Format.number(coverage))\" "
            h += "data-problem=\"\(escape(a.mainProblem))\" data-file=\"\(escape(a.file))\">"
            h += "<td class=\"num\">\(a.rank)</td><td><a href=\"\(page)\">\(escape(a.displayName))</a><br><small>\(escape(a.file))</small></td>"
            h += "<td class=\"num\">\(a.year.map(String.init) ?? "—")</td><td class=\"num\">\(Format.number(a.score))</td>"
            h += "<td class=\"g-\(escape(a.grade))\">\(escape(a.grade))</td><td class=\"num\">\(a.errorCount)</td><td class=\"num\">\(a.warningCount)</td>"
            h += "<td class=\"num\">\(a.verifiedRules)/\(a.applicableRules)</td><td>\(escape(Format.clip(a.mainProblem, 80)))</td></tr>\n"
        }
        h += "</tbody></table>\n"
        if !run.notAudited.isEmpty {
            h += "<details class=\"skipped\"><summary>\(zh ? "未审核的文件" : "Not audited")（\(run.notAudited.count)）</summary><ul>\n"
            for n in run.notAudited { h += "<li>\(escape(n.path))：\(escape(n.reason.text(run.language)))</li>\n" }
            h += "</ul></details>\n"
        }
        h += "<script>\n\(script(zh))\n</script>\n</body></html>\n"
        return h
    }

    static func head(_ title: String, lang: Language) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(lang == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(escape(title))</title>"
            + "<style>\(style)</style></head>\n"
    }

    /// Sorting and filtering; URL parameters (?sort=score&dir=asc&grade=优秀&q=镇) give the same
    /// view, so a sorted or filtered table can be bookmarked or sent.
    static func script(_ zh: Bool) -> String {
        """
        (function () {
          var table = document.getElementById('ranking');
          var tbody = table.tBodies[0];
          var q = document.getElementById('q'), grade = document.getElementById('grade'), count = document.getElementById('count');
          var headers = table.tHead.rows[0].cells;
          function value(row, key, type) {
            var v = row.getAttribute('data-' + key) || '';
            return type === 'num' ? parseFloat(v) || 0 : v;
          }
          function sort(key, dir) {
            var th = null;
            for (var i = 0; i < headers.length; i++) {
              headers[i].removeAttribute('aria-sort');
              if (headers[i].getAttribute('data-key') === key) th = headers[i];
            }
            if (!th) return;
            var type = th.getAttribute('data-type');
            var rows = Array.prototype.slice.call(tbody.rows);
            rows.sort(function (a, b) {
              var x = value(a, key, type), y = value(b, key, type);
              var c = type === 'num' ? x - y : String(x).localeCompare(String(y), 'zh-Hans-CN');
              if (c === 0) c = value(a, 'rank', 'num') - value(b, 'rank', 'num');
              return dir === 'desc' ? -c : c;
            });
            rows.forEach(function (r) { tbody.appendChild(r); });
            th.setAttribute('aria-sort', dir === 'desc' ? 'descending' : 'ascending');
          }
          function filter() {
            var text = q.value.trim().toLowerCase(), g = grade.value, shown = 0;
            Array.prototype.forEach.call(tbody.rows, function (r) {
              var hay = (r.getAttribute('data-agency') + ' ' + r.getAttribute('data-file') + ' ' + r.getAttribute('data-problem')).toLowerCase();
              var ok = (!g || r.getAttribute('data-grade') === g) && (!text || hay.indexOf(text) >= 0);
              r.style.display = ok ? '' : 'none';
              if (ok) shown++;
            });
            count.textContent = '\(zh ? "显示" : "Showing") ' + shown + ' / ' + tbody.rows.length;
          }
          Array.prototype.forEach.call(headers, function (th) {
            th.addEventListener('click', function () {
              var dir = th.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc';
              sort(th.getAttribute('data-key'), dir);
            });
          });
          q.addEventListener('input', filter);
          grade.addEventListener('change', filter);
          var params = new URLSearchParams(window.location.search);
          if (params.get('q')) q.value = params.get('q');
          if (params.get('grade')) grade.value = params.get('grade');
          if (params.get('sort')) sort(params.get('sort'), params.get('dir') === 'desc' ? 'desc' : 'asc');
          filter();
          document.body.setAttribute('data-ready', '1');
        })();
        """
    }

    /// Score histogram, ten-point bins.
    static func histogram(_ ranked: [ReportAudit], _ zh: Bool) -> String {
        var bins = [Int](repeating: 0, count: 10)
        for a in ranked { bins[min(9, max(0, Int(a.score / 10)))] += 1 }
        let maxCount = max(1, bins.max() ?? 1)
        let w = 36, hgt = 140
        var svg = "<figure><figcaption>\(zh ? "得分分布" : "Score distribution")</figcaption>"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w * 10 + 20)\" height=\"\(hgt + 40)\" role=\"img\" aria-label=\"\(zh ? "得分分布" : "Score distribution")\">"
        for (i, n) in bins.enumerated() {
            let barH = n * hgt / maxCount, x = 10 + i * w
            svg += "<rect x=\"\(x + 3)\" y=\"\(hgt - barH + 10)\" width=\"\(w - 6)\" height=\"\(barH)\" fill=\"#0969da\"><title>\(i * 10)–\(i == 9 ? 100 : i * 10 + 9)：\(n)</title></rect>"
            if n > 0 { svg += "<text x=\"\(x + w / 2)\" y=\"\(hgt - barH + 6)\" font-size=\"11\" text-anchor=\"middle\">\(n)</text>" }
            svg += "<text x=\"\(x + w / 2)\" y=\"\(hgt + 26)\" font-size=\"10\" text-anchor=\"middle\">\(i * 10)</text>"
        }
        return svg + "</svg></figure>\n"
    }

    /// Per rule: how many reports fail it, and how many it could not verify.
    static func ruleChart(_ ranked: [ReportAudit], _ run: RunInfo, _ zh: Bool) -> String {
        let rules = run.ruleSet.rules.map(\.id)
        var fails: [String: Int] = [:], unver: [String: Int] = [:]
        for a in ranked {
            for o in a.outcomes {
                if o.outcome == .fail { fails[o.rule, default: 0] += 1 }
                if o.outcome == .unverifiable { unver[o.rule, default: 0] += 1 }
            }
        }
        let maxCount = max(1, ranked.count)
        let rowH = 22, labelW = 320, barW = 260
        var svg = "<figure><figcaption>\(zh ? "各规则不通过（红）与无法核验（灰）的报告数" : "Reports failing (red) / not verifiable (grey) per rule")</figcaption>"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 60)\" height=\"\(rules.count * rowH + 10)\" role=\"img\">"
        for (i, id) in rules.enumerated() {
            let y = 5 + i * rowH, f = fails[id] ?? 0, u = unver[id] ?? 0
            let fw = f * barW / maxCount, uw = u * barW / maxCount
            // The title as officials name the rule, the id in the tooltip.
            let title = Format.clip(Format.ruleTitle(id, run), zh ? 24 : 44)
            svg += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\"><title>\(escape(id))</title>\(escape(title))</text>"
            svg += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(fw)\" height=\"14\" fill=\"#cf222e\"><title>\(escape(id))：\(f)</title></rect>"
            svg += "<rect x=\"\(labelW + fw)\" y=\"\(y + 3)\" width=\"\(uw)\" height=\"14\" fill=\"#8c959f\"><title>\(escape(id))：\(u)</title></rect>"
            svg += "<text x=\"\(labelW + fw + uw + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(f)/\(u)</text>"
        }
        return svg + "</svg></figure>\n"
    }

    // MARK: reports/<name>.html

    public static func page(_ a: ReportAudit, _ run: RunInfo, pages: [String: String]) -> String {
        let zh = run.language == .zh
        var h = head("\(a.displayName) — \(zh ? "年报审核" : "audit")", lang: run.language)
        h += "<body data-ready=\"1\">\n<p><a href=\"../index.html\">← \(zh ? "返回排名" : "Back to the ranking")</a></p>\n"
        h += "<h1>\(escape(a.displayName)) \(a.year.map { zh ? "\($0)年" : "\($0)" } ?? "")\(zh ? "政府信息公开工作年度报告审核" : " annual report audit")</h1>\n"
        h += "<p class=\"meta\">\(zh ? "文件" : "File")：\(escape(a.file)) · \(zh ? "规则集" : "Rule set")：\(escape(run.ruleSet.name)) · \(zh ? "审核日期" : "Date")：\(escape(run.date))"
        h += " · \(zh ? "年报格式" : "Template")：\(a.template.map { $0.rawValue } ?? "—")"
        if let d = a.publicationDate { h += " · \(zh ? "落款日期" : "Dated")：\(d.iso)" }
        h += "</p>\n<p>\(zh ? "得分" : "Score")：<strong id=\"score\">\(Format.number(a.score))</strong> · \(zh ? "等级" : "Grade")：<strong class=\"g-\(escape(a.grade))\">\(escape(a.grade))</strong>"
        h += " · \(zh ? "排名" : "Rank")：\(a.rank) · \(zh ? "核验覆盖" : "Verified")：\(a.verifiedRules)/\(a.applicableRules)</p>\n"
        h += "<h2>\(zh ? "规则结果" : "Rule outcomes")</h2>\n<table><tr><th>\(zh ? "规则" : "Rule")</th><th>\(zh ? "结果" : "Outcome")</th></tr>"
        for o in a.outcomes {
            h += "<tr><td title=\"\(escape(o.rule))\">\(escape(Format.ruleTitle(o.rule, run)))</td><td>\(Format.outcomeName(o.outcome, run.language))</td></tr>"
        }
        h += "</table>\n<h2>\(zh ? "问题" : "Findings")（\(a.findings.count)）</h2>\n"
        if a.findings.isEmpty { h += "<p>\(zh ? "未发现问题。" : "No findings.")</p>\n" }
        // Grouped by the part of the report they are in, so the agency fixes one part at a time.
        for group in Format.bySection(a.findings) {
            h += "<h3>\(escape(Format.sectionHeading(group.section, run.language)))</h3>\n"
            for (number, f) in group.items { h += finding(f, number: number, in: a, run, pages: pages) }
        }
        if !a.lines.isEmpty {
            h += "<details><summary>\(zh ? "报告原文（带行号）" : "Report text with line numbers")</summary><pre>"
            for (n, line) in a.lines.enumerated() { h += "<span id=\"L\(n + 1)\"><span class=\"ln\">\(n + 1)</span> \(escape(line))</span>\n" }
            h += "</pre></details>\n"
        }
        return h + "</body></html>\n"
    }

    /// One finding: severity, rule title (id in the tooltip), message, evidence in context, other places.
    static func finding(_ f: Finding, number: Int, in a: ReportAudit, _ run: RunInfo, pages: [String: String]) -> String {
        let zh = run.language == .zh
        var h = ""
        let cls = f.outcome == .unverifiable ? "unverifiable" : f.severity.rawValue
        let label = f.outcome == .unverifiable ? Format.outcomeName(.unverifiable, run.language) : Format.severityName(f.severity, run.language)
        h += "<div class=\"finding\" id=\"f\(number)\"><span class=\"badge \(cls)\">\(escape(label))</span> <strong title=\"\(escape(f.rule))\">\(escape(Format.ruleTitle(f.rule, run)))</strong>"
        h += " <small>\(zh ? "扣" : "−")\(Format.number(f.deduction))\(zh ? "分" : "")\(f.line.map { zh ? " · 第\($0)行" : " · line \($0)" } ?? "")</small>"
        h += "<div class=\"msg\">\(escape(f.message))</div>"
        if let e = f.exemption { h += "<div class=\"src\">\(zh ? "已豁免" : "Exempted")：\(escape(e.reason))（\(escape(e.approvedBy))，\(escape(e.expires))）</div>" }
        h += context(f, lines: a.lines)
        if !f.sources.isEmpty {
            h += "<div class=\"src\">\(zh ? "其他出处" : "Also in")："
            h += f.sources.map { s in
                let target = pages[s.file].map { escape(percentEncode($0)) + ".html#L\(s.line)" }
                let text = "\(escape(s.file)) \(zh ? "第\(s.line)行" : "line \(s.line)")"
                return target.map { "<a href=\"\($0)\">\(text)</a>" } ?? text
            }.joined(separator: "；")
            h += "</div>"
        }
        h += "</div>\n"
        return h
    }

    /// The lines around the evidence, the lines it touches highlighted, the quoted text marked.
    static func context(_ f: Finding, lines: [String]) -> String {
        let related = f.relatedLines.filter { $0 >= 1 && $0 <= lines.count }
        guard let lo = related.min(), let hi = related.max() else {
            return f.excerpt.map { "<pre class=\"ctx\">\(escape($0))</pre>" } ?? ""
        }
        let first = max(1, lo - 2), last = min(lines.count, max(hi, lo) + 2)
        var out = "<pre class=\"ctx\">"
        var n = first
        while n <= last {
            if n - lo > 12 && hi - n > 3 { out += "<span class=\"ln\">…</span>\n"; n = max(n + 1, hi - 2); continue }
            let text = lines[n - 1]
            var body = escape(text)
            if n == f.line, let e = f.excerpt, !e.isEmpty, let r = text.range(of: e) {
                body = escape(String(text[..<r.lowerBound])) + "<mark>" + escape(String(text[r])) + "</mark>" + escape(String(text[r.upperBound...]))
            }
            let cls = related.contains(n) ? " class=\"hl\"" : ""
            out += "<span\(cls)><span class=\"ln\">\(n)</span>\(body)</span>\n"
            n += 1
        }
        return out + "</pre>"
    }

    /// Page names are safe file names already; this keeps `%`, `#` and `?` from breaking links.
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "#": out += "%23"
            case "?": out += "%3F"
            case " ": out += "%20"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
