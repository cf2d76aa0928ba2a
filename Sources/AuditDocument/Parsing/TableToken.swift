/// A piece of a table as printed on one line without cell separators: label text, or a run of
/// values (digits glued together or spaced irregularly), as in
/// `…数量3000000二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开1000000…`.
package struct TableToken {
    package enum Kind { case text, values }
    package var kind: Kind
    /// Folded text (full-width forms to half-width; spaces kept inside value runs).
    package var text: String
    package var line: Int
    /// Scalar offsets in the source line.
    package var lo: Int
    package var hi: Int
}
