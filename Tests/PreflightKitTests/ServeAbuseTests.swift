import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightServe
#if canImport(Glibc)
import Glibc
#endif

/// The preview against clients that misbehave: foreign `Host` names (DNS rebinding), slow clients
/// holding connections open, pages that never read their event stream, and pages that go away.
@Suite("Preview server under abuse", .serialized)
struct ServeAbuseTests {
    @Test func answersOnlyToLoopbackNames() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await ServeTests.start(site)
        defer { server.stop() }
        for host in ["localhost:\(port)", "localhost", "127.0.0.1:\(port)", "[::1]:\(port)", "LOCALHOST:\(port)"] {
            #expect(await RawHTTP.get(port, "/demo/checklist.html", host: host).status == 200, "\(host)")
        }
        for host in ["evil.example", "evil.example:\(port)", "localhost.evil.example", "127.0.0.1.evil.example:\(port)",
                     "localhost:\(port)x", "[::1]x", ""] {
            #expect(await RawHTTP.get(port, "/demo/checklist.html", host: host).status == 421, "\(host)")
        }
        #expect(await RawHTTP.get(port, "/demo/checklist.html", host: nil).status == 421, "no Host at all")
        #expect(await RawHTTP.get(port, "/__preflight/events", host: "evil.example").status == 421)
        #expect(server.liveReload.pageCount == 0, "a refused page never joins the live reload")
    }

    /// Sixty connections each send a request line and then one header line every 2 s, never ending
    /// the head. A normal request meanwhile is answered within a second, the slow ones are cut once
    /// the idle timeout passes, and an open event stream is not.
    @Test func slowClientsHoldNeitherTheServerNorTheirConnections() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await ServeTests.start(site)
        defer { server.stop() }
        // A page with its event stream open: a request in progress, which the idle timeout leaves alone.
        let page = EventStreamClient(port: port)
        defer { page.hangUp() }
        #expect(await page.wait(for: ": connected", seconds: 5))
        let slow = (0..<60).map { _ in RawHTTP.dial(port) }
        defer { for client in slow where client >= 0 { close(client) } }
        #expect(slow.allSatisfy { $0 >= 0 })
        for client in slow { RawHTTP.sendAll(client, "GET /demo/index.html HTTP/1.1\r\nHost: localhost\r\n") }
        // Trickles until the server has refused every line (at most 20 s).
        let trickler = Task.detached {
            await RawHTTP.onThread {
                for line in 0..<10 {
                    Thread.sleep(forTimeInterval: 2)
                    let accepted = slow.filter { RawHTTP.sendAll($0, "X-Slow-\(line): \(line)\r\n") }
                    if accepted.isEmpty { break }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(2500))
        let started = ContinuousClock.now
        let normal = await RawHTTP.get(port, "/demo/index.html", host: "localhost:\(port)")
        let elapsed = ContinuousClock.now - started
        print("normal request under 60 slow clients: \(elapsed)")
        #expect(normal.status == 200)
        #expect(elapsed < .seconds(1))
        #expect(slow.filter { !RawHTTP.isClosedByServer($0) }.count == 60, "they were still open meanwhile")
        // Cut by the idle timeout (5 s from connecting) even though each keeps sending.
        let deadline = ContinuousClock.now + .seconds(10)
        var open = slow
        while !open.isEmpty, ContinuousClock.now < deadline {
            open.removeAll(where: RawHTTP.isClosedByServer)
            try await Task.sleep(for: .milliseconds(100))
        }
        print("slow clients still open after the idle timeout: \(open.count)")
        #expect(open.isEmpty, "\(open.count) slow clients still hold a connection")
        server.liveReload.broadcast(event: "reload", data: "1")
        #expect(await page.wait(for: "event: reload", seconds: 5), "the event stream outlives the idle timeout")
        await trickler.value
    }

    /// A page that opens the event stream and never reads, with several megabytes queued for it:
    /// rebuilds still return and their events still reach a page that reads.
    @Test func aPageThatNeverReadsStallsNoRebuild() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await ServeTests.start(site)
        defer { server.stop() }
        let stuck = RawHTTP.dial(port, receiveBuffer: 4096)
        defer { close(stuck) }
        RawHTTP.sendAll(stuck, "GET /__preflight/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let page = EventStreamClient(port: port)
        defer { page.hangUp() }
        #expect(await page.wait(for: ": connected", seconds: 5))
        #expect(await Self.eventually { server.liveReload.pageCount == 2 })
        // More than the kernel and the server buffer for the stuck page (4 MiB send buffer at most).
        let padding = String(repeating: "x", count: 512 << 10)
        for _ in 0..<16 { server.liveReload.broadcast(event: "padding", data: padding) }
        #expect(await page.wait(for: "event: padding", times: 16, seconds: 60), "the reading page gets all of it")
        var slowest = Duration.zero
        for _ in 0..<3 {
            let started = ContinuousClock.now
            await RawHTTP.onThread { server.rebuild(changed: []) }
            slowest = max(slowest, ContinuousClock.now - started)
        }
        print("slowest of 3 rebuilds with a stuck page: \(slowest)")
        #expect(slowest < .seconds(10))
        #expect(await page.wait(for: "event: reload", times: 3, seconds: 10))
        #expect(server.liveReload.pageCount == 2, "the stuck page is only held back, not dropped")
    }

    @Test func aClosedPageLeavesTheRegistryAtOnce() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await ServeTests.start(site)
        defer { server.stop() }
        let page = EventStreamClient(port: port)
        #expect(await page.wait(for: ": connected", seconds: 5))
        #expect(server.liveReload.pageCount == 1)
        let started = ContinuousClock.now
        page.hangUp()
        #expect(await Self.eventually { server.liveReload.pageCount == 0 }, "removed without a rebuild")
        print("closed page removed after \(ContinuousClock.now - started)")
    }

    /// Polls `condition` for up to 5 s.
    static func eventually(_ condition: @Sendable () -> Bool) async -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}
