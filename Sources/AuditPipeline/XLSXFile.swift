import AuditCore
import AuditDocument
import CLibXLSXWriter
import Foundation

/// Writes a `RankingWorkbook` as an .xlsx file with libxlsxwriter: frozen header, column widths,
/// an autofilter, grade colours, numbers as numbers. Strings are always written as strings, so a
/// cell starting with `=` is text, never a formula.
enum XLSXFile {
    struct Failure: Error, LocalizedError {
        var path: String, reason: String
        var errorDescription: String? { "\(path): \(reason)" }
    }

    /// `date` (YYYY-MM-DD, the run's date) is the workbook's creation date, so the same run gives
    /// the same file.
    static func write(_ book: RankingWorkbook, to path: String, date: String, title: String) throws {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        // Constant memory: rows go to disk as written, so 100,000 reports need little memory.
        let tmp = (path as NSString).deletingLastPathComponent
        let made: UnsafeMutablePointer<lxw_workbook>? = tmp.withCString { dir in
            options.tmpdir = UnsafeMutablePointer(mutating: dir)
            return workbook_new_opt(path, &options)
        }
        guard let wb = made else { throw Failure(path: path, reason: "cannot create the workbook") }
        var strings = CStrings()
        defer { strings.free() }

        var properties = lxw_doc_properties()
        properties.title = strings.make(title)
        properties.created = created(date)
        _ = workbook_set_properties(wb, &properties)

        let header = workbook_add_format(wb)
        format_set_bold(header)
        format_set_bg_color(header, 0xF0F3F7)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        let wrap = workbook_add_format(wb)
        format_set_text_wrap(wrap)
        format_set_align(wrap, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let tones: [RankingWorkbook.RowTone: UnsafeMutablePointer<lxw_format>?] = [
            .best: fill(wb, 0xDAFBE1, 0x1A7F37), .good: fill(wb, 0xDDF4FF, 0x0969DA),
            .fair: fill(wb, 0xFFF8C5, 0x9A6700), .poor: fill(wb, 0xFFEBE9, 0xCF222E),
        ]

        for sheet in book.sheets {
            guard let ws = workbook_add_worksheet(wb, sheet.name) else { throw Failure(path: path, reason: "cannot add sheet \(sheet.name)") }
            layOut(ws, sheet, header: header)
            for (r, row) in sheet.rows.enumerated() {
                let rowNumber = lxw_row_t(r + 1)
                for (c, cell) in row.enumerated() {
                    var format: UnsafeMutablePointer<lxw_format>? = nil
                    if c == sheet.tonedColumn, r < sheet.tones.count, let f = tones[sheet.tones[r]] { format = f }
                    let error: lxw_error
                    switch cell {
                    case .text(let s): error = worksheet_write_string(ws, rowNumber, lxw_col_t(c), s, format)
                    case .number(let x): error = worksheet_write_number(ws, rowNumber, lxw_col_t(c), x, format)
                    case .empty: continue
                    }
                    guard error == LXW_NO_ERROR else { throw Failure(path: path, reason: String(cString: lxw_strerror(error))) }
                }
            }
            if let note = sheet.truncatedNote { _ = worksheet_write_string(ws, lxw_row_t(sheet.rows.count + 1), 0, note, wrap) }
        }
        let closed = workbook_close(wb)
        guard closed == LXW_NO_ERROR else { throw Failure(path: path, reason: String(cString: lxw_strerror(closed))) }
    }

    /// A sheet's columns, frozen header row, autofilter and print setup.
    static func layOut(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ sheet: RankingWorkbook.Sheet, header: UnsafeMutablePointer<lxw_format>?) {
        // Numbers keep Excel's General format: 83, 97.5, 97.25 as the other outputs show them.
        for (c, column) in sheet.columns.enumerated() { _ = worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), column.width, nil) }
        for (c, column) in sheet.columns.enumerated() { _ = worksheet_write_string(ws, 0, lxw_col_t(c), column.title, header) }
        worksheet_freeze_panes(ws, 1, 0)
        // Printed as offices print: A4 landscape, one page wide, the header on every page.
        worksheet_set_landscape(ws)
        worksheet_set_paper(ws, 9)
        worksheet_fit_to_pages(ws, 1, 0)
        _ = worksheet_repeat_rows(ws, 0, 0)
        let lastRow = sheet.rows.count + (sheet.truncatedNote == nil ? 0 : 1)
        if !sheet.columns.isEmpty { _ = worksheet_autofilter(ws, 0, 0, lxw_row_t(max(lastRow, 1)), lxw_col_t(sheet.columns.count - 1)) }
    }

    static func fill(_ wb: UnsafeMutablePointer<lxw_workbook>, _ background: lxw_color_t, _ font: lxw_color_t) -> UnsafeMutablePointer<lxw_format>? {
        let f = workbook_add_format(wb)
        format_set_bg_color(f, background)
        format_set_font_color(f, font)
        format_set_bold(f)
        return f
    }

    /// Midnight UTC of the run's date; 0 (libxlsxwriter's "now") never happens for a valid date.
    static func created(_ date: String) -> time_t {
        guard let day = CalendarDay(date) else { return 0 }
        var t = tm()
        t.tm_year = Int32(day.year - 1900); t.tm_mon = Int32(day.month - 1); t.tm_mday = Int32(day.day)
        return timegm(&t)
    }

    /// C strings kept alive until the workbook is closed (libxlsxwriter keeps the pointers).
    struct CStrings {
        var kept: [UnsafeMutablePointer<CChar>] = []
        mutating func make(_ s: String) -> UnsafeMutablePointer<CChar> {
            let p = strdup(s)!
            kept.append(p)
            return p
        }
        func free() { for p in kept { Foundation.free(p) } }
    }
}
