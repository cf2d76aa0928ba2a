import AuditCore
import AuditDocument
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files an office folder holds besides reports: thumbnail caches, folder settings, editors'
/// lock files, images, spreadsheets, archives. They are listed as not audited, never ranked as
/// an agency scoring 0.
enum Clutter {
    static let names: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store", "icon\r", ".localized"]
    static let images: Set<String> = ["jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "svg", "ico", "heic"]
    static let spreadsheets: Set<String> = ["xls", "xlsx", "xlsm", "xlsb", "xltx", "xltm", "et", "ett", "ods", "csv", "tsv", "numbers"]
    static let presentations: Set<String> = ["ppt", "pptx", "pps", "ppsx", "dps", "dpt", "odp", "key"]
    static let media: Set<String> = ["mp4", "mp3", "avi", "mov", "wmv", "flv", "wav", "m4a"]
    static let archives: Set<String> = ["zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz"]
    static let system: Set<String> = ["lnk", "url", "tmp", "db", "ini", "log"]

    /// Why a file of this name is not audited; nil for a possible report.
    static func reason(_ name: String) -> Localized? {
        let lower = name.lowercased()
        if names.contains(lower) || lower.hasPrefix("._") {
            return Localized(zh: "系统生成的文件，不是报告", en: "a file the operating system makes, not a report")
        }
        // Word's and WPS's "~$name.docx", LibreOffice's ".~lock.name#": open-document lock files.
        if name.hasPrefix("~$") || lower.hasPrefix(".~lock.") || (lower.hasPrefix("~") && lower.hasSuffix(".tmp")) {
            return Localized(zh: "文档编辑软件的锁定或临时文件，不是报告", en: "an editor's lock or temporary file, not a report")
        }
        let ext = (lower as NSString).pathExtension
        if images.contains(ext) { return Localized(zh: "图片，不是文字报告", en: "an image, not a text report") }
        if spreadsheets.contains(ext) { return Localized(zh: "电子表格，暂不作为报告审核", en: "a spreadsheet; not audited as a report") }
        if presentations.contains(ext) { return Localized(zh: "演示文稿，不是报告全文", en: "a presentation, not a report") }
        if media.contains(ext) { return Localized(zh: "音视频文件，不是文字报告", en: "an audio or video file, not a text report") }
        if archives.contains(ext) { return Localized(zh: "压缩包：请先解压，再审核其中的报告", en: "an archive: extract it and audit the reports inside") }
        if system.contains(ext) { return Localized(zh: "快捷方式、临时或系统文件，不是报告", en: "a shortcut, temporary or system file, not a report") }
        return nil
    }
}
