import Foundation

/// A number of bytes shared by the parallel pass: each report takes from it what it keeps.
final class MemoryBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int

    init(bytes: Int) { remaining = bytes }

    /// Whether `bytes` could be taken (and then they are).
    func take(_ bytes: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard bytes <= remaining else { return false }
        remaining -= bytes
        return true
    }
}
