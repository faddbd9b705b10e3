import Dispatch

/// Maps `items` over all cores, keeping order. Each index is written by exactly one iteration,
/// which is why the unchecked buffer below needs no lock.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    nonisolated(unsafe) let slots = buffer
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots[index] = transform(items[index])
    }
    // Moved out, not copied: `deallocate` alone would leave every result with one reference that
    // is never released (which leaked each profile's documents in fleet builds).
    let results = (0..<items.count).map { (buffer.baseAddress! + $0).move()! }
    buffer.deallocate()
    return results
}
