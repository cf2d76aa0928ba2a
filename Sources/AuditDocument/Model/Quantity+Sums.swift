extension Quantity {
    /// Whether two sums agree: exactly for counts, within printed precision for decimals.
    package static func sumsAgree(_ left: [Quantity], _ right: [Quantity]) -> Bool {
        let scale = (left + right).map(\.scale).max() ?? 0
        func interval(_ qs: [Quantity]) -> (Int64, Int64) {
            var lo: Int64 = 0, hi: Int64 = 0
            for q in qs {
                var factor: Int64 = 1
                for _ in 0..<(scale - q.scale) { factor *= 10 }
                // One extra decimal place so that half a unit is a whole number.
                let v = q.mantissa * factor * 10
                // ± half a unit in the last printed place; an integer is exact.
                let half: Int64 = q.scale == 0 ? 0 : 5 * factor
                lo += v - half; hi += v + half
            }
            return (lo, hi)
        }
        let (a, b) = interval(left), (c, d) = interval(right)
        return a <= d && c <= b
    }
}
