import ArgumentParser
import Foundation
import PreflightKit
import PreflightServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the documents on 127.0.0.1, rebuilding and reloading open pages on every change.",
        discussion: """
        Builds into a scratch folder (or --out), serves it, and watches the content folder and the
        profiles with inotify. A change to a profile rebuilds that profile; any other change rebuilds
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
        let scratch = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("preflight-serve-\(getpid())").path
        let request = profileOptions.request(content: contentOptions, readers: audience.readers, outputRoot: scratch)
        let server = DevServer(request: request) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        do {
            try server.start(host: bind, port: port)
        } catch {
            throw ValidationError("\(error)")
        }
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}
