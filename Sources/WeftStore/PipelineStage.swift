import Dispatch
import Foundation

/// One stage of a pipeline: work items run in order on a thread of its own, a few queued at most.
///
/// A merge encodes a batch of threads while the previous batch is written, the
/// one before is recorded in the index, and the one before that has its words
/// indexed: four stages, each on a thread of its own.
/// The first failure stops the stage; later submissions and ``finish()`` throw it.
final class PipelineStage: @unchecked Sendable {
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: (any Error)?

    /// A stage whose queue holds at most `depth` items not yet started.
    init(name: String, depth: Int = 2) {
        queue = DispatchQueue(label: name)
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues `work`, waiting while the stage is `depth` items behind; throws an earlier item's failure.
    func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        if let failure = lock.withLock({ failure }) { throw failure }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do { try work() } catch { lock.withLock { if failure == nil { failure = error } } }
        }
    }

    /// Whether an item has failed.
    var failed: Bool { lock.withLock { failure != nil } }

    /// Waits for every queued item.
    func wait() { queue.sync {} }

    /// Waits, then throws the first failure.
    func finish() throws {
        wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}

/// A value handed to one pipeline stage at a time; the stage's order is what keeps it safe.
struct StageOwned<Value>: @unchecked Sendable {
    let value: Value
}
