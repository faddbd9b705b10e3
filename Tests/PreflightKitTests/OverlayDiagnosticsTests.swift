import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightServe

/// What goes wrong in an overlay is said in the overlay's own files, and nothing is written.
@Suite("Overlay diagnostics")
struct OverlayDiagnosticsTests {
    @Test func anUnknownDisabledIdIsAnErrorWithASuggestionAtItsEntry() throws {
        let site = try OverlayTests.site(["Team/overlay.yml": "disable:\n  - copy-data\n  - replica-lagg\n"])
        defer { site.remove() }
        let result = Pipeline().build(OverlayTests.request(site))
        #expect(result.failed)
        let problem = try #require(result.diagnostics.first { $0.code == .unknownDisabled })
        #expect(problem.location == SourceLocation(file: site.path("Team/overlay.yml"), line: 3, column: 5))
        #expect(problem.message == "`disable` names `replica-lagg`, which no item or probe of the base has")
        #expect(problem.hint == "did you mean `replica-lag`?")
        #expect(!site.exists("Output/demo"), "nothing is written")
    }

    @Test func disablingAnItemOthersReferToNamesEachReferrer() throws {
        var files = EndToEndTests.site.merging(OverlayTests.team) { _, new in new }
        files["Team/steps/lag.md"] = nil
        files["Team/overlay.yml"] = "disable: [replica-lag]\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = Pipeline().check(OverlayTests.request(site))
        #expect(result.failed)
        // The base's engine note lists the step in `related`.
        let problem = try #require(result.diagnostics.first { $0.code == .unknownRelated }, "\(result.diagnostics)")
        #expect(problem.location.file == site.path("Content/notes/pg15.md"))
        #expect(problem.message == "`related` names `replica-lag`, which an overlay disables")
        #expect(problem.notes.map(\.location) == [SourceLocation(file: site.path("Team/overlay.yml"), line: 1, column: 11)])
    }

    @Test func aProblemInAnOverlayItemIsReportedInItsOwnFile() throws {
        let site = try OverlayTests.site([
            "Team/guidance/tips/broken.md": "---\nkind: tip\ntitle: Broken\nwhen: { target.engine: \">=1\" }\n---\nBody\n",
        ])
        defer { site.remove() }
        let result = Pipeline().check(OverlayTests.request(site))
        #expect(result.failed)
        let problem = try #require(result.diagnostics.first { $0.code == .conditionMismatch })
        #expect(problem.location.file == site.path("Team/guidance/tips/broken.md"))
        #expect(problem.location.line == 4)
    }

    @Test func aMissingOverlayFolderIsSaidOnceAndNamed() throws {
        let site = try OverlayTests.site()
        defer { site.remove() }
        let result = Pipeline().check(OverlayTests.request(site, overlays: ["Team", "Nowhere"]))
        #expect(result.failed)
        #expect(result.diagnostics.map(\.message) == ["overlay folder `\(site.path("Nowhere"))` does not exist"])
    }

    @Test func anOverlayCannotBeTheOutputFolder() throws {
        let site = try OverlayTests.site()
        defer { site.remove() }
        var request = OverlayTests.request(site)
        request.outputRoot = site.path("Team")
        let result = Pipeline().build(request)
        #expect(result.failed)
        #expect(result.diagnostics.first?.code == .folderNotOwned)
        #expect(site.exists("Team/overlay.yml"))
    }

    /// `serve` watches every layer: an edit to the overlay alone reloads the pages with it.
    @Test func thePreviewRebuildsAfterAnOverlayEdit() async throws {
        let site = try OverlayTests.site()
        defer { site.remove() }
        let server = DevServer(request: OverlayTests.request(site)) { _ in }
        let port = try await server.start(port: 0)
        defer { server.stop() }
        let page = EventStreamClient(port: port)
        defer { page.hangUp() }
        #expect(await page.wait(for: ": connected", seconds: 30))
        let tip = try site.read("Team/guidance/tips/on-call.md")
        try site.write("Team/guidance/tips/on-call.md", tip.replacingOccurrences(of: "#db-oncall", with: "#dba-pager"))
        #expect(await page.wait(for: "event: reload", seconds: 15))
        #expect(await RawHTTP.get(port, "/demo/wiki/Pro-Tips.md").body.contains("#dba-pager"))
    }
}
