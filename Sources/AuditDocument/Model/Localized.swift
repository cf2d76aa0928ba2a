/// A short text in both languages: findings and reasons are shown in the user's language.
public struct Localized: Sendable, Equatable, Hashable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
    public func text(_ language: Language) -> String { language == .en ? en : zh }
}
