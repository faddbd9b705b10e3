import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightSiteCheck

/// Nothing injected, nothing leaked: hostile profile values stay text in every output format.
@Suite("Output safety")
struct SafetyTests {
    static let hostile = "Evil <script>alert(1)</script> \"quoted\" & 'single' </title><img src=x onerror=alert(1)>"

    /// The value inside a single-quoted YAML scalar, where a quote is written twice.
    static var yaml: String { hostile.replacingOccurrences(of: "'", with: "''") }

    @Test func hostileProfileValuesAreEscapedEverywhere() throws {
        var files = DocumentsTests.site
        files["Content/profiles/demo.yml"] = """
        id: demo
        name: '\(Self.yaml)'
        source: { engine: postgres, version: "12.17" }
        target: { engine: postgresql, version: "15.5" }
        data: { size: 100 GB }
        topology: { replicas: 1 }
        window: { mode: read-only, duration: 20m, starts: "2026-12-06T02:00", timezone: America/New_York }
        customers: { timezones: [Europe/Berlin], contact: "ops@example.com", product: '\(Self.yaml)' }
        """
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!result.failed, "\(result.diagnostics)")
        for (path, data) in site.snapshot("Output") {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") || path.hasSuffix(".svg") || path.hasSuffix(".js") {
                #expect(!text.contains("<script>alert"), "\(path) carries a live script")
                #expect(!text.contains("<img src=x"), "\(path) carries a live element")
                #expect(!text.contains("</title><img"), "\(path) lets a value close an element")
            }
            if path.hasSuffix(".svg") { #expect(XMLCheck.isWellFormed(text), "\(path)") }
            if path.hasSuffix(".ics") {
                #expect(text.contains("SUMMARY:Evil <script>alert(1)</script> \\\"quoted\\\" & 'single'") == false)
                #expect(text.contains("\\;") || !text.contains(";"))
            }
            if path.hasSuffix("profile.css") {
                #expect(text.contains("\\\"quoted\\\""), "quotes are escaped inside the CSS string")
            }
        }
        let page = try site.read("Output/demo/checklist.html")
        #expect(page.contains("Evil &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func outputsNameNeitherThisMachineNorItsPaths() throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        _ = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        let host = ProcessInfo.processInfo.hostName
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for (path, data) in site.snapshot("Output") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(site.root.path), "\(path) holds an absolute path")
            if host.count > 3 { #expect(!text.contains(host), "\(path) names the host") }
            if home.count > 1 { #expect(!text.contains(home + "/"), "\(path) names the home folder") }
        }
    }

    @Test func aRebuildWritesTheSameBytes() throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        let one = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!one.failed)
        let first = site.snapshot("Output")
        let again = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!again.failed)
        #expect(site.snapshot("Output") == first, "a rebuild writes the same bytes")
    }

    @Test func theSiteIsWrittenOnlyIntoAFolderPreflightOwns() throws {
        let site = try FixtureSite(EndToEndTests.site)
        defer { site.remove() }
        // A folder of someone else's files (a checkout) is refused, and its README stays as it was.
        try FileManager.default.createDirectory(atPath: site.path("checkout"), withIntermediateDirectories: true)
        try site.write("checkout/README.md", "mine")
        let foreign = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.path("checkout"), cacheDirectory: site.cache))
        #expect(foreign.failed && foreign.diagnostics.contains { $0.code == .folderNotOwned })
        #expect(try site.read("checkout/README.md") == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path("checkout")) == ["README.md"])
        for root in ["/", site.content] {
            let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: root, cacheDirectory: site.cache))
            #expect(result.failed && result.diagnostics.first?.code == .folderNotOwned, "\(root)")
        }
        // A new folder becomes Preflight's, and the next build is let in.
        #expect(!Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)).failed)
        #expect(site.exists("Output/" + OutputWriter.marker))
        #expect(!Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)).failed)
    }

    @Test func aPipeGivenAsAProfileIsRefusedAtOnce() throws {
        let site = try FixtureSite(EndToEndTests.site)
        defer { site.remove() }
        let fifo = site.path("pipe.yml")
        #expect(mkfifo(fifo, 0o600) == 0)
        let (profile, problems) = ProfileLoader(vocabulary: Vocabulary()).load(path: fifo)
        #expect(profile == nil && problems.first?.message.contains("not a regular file") == true)
    }

    @Test func symbolicLinksInContentAreNotFollowed() throws {
        let site = try FixtureSite(DocumentsTests.site.merging(["outside/secret.md": "---\nkind: tip\ntitle: Secret\n---\nfrom outside\n"]) { _, new in new })
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.path("Content/link.md"), withDestinationPath: site.path("outside/secret.md"))
        try FileManager.default.createSymbolicLink(atPath: site.path("Content/linked-folder"), withDestinationPath: site.path("outside"))
        let (content, _) = ContentLoader().load(from: site.content)
        #expect(!content.items.contains { $0.title == "Secret" })
    }
}
