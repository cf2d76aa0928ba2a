/// Table 二 (主动公开政府信息情况): each item's figures as printed. No identity holds between
/// them; the narrative's figures are compared with them.
public struct ProactiveTable: Sendable {
    public struct Item: Sendable {
        public var spec: ProactiveItemSpec
        public var reading: RowReading
    }
    public var items: [Item]
    public var firstLine: Int

    public func reading(_ id: String) -> RowReading? { items.first { $0.spec.id == id }?.reading }
}
