import Dispatch
import Synchronization

/// Maps `items` over all cores, keeping order.
///
/// `concurrentPerform` runs the iterations on the cores there are; each result goes into its slot
/// under a lock, held only for the store. A map nested inside another one runs on the thread that
/// called it, which is what the nesting wants: the outer map already keeps the cores busy.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let result = transform(items[index])
        results.withLock { $0[index] = result }
    }
    return results.withLock { $0.map { $0! } }
}
