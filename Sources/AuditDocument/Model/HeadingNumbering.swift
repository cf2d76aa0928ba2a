/// How a section heading was numbered in the source; anything but `.chinese` is irregular.
public enum HeadingNumbering: Sendable, Equatable {
    case chinese          // 一、
    case arabic(String)   // 5、 or 5.
    case part(String)     // 第一部分
    case bracketed(String) // 【一】
    case other(String)     // 一， Ⅰ、 壹、 ①: a section numbered irregularly
    case none             // a bare title
}
