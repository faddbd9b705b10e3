import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A well-behaved live-reload page: it opens the event stream and reads everything, on a thread of
/// its own, into a buffer the test can wait on.
final class EventStreamClient: Sendable {
    private let socket: Int32
    private let received = Mutex("")
    private let open = Mutex(true)

    init(port: UInt16, host: String = "localhost") {
        socket = RawHTTP.dial(port, timeout: 1)
        RawHTTP.sendAll(socket, "GET /__preflight/events HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while open.withLock({ $0 }) {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { break }
                if count > 0 {
                    let text = String(decoding: buffer[0..<count], as: UTF8.self)
                    received.withLock { $0 += text }
                }
            }
        }.start()
    }

    var text: String { received.withLock { $0 } }

    /// How many times `marker` has arrived so far.
    func count(_ marker: String) -> Int { received.withLock { $0.components(separatedBy: marker).count - 1 } }

    /// Waits until `marker` has arrived `times` times, or `seconds` pass; true if it did.
    func wait(for marker: String, times: Int = 1, seconds: Double) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if count(marker) >= times { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return count(marker) >= times
    }

    /// Closes the connection, as a page does when it is closed or navigates away.
    func hangUp() {
        open.withLock { $0 = false }
        shutdown(socket, Int32(SHUT_RDWR))
    }

    deinit { close(socket) }
}
