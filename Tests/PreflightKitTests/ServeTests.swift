import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightServe

/// `preflight serve` on loopback: pages with the live script, traversal refused, many clients at
/// once, and reload or error events after a change. Every loop here is bounded in count and time.
@Suite("Preview server", .serialized)
struct ServeTests {
    static func start(_ site: FixtureSite) async throws -> (DevServer, UInt16) {
        let server = DevServer(request: BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)) { _ in }
        let port = try await server.start(port: 0)
        return (server, port)
    }

    @Test func servesPagesWithTheLiveScriptAndRefusesTraversal() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await Self.start(site)
        defer { server.stop() }
        let page = await RawHTTP.get(port, "/demo/checklist.html")
        #expect(page.status == 200)
        #expect(page.body.contains("<script src=\"/__preflight/live.js\"></script>"))
        #expect(await RawHTTP.get(port, "/demo/").status == 200, "a folder serves its index.html")
        #expect(await RawHTTP.get(port, "/__preflight/live.js").body.contains("EventSource"))
        for path in ["/../../etc/passwd", "/demo/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/demo/.preflight-output",
                     "/demo/%00x"] {
            #expect(await RawHTTP.get(port, path).status == 403, "\(path)")
        }
        #expect(await RawHTTP.get(port, "/demo/missing.html").status == 404)
        let head = await RawHTTP.get(port, "/demo/checklist.html", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty, "HEAD answers with the headers only")
        #expect(await RawHTTP.get(port, "/demo/checklist.html", method: "POST").status == 405)
    }

    @Test func servesManyClientsAtOnce() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await Self.start(site)
        defer { server.stop() }
        let started = ContinuousClock.now
        let statuses = await withTaskGroup(of: [Int].self) { group in
            for client in 0..<16 {
                group.addTask {
                    await RawHTTP.onThread {
                        (0..<25).map { request in
                            RawHTTP.exchange(port, ["/demo/index.html", "/demo/runbook.html", "/demo/assets/style.css"][(client + request) % 3]).status
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(statuses.count == 400)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses.filter { $0 != 200 }.count) failed")
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func changesReloadPagesAndFailuresShowTheirErrors() async throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let (server, port) = try await Self.start(site)
        defer { server.stop() }
        let page = EventStreamClient(port: port)
        defer { page.hangUp() }
        #expect(await page.wait(for: ": connected", seconds: 5))
        try site.write("Content/steps/copy.md", "---\nid: copy-data\nkind: step\ntitle: Copy the data, changed\nphase: cutover\nowner: dba\nestimate: 5m\n---\nCopy.\n")
        #expect(await page.wait(for: "event: reload", seconds: 15))
        #expect(await RawHTTP.get(port, "/demo/checklist.html").body.contains("Copy the data, changed"))
        try site.write("Content/broken.md", "---\nkind: tip\ntitle: [broken\n---\n")
        #expect(await page.wait(for: "event: build-error", seconds: 15))
        #expect(page.text.contains("broken.md:4:1: error: invalid YAML"))
        #expect(await RawHTTP.get(port, "/demo/checklist.html").body.contains("Copy the data, changed"), "the last good build stays")
    }
}
