import Foundation
import Testing
@testable import PreflightKit
#if canImport(Glibc)
import Glibc
@testable import PreflightServe
#endif

/// `preflight serve` on loopback: pages with the live script, traversal refused, many clients at
/// once, and reload or error events after a change. Every loop here is bounded in count and time.
@Suite("Preview server", .serialized)
struct ServeTests {
    /// A raw HTTP/1.1 exchange on 127.0.0.1, so that paths reach the server exactly as written.
    static func get(_ port: UInt16, _ path: String, timeout: Int = 5) -> (status: Int, body: String) {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return (0, "") }
        _ = HTTPServer.write(client, Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
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

    func start(_ site: FixtureSite) throws -> (DevServer, UInt16) {
        let server = DevServer(request: BuildRequest(contentRoot: site.content, outputRoot: site.output, cacheDirectory: site.cache)) { _ in }
        let port = try server.start(port: 0)
        return (server, port)
    }

    @Test func servesPagesWithTheLiveScriptAndRefusesTraversal() throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try start(site)
        defer { server.stop() }
        let page = Self.get(port, "/demo/checklist.html")
        #expect(page.status == 200)
        #expect(page.body.contains("<script src=\"/__preflight/live.js\"></script>"))
        #expect(Self.get(port, "/demo/").status == 200, "a folder serves its index.html")
        #expect(Self.get(port, "/__preflight/live.js").body.contains("EventSource"))
        for path in ["/../../etc/passwd", "/demo/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/demo/.preflight-output",
                     "/demo/%00x"] {
            #expect(Self.get(port, path).status == 403, "\(path)")
        }
        #expect(Self.get(port, "/demo/missing.html").status == 404)
    }

    @Test func servesManyClientsAtOnce() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try start(site)
        defer { server.stop() }
        let started = ContinuousClock.now
        let statuses = await withTaskGroup(of: [Int].self) { group in
            for client in 0..<16 {
                group.addTask {
                    (0..<25).map { request in
                        Self.get(port, ["/demo/index.html", "/demo/runbook.html", "/demo/assets/style.css"][(client + request) % 3]).status
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(statuses.count == 400)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses.filter { $0 != 200 }.count) failed")
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func changesReloadPagesAndFailuresShowTheirErrors() throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try start(site)
        defer { server.stop() }
        // An events stream, read on its own thread into a shared buffer.
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        defer { close(client) }
        var time = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        _ = HTTPServer.write(client, Array("GET /__preflight/events HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        func read(until marker: String, seconds: Int) -> String {
            var text = ""
            var buffer = [UInt8](repeating: 0, count: 8192)
            for _ in 0..<seconds {
                let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
                if count > 0 { text += String(decoding: buffer[0..<count], as: UTF8.self) }
                if text.contains(marker) { break }
            }
            return text
        }
        #expect(read(until: ": connected", seconds: 5).contains(": connected"))
        try site.write("Content/steps/copy.md", "---\nid: copy-data\nkind: step\ntitle: Copy the data, changed\nphase: cutover\nowner: dba\nestimate: 5m\n---\nCopy.\n")
        #expect(read(until: "event: reload", seconds: 15).contains("event: reload"))
        #expect(Self.get(port, "/demo/checklist.html").body.contains("Copy the data, changed"))
        try site.write("Content/broken.md", "---\nkind: tip\ntitle: [broken\n---\n")
        let error = read(until: "event: build-error", seconds: 15)
        #expect(error.contains("event: build-error"))
        #expect(error.contains("broken.md:4:1: error: invalid YAML"))
        #expect(Self.get(port, "/demo/checklist.html").body.contains("Copy the data, changed"), "the last good build stays")
    }
}
