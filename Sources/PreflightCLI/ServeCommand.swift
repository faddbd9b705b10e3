import ArgumentParser
import Dispatch
import Foundation
import PreflightKit
import PreflightServe
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the documents on 127.0.0.1, rebuilding and reloading open pages on every change.",
        discussion: """
        Builds into a scratch folder (or --out), serves it, and watches the base, every overlay and
        the profiles. A change to a profile rebuilds that profile; any other change rebuilds
        them all. Open pages reload by themselves; when a build fails, its errors are printed here and
        shown over the page, which keeps the last good build. Stop with Ctrl-C.

        Examples:
          preflight serve
          preflight serve --profile Content/profiles/acme-billing-pg12-to-15.yml --port 8080
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var audience: AudienceOptions

    @Option(name: .long, help: ArgumentHelp("Port to listen on (0 picks a free one).", valueName: "n"))
    var port: UInt16 = 1313

    @Option(name: .long, help: ArgumentHelp("Address to bind; loopback unless you mean to share the preview.", valueName: "ipv4"))
    var bind = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Folder to build into (default: a scratch folder, leaving Output/ alone).", valueName: "dir"))
    var out: String?

    func run() throws {
        // Without --out: a private scratch folder (mkdtemp, mode 0700) that no one else can have
        // prepared, holding the site and its cache, removed again on SIGINT and SIGTERM.
        var scratch: String?
        if out == nil {
            var template = Array((FileManager.default.temporaryDirectory.path + "/preflight-serve.XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw ValidationError("cannot create a scratch folder for the preview") }
            scratch = String(cString: made)
        }
        var request = profileOptions.request(content: contentOptions, readers: audience.readers,
                                             outputRoot: out ?? scratch! + "/site")
        if let scratch { request.cacheDirectory = scratch + "/cache" }
        let server = DevServer(request: request) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        var signalSources: [any DispatchSourceSignal] = []
        if let scratch {
            // The handlers first: a stop that arrives once the folder is named must find them in place.
            signalSources = Self.removeOnSignals(scratch)
            FileHandle.standardError.write(Data("preview folder: \(scratch)/site (removed when the preview stops)\n".utf8))
        }
        let (bind, port) = (bind, port)
        do {
            _ = try Self.waiting { try await server.start(host: bind, port: port) }
        } catch {
            throw ValidationError("\(error)")
        }
        // The signal sources stay alive as long as the preview runs: a released source stops firing.
        withExtendedLifetime(signalSources) {
            while true { Thread.sleep(forTimeInterval: 3600) }
        }
    }

    /// Runs `operation` from this synchronous command and returns its result. Only the main thread
    /// waits, which is none of the threads the server runs on.
    static func waiting<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>()
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            outcome.result.withLock { $0 = result }
            outcome.done.signal()
        }
        outcome.done.wait()
        return try outcome.result.withLock { $0! }.get()
    }

    /// Removes the scratch folder and exits when the preview is stopped (Ctrl-C, `kill`).
    static func removeOnSignals(_ folder: String) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: folder)
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
    }
}

/// The result of an operation started from synchronous code, and the signal that it is there.
private final class Outcome<T: Sendable>: Sendable {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
}
