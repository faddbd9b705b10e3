import PreflightKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on a loopback address: GET and HEAD only, one request per connection,
/// each connection on the shared concurrent queue. Enough to preview a site and stream reload events.
public final class HTTPServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        /// The decoded path, without the query.
        public var path: String
    }

    /// What a handler answers: a complete response, or an open stream it keeps writing to.
    public enum Response: Sendable {
        case content(status: Int, type: String, body: [UInt8])
        case stream(type: String, onOpen: @Sendable (Int32) -> Void)
    }

    public let port: UInt16
    private let socket: Int32
    private let handler: @Sendable (Request) -> Response
    private let queue = DispatchQueue(label: "preflight.serve", attributes: .concurrent)
    private let lock = NSLock()
    private var running = true

    /// Binds `host:port` (port 0 picks a free one) and starts accepting.
    public init(host: String = "127.0.0.1", port: UInt16, handler: @escaping @Sendable (Request) -> Response) throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServeError("cannot open a socket") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(descriptor)
            throw ServeError("`\(host)` is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            close(descriptor)
            throw ServeError("cannot listen on \(host):\(port) (in use?)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.socket = descriptor
        self.handler = handler
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    /// Stops accepting; connections already open finish on their own.
    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func acceptLoop() {
        while isRunning {
            let client = accept(socket, nil, nil)
            if client < 0 { if isRunning { continue } else { return } }
            var noSigPipe: Int32 = 1
            setsockopt(client, SOL_SOCKET, SO_KEEPALIVE, &noSigPipe, socklen_t(MemoryLayout<Int32>.size))
            queue.async { [handler] in Self.serve(client, handler: handler) }
        }
    }

    static func serve(_ client: Int32, handler: @Sendable (Request) -> Response) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = readHead(client), let request = parse(head) else {
            send(client, status: 400, type: "text/plain", body: Array("bad request\n".utf8), head: false)
            close(client)
            return
        }
        switch handler(request) {
        case .content(let status, let type, let body):
            send(client, status: status, type: type, body: body, head: request.method == "HEAD")
            close(client)
        case .stream(let type, let onOpen):
            let header = "HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            guard write(client, Array(header.utf8)) else {
                close(client)
                return
            }
            onOpen(client)
        }
    }

    /// Reads up to the blank line that ends the request head (at most 16 KiB).
    static func readHead(_ client: Int32) -> String? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 16 << 10 {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            bytes += buffer[0..<count]
            if bytes.count >= 4, bytes.suffix(4) == [13, 10, 13, 10] || String(decoding: bytes, as: UTF8.self).contains("\r\n\r\n") {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return nil
    }

    static func parse(_ head: String) -> Request? {
        let parts = (head.split(separator: "\r\n").first ?? "").split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        let target = String(parts[1].split(separator: "?", maxSplits: 1).first ?? "")
        guard let path = target.removingPercentEncoding else { return nil }
        return Request(method: String(parts[0]), path: path)
    }

    static let reasons = [200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"]

    static func send(_ client: Int32, status: Int, type: String, body: [UInt8], head: Bool) {
        let header = "HTTP/1.1 \(status) \(reasons[status] ?? "Error")\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        _ = write(client, Array(header.utf8) + (head ? [] : body))
    }

    /// Writes everything or reports failure (a closed peer); never raises SIGPIPE.
    @discardableResult
    public static func write(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }
}

public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ message: String) { description = message }
}
