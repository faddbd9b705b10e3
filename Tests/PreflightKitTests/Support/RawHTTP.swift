import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 spoken over plain sockets, so that requests reach the preview exactly as written and a
/// test can misbehave the way a hostile client would. Blocking calls run on threads of their own,
/// never on the few threads Swift's concurrency shares with the server.
enum RawHTTP {
    /// A TCP connection to 127.0.0.1:`port`, or -1. `receiveBuffer` shrinks the kernel's buffer
    /// for a client that means not to read.
    static func dial(_ port: UInt16, timeout: Int = 30, receiveBuffer: Int32? = nil) -> Int32 {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer {
            setsockopt(client, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(client)
            return -1
        }
        return client
    }

    /// Sends all of `text`; false once the server has closed the connection.
    @discardableResult
    static func sendAll(_ client: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Whether the server has closed `client` (end of file or reset), checked without waiting.
    static func isClosedByServer(_ client: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(client, &byte, 1, Int32(MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// One request with `Connection: close`, read to the end. `host: nil` sends no `Host` header.
    static func exchange(_ port: UInt16, _ path: String, method: String = "GET", host: String? = "127.0.0.1") -> (status: Int, body: String) {
        let client = dial(port)
        guard client >= 0 else { return (0, "") }
        defer { close(client) }
        sendAll(client, "\(method) \(path) HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + "Connection: close\r\n\r\n")
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// `exchange` on a thread of its own.
    static func get(_ port: UInt16, _ path: String, method: String = "GET", host: String? = "127.0.0.1") async -> (status: Int, body: String) {
        await onThread { exchange(port, path, method: method, host: host) }
    }

    /// Runs blocking work on a new thread and waits for it without holding a concurrency thread.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
