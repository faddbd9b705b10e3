import Foundation
import Testing
@testable import PreflightKit

/// Overlays laid over a base, as a team would lay its own guidance over the shipped content: the
/// end-to-end site is the base, and each overlay is written inline beside it.
@Suite("Overlays")
struct OverlayTests {
    /// A team's overlay: a new tip, its own words for a step of the base, a step of the base
    /// disabled, a window mode of its own, and one theme word.
    static let team: [String: String] = [
        "Team/guidance/tips/on-call.md": """
        ---
        id: team-on-call
        kind: tip
        title: Page the on-call DBA first
        reviewed: 2026-11
        ---
        Page #db-oncall before the window opens.
        """,
        "Team/steps/lag.md": """
        ---
        id: replica-lag
        kind: step
        title: Check replica lag the team's way
        when: { topology.replicas: ">=1" }
        phase: cutover
        owner: devops
        estimate: 3m
        gate: true
        reviewed: 2026-11
        ---
        Team rule: stop when the lag passes 5 s.
        """,
        "Team/overlay.yml": "# Our cutover copies nothing.\ndisable:\n  - copy-data\n",
        "Team/vocabulary.yml": "values:\n  window.mode: [read-only, offline, online, maintenance-page]\n",
        "Team/theme/strings.yml": "kinds:\n  tip: { title: Team tips }\n",
        "Team/profiles/portal.yml": """
        id: portal
        source: { engine: postgresql, version: "13" }
        target: { engine: postgresql, version: "16" }
        window: { mode: maintenance-page, duration: 1h }
        """,
    ]

    static func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(EndToEndTests.site.merging(team) { _, new in new }.merging(extra) { _, new in new })
    }

    static func request(_ site: FixtureSite, overlays: [String] = ["Team"], output: String = "Output") -> BuildRequest {
        BuildRequest(base: site.content, overlays: overlays.map(site.path), outputRoot: site.path(output),
                     cacheDirectory: site.path(output + "-cache"))
    }

    @Test func anOverlayAddsReplacesAndDisablesItemsAndRewordsTheTheme() throws {
        let site = try Self.site()
        defer { site.remove() }
        let base = Pipeline().build(Self.request(site, overlays: [], output: "Base"))
        #expect(!base.failed, "\(base.diagnostics)")
        let layered = Pipeline().build(Self.request(site))
        #expect(!layered.failed, "\(layered.diagnostics)")

        // The base alone says what the overlay changes, so every assertion below can fail.
        let baseRunbook = try site.read("Base/demo/runbook.md")
        #expect(baseRunbook.contains("Stop if lag does not fall.") && baseRunbook.contains("Copy 1 TB."))
        #expect(!site.exists("Base/demo/wiki/Pro-Tips.md"))

        let runbook = try site.read("Output/demo/runbook.md")
        #expect(runbook.contains("Team rule: stop when the lag passes 5 s."))
        #expect(runbook.contains("Check replica lag the team's way"))
        #expect(!runbook.contains("Stop if lag does not fall."), "the replaced step's text is gone")
        #expect(!runbook.contains("Copy the data") && !runbook.contains("Copy 1 TB."), "the disabled step is gone")
        #expect(try site.read("Output/demo/wiki/Pro-Tips.md").contains("Page #db-oncall before the window opens."))

        // One word of strings.yml changed; the rest of that entry (its wiki page) is the base's.
        let sidebar = try site.read("Output/demo/wiki/_Sidebar.md")
        #expect(sidebar.contains("[Team tips](Pro-Tips)"))
        #expect(sidebar.contains("[Engine notes](Engine-Notes)"))

        // The overlay's profile is built too, with the window mode its vocabulary adds.
        #expect(layered.built.map(\.profile).sorted() == ["demo", "portal"])
        #expect(base.built.map(\.profile) == ["demo"])
    }

    @Test func aValueTheOverlayAddsIsOnlyKnownWithTheOverlay() throws {
        let site = try Self.site()
        defer { site.remove() }
        var request = Self.request(site, overlays: [])
        request.profilePaths = [site.path("Team/profiles/portal.yml")]
        let alone = Pipeline().check(request)
        #expect(alone.failed)
        #expect(alone.diagnostics.contains { $0.code == .unknownProfileValue && $0.message.contains("maintenance-page") },
                "\(alone.diagnostics)")
        request.overlays = [site.path("Team")]
        let layered = Pipeline().check(request)
        #expect(!layered.failed, "\(layered.diagnostics)")
    }

    @Test func ofTwoOverlaysTheLaterWins() throws {
        let site = try Self.site([
            "Later/tips/on-call.md": """
            ---
            id: team-on-call
            kind: tip
            title: Page the platform team first
            reviewed: 2026-11
            ---
            Page #platform before the window opens.
            """,
        ])
        defer { site.remove() }
        #expect(!Pipeline().build(Self.request(site, overlays: ["Team", "Later"])).failed)
        let tips = try site.read("Output/demo/wiki/Pro-Tips.md")
        #expect(tips.contains("Page #platform before the window opens."))
        #expect(!tips.contains("#db-oncall"))

        #expect(!Pipeline().build(Self.request(site, overlays: ["Later", "Team"], output: "Swapped")).failed)
        let swapped = try site.read("Swapped/demo/wiki/Pro-Tips.md")
        #expect(swapped.contains("#db-oncall") && !swapped.contains("#platform"))
    }

    @Test func explainNamesTheLayerAndWhatItReplaced() throws {
        let site = try Self.site()
        defer { site.remove() }
        var request = Self.request(site)
        request.profilePaths = [site.path("Content/profiles/demo.yml")]
        let replaced = try Pipeline().explain("replica-lag", request).get().text
        #expect(replaced.contains("  \(site.path("Team/steps/lag.md"))\n"))
        #expect(replaced.contains("from overlay `\(site.path("Team"))`, replacing `\(site.path("Content/steps/lag.md"))` of the base `\(site.content)`"),
                "\(replaced)")
        let added = try Pipeline().explain("team-on-call", request).get().text
        #expect(added.contains("from overlay `\(site.path("Team"))`\n"), "\(added)")
        let shipped = try Pipeline().explain("pg15-note", request).get().text
        #expect(shipped.contains("from the base `\(site.content)`"))

        let disabled = Pipeline().explain("copy-data", request)
        guard case .failure(let error) = disabled else {
            Issue.record("a disabled item has nothing to explain")
            return
        }
        #expect(error.diagnostics.first?.message == "`copy-data` is disabled by an overlay")
        #expect(error.diagnostics.first?.location == SourceLocation(file: site.path("Team/overlay.yml"), line: 3, column: 5))
    }

    @Test func anEditToTheOverlayAloneRebuilds() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(!Pipeline().build(Self.request(site)).failed)
        #expect(Pipeline().build(Self.request(site)).upToDate, "nothing changed")

        let tip = try site.read("Team/guidance/tips/on-call.md")
        try site.write("Team/guidance/tips/on-call.md", tip.replacingOccurrences(of: "#db-oncall", with: "#dba-pager"))
        let edited = Pipeline().build(Self.request(site))
        #expect(!edited.failed && !edited.upToDate)
        #expect(edited.profiles.first { $0.id == "demo" }?.status == .built)
        #expect(try site.read("Output/demo/wiki/Pro-Tips.md").contains("#dba-pager"))

        // overlay.yml is no item, and it changes every page: no longer disabled, the step is back.
        try site.write("Team/overlay.yml", "disable: []\n")
        let enabled = Pipeline().build(Self.request(site))
        #expect(enabled.profiles.first { $0.id == "demo" }?.status == .built)
        #expect(try site.read("Output/demo/runbook.md").contains("Copy 1 TB."))
    }
}
