/// The levels a place's name ends in, as agencies' names begin with their place.
package enum PlaceName {
    /// From the county up (自治区 ends in 区).
    package static let countyAndAbove = ["省", "市", "县", "区", "州", "盟", "旗"]
    /// Down to the township.
    package static let levels = countyAndAbove + ["镇", "乡"]
    /// The municipalities directly under the central government, with and without 市.
    package static let municipalities: Set<String> = ["北京市", "上海市", "天津市", "重庆市", "北京", "上海", "天津", "重庆"]
}
