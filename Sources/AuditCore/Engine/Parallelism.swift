import Dispatch
import Foundation

/// Where work runs on every core. Results always land by index, so output never depends on
/// scheduling; `sequential` (AUDIT_THREADS=1) runs everything on one thread, which the tests use
/// to prove exactly that.
public enum Parallelism {
    nonisolated(unsafe) public static var sequential = false

    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if sequential || count < 2 { for i in 0..<count { body(i) } } else { DispatchQueue.concurrentPerform(iterations: count, execute: body) }
    }

    /// `body(i)` for every i in 0..<count on every core, results in index order.
    public static func map<R>(_ count: Int, _ body: (Int) -> R) -> [R] {
        var results = [R?](repeating: nil, count: count)
        let lock = NSLock()
        forEach(count) { i in
            let r = body(i)
            lock.lock(); results[i] = r; lock.unlock()
        }
        return results.map { $0! }
    }
}
