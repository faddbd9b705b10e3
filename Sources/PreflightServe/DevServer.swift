import Foundation
import Hummingbird
import Logging
import NIOCore
import PreflightKit
import Synchronization

/// `preflight serve`: builds, serves the output on loopback, watches the content (the base and every
/// overlay) and the profiles, rebuilds on change and tells open pages to reload — or shows the
/// build's errors over the page.
public final class DevServer: Sendable {
    public let request: BuildRequest
    let liveReload = LiveReload()
    private let running = Mutex<(server: Task<Void, Never>?, watcher: Watcher?)>((nil, nil))
    private let log: @Sendable (String) -> Void

    /// How long a connection may sit without a complete request (or, between requests, idle) before
    /// it is closed. Partial header lines do not count as activity, so a client trickling its head
    /// one line at a time is dropped after this long however steadily it sends. An open event
    /// stream is a request in progress and is not cut.
    static let idleTimeout = TimeAmount.seconds(5)

    public init(request: BuildRequest, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.request = request
        self.log = log
    }

    /// Builds once, then serves and watches. Returns the bound port.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: UInt16) async throws -> UInt16 {
        rebuild(changed: [])
        let bound = try await serve(host: host, port: port)
        // Every layer: an edit to an overlay rebuilds like an edit to the base.
        var watched = request.layers.folders
        watched += request.profilePaths
        let watcher = try Watcher(paths: watched) { [weak self] paths in self?.rebuild(changed: paths) }
        running.withLock { $0.watcher = watcher }
        log("serving \(request.outputRoot) at http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/ — watching \(watched.joined(separator: ", "))")
        return bound
    }

    /// Starts the HTTP server and waits until it listens.
    private func serve(host: String, port: UInt16) async throws -> UInt16 {
        let responder = PreviewResponder(site: StaticFiles(root: request.outputRoot), liveReload: liveReload,
                                         hosts: LoopbackHost(bind: host))
        let (ports, listening) = AsyncThrowingStream.makeStream(of: Int.self)
        let application = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: Self.idleTimeout)),
            configuration: .init(address: .hostname(host, port: Int(port)), serverName: nil),
            onServerRunning: { channel in listening.yield(channel.localAddress?.port ?? 0) },
            // The terminal shows the preview's own lines; the server's would only repeat them.
            logger: Logger(label: "preflight.serve") { _ in SwiftLogNoOpLogHandler() }
        )
        let task = Task {
            do {
                try await application.run()
                listening.finish()
            } catch {
                listening.finish(throwing: error)
            }
        }
        running.withLock { $0.server = task }
        do {
            var iterator = ports.makeAsyncIterator()
            guard let bound = try await iterator.next(), bound > 0 else { throw ServeError("the server stopped before it listened") }
            return UInt16(bound)
        } catch let error as ServeError {
            throw error
        } catch let error as IOError {
            throw ServeError("cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode)))")
        } catch {
            throw ServeError("cannot listen on \(host):\(port) (in use?): \(error)")
        }
    }

    /// Stops watching, ends the open event streams and shuts the server down.
    public func stop() {
        let (server, watcher) = running.withLock { state in
            defer { state = (nil, nil) }
            return state
        }
        watcher?.stop()
        // The streams first: the server's shutdown waits for requests in progress, and a stream is one.
        liveReload.closeAll()
        server?.cancel()
    }

    /// Rebuilds after a change. A change to profiles only rebuilds those profiles; anything else, all.
    func rebuild(changed: [String]) {
        var build = request
        let profilesOnly = !changed.isEmpty && changed.allSatisfy { path in
            (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) && path.contains("/profiles/")
        }
        if profilesOnly { build.profilePaths = changed.filter { FileManager.default.fileExists(atPath: $0) } }
        let started = ContinuousClock.now
        let result = Pipeline().build(build)
        let elapsed = ContinuousClock.now - started
        if result.failed {
            let text = result.diagnostics.filter { $0.level == .error }.map(\.description).joined(separator: "\n")
            log(text + "\nbuild failed; the pages keep the last good build")
            liveReload.report(buildError: text, built: 0)
        } else {
            log("built \(result.built.count) profile(s) in \(elapsed)\(changed.isEmpty ? "" : " after \(changed.count) change(s)")")
            liveReload.report(buildError: nil, built: result.built.count)
        }
    }
}
