/// Where a report's text came from: the document itself, or OCR of a scan. OCR misreads digits
/// (`0`/`8`, `1`/`7`), so table figures from it are trusted only when every figure was read with
/// high confidence.
public enum TextOrigin: Sendable, Equatable {
    case document
    case ocr(numbersConfident: Bool)

    public var isOCR: Bool { if case .ocr = self { return true } else { return false } }

    /// Why table figures from this text cannot be relied on, if they cannot: OCR text whose
    /// figures were not all read with confidence. Checks built on the figures then say "could not verify".
    public var figuresInDoubt: Localized? {
        guard case .ocr(numbersConfident: false) = self else { return nil }
        return Localized(zh: "报告为扫描件，文字经 OCR 识别，表中数字未能全部高置信度识别，不作核验（请以原件人工核对）",
                         en: "the report is a scan read by OCR and not every figure was read with confidence, so the figures are not checked (compare with the original)")
    }
}

extension Report {
    public var figuresInDoubt: Localized? { origin.figuresInDoubt }
}

extension ReleasedReport {
    public var figuresInDoubt: Localized? { origin.figuresInDoubt }
}
