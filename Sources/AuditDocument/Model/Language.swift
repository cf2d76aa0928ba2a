/// The language of finding messages.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}
