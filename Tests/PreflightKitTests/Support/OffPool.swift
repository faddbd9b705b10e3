import Foundation

/// Runs blocking work (child processes, long synchronous loops) on a thread of its own and awaits it.
/// Swift Testing runs tests on the concurrency pool, which has one thread per core; a test that
/// blocks two of them for minutes starves every async test running beside it (the preview server's).
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
