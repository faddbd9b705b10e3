import Foundation
import Synchronization

/// The open live-reload pages, each fed server-sent events through a stream of its own.
///
/// A broadcast only appends to each page's buffer and returns: the writing happens in that page's
/// connection, so a page that stops reading holds up no one. Its buffer keeps the newest few events
/// and drops the rest (a page only needs the latest reload). A page leaves the registry as soon as
/// its stream ends — when its connection closes — not at the next broadcast.
final class LiveReload: Sendable {
    /// One page's events, already in wire form, and the way to end them when the page goes away.
    struct Subscription: Sendable {
        let events: AsyncStream<String>
        let continuation: AsyncStream<String>.Continuation

        func end() { continuation.finish() }
    }

    private struct State {
        var pages: [UInt64: AsyncStream<String>.Continuation] = [:]
        var nextID: UInt64 = 0
        /// The last failed build's diagnostics, shown to pages that open while it stands.
        var lastError: String?
    }

    /// Events a page that does not read can have waiting before the oldest are dropped.
    static let bufferedEvents = 8

    private let state = Mutex(State())

    /// How many pages are listening.
    var pageCount: Int { state.withLock { $0.pages.count } }

    /// Opens a stream for one page: a comment that it is connected, then the standing error if any,
    /// then every broadcast.
    func subscribe() -> Subscription {
        let (events, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(Self.bufferedEvents))
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        // Set before the page is registered, so that a stream ended at any point afterwards leaves the registry.
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.pages.removeValue(forKey: id) }
        }
        state.withLock { state in
            state.pages[id] = continuation
            // Under the lock, so that no broadcast slips in before the page's first events.
            continuation.yield(": connected\n\n")
            if let error = state.lastError { continuation.yield(Self.encode(event: "build-error", data: error)) }
        }
        return Subscription(events: events, continuation: continuation)
    }

    /// Records the outcome of a build (the error stays for pages that open later) and tells every page.
    func report(buildError: String?, built: Int) {
        state.withLock { $0.lastError = buildError }
        if let buildError {
            broadcast(event: "build-error", data: buildError)
        } else {
            broadcast(event: "reload", data: "\(built)")
        }
    }

    /// Queues one event for every page; never waits for any of them.
    func broadcast(event: String, data: String) {
        let message = Self.encode(event: event, data: data)
        // Yielded outside the lock: a stream that ends now runs its termination handler, which takes the lock.
        for page in state.withLock({ Array($0.pages.values) }) { page.yield(message) }
    }

    /// Ends every page's stream, so that their connections finish and the server can stop.
    func closeAll() {
        for page in state.withLock({ Array($0.pages.values) }) { page.finish() }
    }

    /// One event in the `text/event-stream` format; every line of the data gets its own `data:` field.
    static func encode(event: String, data: String) -> String {
        let lines = data.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { "data: \($0)" }
            .joined(separator: "\n")
        return "event: \(event)\n\(lines)\n\n"
    }
}
