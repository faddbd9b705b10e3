import PreflightKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `preflight serve`: builds, serves the output on loopback, watches the content and the profiles,
/// rebuilds on change and tells open pages to reload — or shows the build's errors over the page.
public final class DevServer: @unchecked Sendable {
    public let request: BuildRequest
    public private(set) var server: HTTPServer?
    private var watcher: Watcher?
    private let lock = NSLock()
    private var listeners: [Int32] = []
    /// The last failed build's diagnostics, shown to pages that load while it stands.
    private var lastError: String?
    private let log: @Sendable (String) -> Void

    public init(request: BuildRequest, log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.request = request
        self.log = log
    }

    /// Builds once, then serves and watches. Returns the bound port.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: UInt16) throws -> UInt16 {
        rebuild(changed: [])
        let server = try HTTPServer(host: host, port: port) { [weak self] request in
            self?.respond(request) ?? .content(status: 404, type: "text/plain", body: [])
        }
        self.server = server
        var watched = [request.contentRoot]
        watched += request.profilePaths
        watcher = try Watcher(paths: watched) { [weak self] paths in self?.rebuild(changed: paths) }
        log("serving \(request.outputRoot) at http://\(host):\(server.port)/ — watching \(watched.joined(separator: ", "))")
        return server.port
    }

    public func stop() {
        watcher?.stop()
        server?.stop()
        lock.lock()
        for listener in listeners { close(listener) }
        listeners.removeAll()
        lock.unlock()
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
            setError(text)
            broadcast(event: "build-error", data: text)
        } else {
            log("built \(result.built.count) profile(s) in \(elapsed)\(changed.isEmpty ? "" : " after \(changed.count) change(s)")")
            setError(nil)
            broadcast(event: "reload", data: "\(result.built.count)")
        }
    }

    private func setError(_ text: String?) {
        lock.lock()
        lastError = text
        lock.unlock()
    }

    /// Sends one server-sent event to every open page; closed connections are dropped.
    func broadcast(event: String, data: String) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        let bytes = Array("event: \(event)\n\(lines)\n\n".utf8)
        lock.lock()
        listeners = listeners.filter { listener in
            if HTTPServer.write(listener, bytes) { return true }
            close(listener)
            return false
        }
        lock.unlock()
    }

    func respond(_ request: HTTPServer.Request) -> HTTPServer.Response {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .content(status: 405, type: "text/plain", body: Array("only GET and HEAD\n".utf8))
        }
        switch request.path {
        case "/__preflight/events":
            return .stream(type: "text/event-stream") { [weak self] client in
                guard let self else { return }
                self.lock.lock()
                self.listeners.append(client)
                let error = self.lastError
                self.lock.unlock()
                HTTPServer.write(client, Array(": connected\n\n".utf8))
                if let error { self.broadcast(event: "build-error", data: error) }
            }
        case "/__preflight/live.js":
            return .content(status: 200, type: "text/javascript; charset=utf-8", body: Array(Self.liveScript.utf8))
        default:
            return StaticFiles(root: self.request.outputRoot).response(for: request.path)
        }
    }

    /// Reloads the page after a build; shows errors over it (text only, never markup) after a failed one.
    static let liveScript = """
    (function () {
      "use strict";
      var overlay = null;
      var source = new EventSource("/__preflight/events");
      source.addEventListener("reload", function () { window.location.reload(); });
      source.addEventListener("build-error", function (event) {
        if (!event.data) { return; }
        if (!overlay) {
          overlay = document.createElement("pre");
          overlay.id = "preflight-build-error";
          overlay.setAttribute("role", "alert");
          var style = overlay.style;
          style.position = "fixed"; style.inset = "0"; style.margin = "0"; style.padding = "1.5rem";
          style.background = "rgba(40, 0, 0, 0.92)"; style.color = "#fff"; style.zIndex = "2147483647";
          style.overflow = "auto"; style.whiteSpace = "pre-wrap"; style.font = "14px ui-monospace, monospace";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "Build failed — the page shows the last good build.\\n\\n" + event.data;
      });
    })();

    """
}
