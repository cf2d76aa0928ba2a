import AuditDocument
import Dispatch
import Foundation

/// Where work runs on every core. Results always land by index, so output never depends on
/// scheduling; `sequential` (AUDIT_THREADS=1) runs everything on one thread, which the tests use
/// to prove exactly that.
public enum Parallelism {
    nonisolated(unsafe) public static var sequential = false

    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if sequential || count < 2 { for i in 0..<count { body(i) }; return }
        // The one place work crosses threads. Callers make `body` safe to run concurrently (each
        // index writes its own slot, shared state behind a lock) — which the compiler cannot see
        // through a plain closure, so it is said here once rather than at every call.
        withoutActuallyEscaping(body) { body in
            let shared = ConcurrentBody(body: body)
            DispatchQueue.concurrentPerform(iterations: count) { shared.body($0) }
        }
    }

    private struct ConcurrentBody: @unchecked Sendable { let body: (Int) -> Void }

    /// `body(i)` for every i in 0..<count on every core, results in index order.
    public static func map<R>(_ count: Int, _ body: (Int) -> R) -> [R] {
        let results = Slots<R>(count)
        forEach(count) { i in results.set(i, body(i)) }
        return results.values
    }

    /// One result slot per index, written under a lock.
    private final class Slots<R>: @unchecked Sendable {
        private var slots: [R?]
        private let lock = NSLock()
        init(_ count: Int) { slots = [R?](repeating: nil, count: count) }
        func set(_ i: Int, _ value: R) { lock.lock(); slots[i] = value; lock.unlock() }
        var values: [R] { slots.map { $0! } }
    }
}
