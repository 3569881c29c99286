import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// The results of `transform` on every element, in order, computed on every core.
    ///
    /// For pure per-item work (parsing messages, encoding thread files,
    /// stripping quotes before indexing) where items are independent.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = ParallelSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, transform(self[i])) }
        return slots.values.map { $0! }
    }
}

/// Results written by concurrent workers, one slot each.
private final class ParallelSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [T?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) { lock.withLock { values[i] = value } }
}
