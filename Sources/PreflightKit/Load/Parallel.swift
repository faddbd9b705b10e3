import Dispatch
import Foundation

/// Maps `items` over all cores, keeping order.
///
/// The calling thread works through the items itself while helpers on the global queue join in as
/// cores come free. Unlike `concurrentPerform`, which runs a call nested inside another one on a
/// single thread, this lets a task of an outer map (one huge page) spread its own inner work over
/// cores that the outer map no longer needs. The caller waits only for helpers that have taken an
/// item, never for one still queued, so nesting cannot deadlock.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    // Each index is written by exactly one thread, which is why the buffer needs no lock.
    nonisolated(unsafe) let slots = buffer
    let state = MapState(count: items.count)
    // A helper that starts after the map returned finds `join()` false and touches nothing.
    let work: @Sendable (Int) -> Void = { index in slots[index] = transform(items[index]) }
    let helpers = min(items.count, ProcessInfo.processInfo.activeProcessorCount) - 1
    for _ in 0..<max(0, helpers) {
        DispatchQueue.global().async {
            guard state.join() else { return }
            while let index = state.next() { work(index) }
            state.leave()
        }
    }
    while let index = state.next() { work(index) }
    state.waitForHelpers()
    // Moved out, not copied: `deallocate` alone would leave every result with one reference that
    // is never released (which leaked each profile's documents in fleet builds).
    let results = (0..<items.count).map { (buffer.baseAddress! + $0).move()! }
    buffer.deallocate()
    return results
}

/// The next unclaimed index and the helpers still working, under one condition lock.
private final class MapState: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private var claimed = 0
    private var working = 0
    private var finished = false

    init(count: Int) { self.count = count }

    /// Registers a helper; false once the caller has stopped waiting (the helper must not touch the map).
    func join() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if finished || claimed >= count { return false }
        working += 1
        return true
    }

    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }

    func leave() {
        condition.lock()
        working -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once every index is claimed and no helper is still working on one.
    func waitForHelpers() {
        condition.lock()
        while working > 0 { condition.wait() }
        finished = true
        condition.unlock()
    }
}
