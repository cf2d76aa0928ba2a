import AuditCore
import AuditDocument
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AuditRun {
    /// Every output, with the pages the page mode asks for (and a note when the mode was chosen
    /// for the user).
    static func writeOutputs(_ ranked: [ReportAudit], clusters: [ReuseCluster], pass: InputPass, notAudited: [NotAudited],
                             options o: Options, into folder: OutputFolder, times: StageTimes) throws -> [ReportAudit] {
        var run = RunInfo(ruleSet: o.ruleSet, date: o.date, language: o.language, baseline: o.baseline)
        run.notAudited = notAudited
        let pageMode = o.pages ?? (ranked.count > PageMode.automaticLimit ? .findings : .all)
        if o.pages == nil, pageMode == .findings, o.printNotes {
            FileHandle.standardError.write(Data((o.language == .zh
                ? "报告超过 \(PageMode.automaticLimit) 份：只为有问题的报告写单独页面（--pages all 可全部写出）\n"
                : "more than \(PageMode.automaticLimit) reports: pages are written only for reports with findings (--pages all writes every one)\n").utf8))
        }
        return try write(ranked, clusters: clusters, hasReuseRule: o.ruleSet.rules.contains { $0.kind == .narrativeReuse }, run: run,
                         exemptions: o.exemptions, notice: o.notice, pageMode: pageMode, into: folder, lines: pass.lines, times: times)
    }

    /// Writes every output into the staging folder and puts it in place of the previous set in
    /// one step. A page that cannot be written is a finding on its report, not a failed run; the
    /// audits as written (with such findings) are returned.
    static func write(_ ranked: [ReportAudit], clusters: [ReuseCluster], hasReuseRule: Bool, run: RunInfo, exemptions: ExemptionSet? = nil,
                      notice: NoticeDocument.Options? = nil, pageMode: PageMode = .all, into folder: OutputFolder, lines: (ReportAudit) -> [String], times: StageTimes = StageTimes()) throws -> [ReportAudit] {
        let out = URL(fileURLWithPath: folder.staging)
        let reports = out.appendingPathComponent("reports")
        var ranked = ranked
        func tables(_ ranked: [ReportAudit]) throws -> [TableWriter] {
            try tableWriters(ranked, clusters: clusters, hasReuseRule: hasReuseRule, run: run, exemptions: exemptions, notice: notice)
        }
        do {
            let t = StageTimes.now()
            // The tables and every report's page are independent: one pool of tasks on every
            // core, the large tables first so that they overlap the pages. The staging folder is
            // this run's own, so each file is written once in place (a temporary file and a
            // rename per page were most of the write stage in a folder of 200,000 files).
            let first = try tables(ranked)
            let paged = ranked.indices.filter { pageMode.wants(ranked[$0]) }
            var pages = OutputNames.pages(for: paged.map { ranked[$0].file })
            let failures = Parallelism.map(first.count + paged.count) { k -> (table: Error?, page: Error?) in
                if k < first.count {
                    do { try first[k].1(out.appendingPathComponent(first[k].0).path); return (nil, nil) }
                    catch { return (error, nil) }
                }
                var a = ranked[paged[k - first.count]]
                if a.lines.isEmpty { a.lines = lines(a) }
                return (nil, writePage(a, run, pages: pages, to: reports.appendingPathComponent(pages[a.file]!).path))
            }
            if let e = failures.lazy.compactMap(\.table).first { throw e }
            // Pages that could not be written: a finding on the report, and the tables again with it.
            let failedPages = failures.dropFirst(first.count).enumerated().compactMap { i, f in f.page.map { (paged[i], $0) } }
            if !failedPages.isEmpty {
                for (i, error) in failedPages {
                    AuditEngine.markPageUnwritten(&ranked[i], reason: error.localizedDescription, language: run.language)
                    pages[ranked[i].file] = nil
                }
                for (name, write) in try tables(ranked) { try write(out.appendingPathComponent(name).path) }
            }
            times.addWall("write tables and pages", StageTimes.now() - t)
            try plainWrite(HTMLReport.index(ranked, run, pages: pages), to: out.appendingPathComponent("index.html").path)
            if let ex = exemptions {
                for w in ExemptionReport.warnings(ranked, ex) { FileHandle.standardError.write(Data((w + "\n").utf8)) }
            }
            try folder.commit()
            return ranked
        } catch let e as AuditError {
            throw e
        } catch {
            throw OutputFolder.error("无法把输出写入“\(folder.path)”：\(error.localizedDescription)；上一次的输出保持不变。请检查磁盘空间与权限，或用 --out 换一个文件夹",
                                     "cannot write the outputs to '\(folder.path)': \(error.localizedDescription); the previous outputs are unchanged. Check the disk space and permissions, or choose another folder with --out")
        }
    }

    /// An output file's name and how to write it to a path.
    typealias TableWriter = (String, (String) throws -> Void)

    /// The run's tables: audit.jsonl, the ranking in three forms, the reuse report, exemptions, the notice.
    static func tableWriters(_ ranked: [ReportAudit], clusters: [ReuseCluster], hasReuseRule: Bool, run: RunInfo, exemptions: ExemptionSet?,
                             notice: NoticeDocument.Options?) throws -> [TableWriter] {
        func text(_ name: String, _ render: @escaping () -> String) -> TableWriter {
            (name, { try plainWrite(render(), to: $0) })
        }
        var list: [TableWriter] = [
            text("audit.jsonl") { AuditJSONL.render(ranked, run) },
            ("ranking.xlsx", { try XLSXFile.write(RankingWorkbook.make(ranked, run), to: $0, date: run.date,
                                                 title: run.language == .zh ? "政府信息公开工作年度报告审核排名" : "Annual report audit ranking") }),
            text("ranking.md") { RankingMarkdown.render(ranked, run) },
            text("ranking.csv") { RankingCSV.render(ranked, run) },
        ]
        if hasReuseRule {
            list.append(text("reuse.md") { ReuseReport.markdown(clusters, run) })
            list.append(text("reuse.csv") { ReuseReport.csv(clusters, run) })
        }
        if let ex = exemptions { list.append(text("exemptions.md") { ExemptionReport.markdown(ranked, ex, run) }) }
        // Built here, not in the pool: ZIPFoundation and libxlsxwriter both call gmtime,
        // which is not thread-safe, and the two files would race for its buffer.
        if let notice {
            let data = try NoticeDocument.docx(ranked, run, options: notice)
            list.append(("notice.docx", { try plainWrite(data, to: $0) }))
        }
        return list
    }

    /// A report's page, Markdown and HTML; on failure neither is left behind, and the error is returned.
    static func writePage(_ a: ReportAudit, _ run: RunInfo, pages: [String: String], to base: String) -> Error? {
        do {
            try plainWrite(ReportMarkdown.render(a, run), to: base + ".md")
            try plainWrite(HTMLReport.page(a, run, pages: pages), to: base + ".html")
            return nil
        } catch {
            unlink(base + ".md"); unlink(base + ".html")
            return error
        }
    }

    /// Creates (or truncates) a file and writes the text.
    static func plainWrite(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try plainWrite(UnsafeRawBufferPointer($0), to: path) }
    }

    static func plainWrite(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try plainWrite($0, to: path) }
    }

    static func plainWrite(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        let failure: Int32? = { () -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; return errno }
                offset += n
            }
            return nil
        }()
        if close(fd) != 0, failure == nil { throw WriteError(path: path, code: errno) }
        if let code = failure { throw WriteError(path: path, code: code) }
    }

    struct WriteError: Error, LocalizedError {
        var path: String, code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }
}
