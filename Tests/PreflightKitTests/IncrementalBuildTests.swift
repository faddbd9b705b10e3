import Foundation
import Testing
@testable import PreflightKit

/// The cache of earlier builds: what it skips, what it must not skip, and that kept files are the
/// very same files (same inode), not rewritten copies.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    static let site: [String: String] = EndToEndTests.site.merging([
        "Content/profiles/shop.yml": """
        id: shop
        name: Shop — MySQL 5.7 to 8.0
        source: { engine: mysql, version: "5.7" }
        target: { engine: mysql, version: "8.0" }
        data: { size: 50 GB }
        roles: [engineer]
        """,
    ]) { _, new in new }

    static func build(_ site: FixtureSite, readers: [Role]? = nil, force: Bool = false,
                      clock: StageClock = StageClock()) -> BuildResult {
        var request = BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache, readers: readers)
        request.force = force
        return Pipeline().build(request, clock: clock)
    }

    static func status(_ result: BuildResult) -> [String: ProfileReport.Status] {
        Dictionary(uniqueKeysWithValues: result.profiles.map { ($0.id, $0.status) })
    }

    /// Inode of every output file: a file that was not rewritten keeps its inode across the swap.
    static func inodes(_ site: FixtureSite) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for file in ContentLoader.walk(site.output) {
            var info = stat()
            if stat(site.output + "/" + file, &info) == 0 { result[file] = UInt64(info.st_ino) }
        }
        return result
    }

    @Test func anUnchangedRebuildStopsAfterHashingAndTouchesNothing() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let first = Self.build(site)
        #expect(!first.failed && !first.upToDate)
        #expect(Self.status(first) == ["demo": .built, "shop": .built])
        let before = Self.inodes(site), bytes = site.snapshot("Output")

        let clock = StageClock()
        let second = Self.build(site, clock: clock)
        #expect(second.upToDate)
        #expect(Self.status(second) == ["demo": .upToDate, "shop": .upToDate])
        #expect(clock.timings.map(\.stage) == ["scan"])
        #expect(Self.inodes(site) == before)
        #expect(site.snapshot("Output") == bytes)
    }

    @Test func aBodyEditRebuildsOnlyTheProfilesThatShowTheItem() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let before = Self.inodes(site)

        // The PostgreSQL note is included for `demo` only: `shop` must be skipped.
        let note = try site.read("Content/notes/pg15.md")
        try site.write("Content/notes/pg15.md", note.replacingOccurrences(of: "Upgrading from", with: "Moving from"))
        let result = Self.build(site)
        #expect(!result.failed && !result.upToDate)
        #expect(Self.status(result) == ["demo": .built, "shop": .upToDate])
        #expect(try site.read("Output/demo/wiki/Engine-Notes.md").contains("Moving from"))

        let after = Self.inodes(site)
        let rewritten = after.keys.filter { before[$0] != after[$0] }.sorted()
        // The pages that show the note changed; the theme, the other profile and most pages did not.
        #expect(rewritten.contains("demo/wiki/Engine-Notes.md"))
        #expect(!rewritten.contains { $0.hasPrefix("shop/") })
        #expect(!rewritten.contains("demo/assets/style.css"))
        #expect(!rewritten.contains("demo/comms/maintenance.ics"))
        let report = try #require(result.profiles.first { $0.id == "demo" })
        #expect(report.written == rewritten.filter { $0.hasPrefix("demo/") }.count)
        #expect(report.written > 0 && report.written < report.files)
    }

    @Test func anEditToAnExcludedItemLeavesEveryProfileUpToDateUnlessItsVerdictChanges() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)

        // The MySQL note's body is shown to `shop` only.
        try site.write("Content/notes/mysql.md", """
        ---
        kind: engine-note
        title: MySQL only
        when: { target.family: mysql }
        sources: [{ title: Manual, url: "https://dev.mysql.com/doc/" }]
        ---
        Edited body, still never shown for PostgreSQL.
        """)
        #expect(Self.status(Self.build(site)) == ["demo": .upToDate, "shop": .built])

        // Widening its condition changes `demo`'s selection: both rebuild.
        try site.write("Content/notes/mysql.md", """
        ---
        kind: engine-note
        title: MySQL only
        when: { target.family: [mysql, postgresql] }
        sources: [{ title: Manual, url: "https://dev.mysql.com/doc/" }]
        ---
        Edited body, now shown for PostgreSQL too.
        """)
        let widened = Self.build(site)
        #expect(Self.status(widened) == ["demo": .built, "shop": .built])
        #expect(try site.read("Output/demo/wiki/Engine-Notes.md").contains("now shown for PostgreSQL too"))
    }

    /// Role pages, the risk register, the rubric and the notices show every item whose condition
    /// holds, for every reader, not only the profile's own readers: an edit to such an item must
    /// rebuild the profile even though the selection does not include it.
    @Test func anEditToAnItemForAnotherReaderRebuildsTheRolePagesThatShowIt() throws {
        var files = Self.site
        files["Content/tips/dba-only.md"] = "---\nkind: tip\ntitle: For DBAs\nroles: [dba]\nseverity: high\n---\nFirst wording.\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        _ = Self.build(site)
        #expect(try site.read("Output/shop/roles/dba.md").contains("First wording."))
        // Not included for shop's own reader: its wiki has no tips page to show it on.
        #expect(!((try? site.read("Output/shop/wiki/Pro-Tips.md"))?.contains("First wording.") ?? false))

        try site.write("Content/tips/dba-only.md", "---\nkind: tip\ntitle: For DBAs\nroles: [dba]\nseverity: high\n---\nSecond wording.\n")
        let result = Self.build(site)
        #expect(Self.status(result)["shop"] == .built)
        #expect(try site.read("Output/shop/roles/dba.md").contains("Second wording."))
    }

    /// Each entry remembers the content it was built from: a build of some profiles must not make
    /// the others look current for content they never saw.
    @Test func aBuildOfOneProfileLeavesTheOthersToBeRebuiltLater() throws {
        var files = Self.site
        files["Content/tips/everyone.md"] = "---\nkind: tip\ntitle: For everyone\n---\nFirst wording.\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        _ = Self.build(site)
        try site.write("Content/tips/everyone.md", "---\nkind: tip\ntitle: For everyone\n---\nSecond wording.\n")
        var demoOnly = BuildRequest(base: site.content, profilePaths: [site.path("Content/profiles/demo.yml")],
                                    outputRoot: site.output, cacheDirectory: site.cache)
        demoOnly.force = false
        #expect(Self.status(Pipeline().build(demoOnly)) == ["demo": .built])

        let all = Self.build(site)
        #expect(Self.status(all) == ["demo": .upToDate, "shop": .built])
        #expect(try site.read("Output/shop/wiki/Pro-Tips.md").contains("Second wording."))

        // The same after a body edit, where the cache answers without selecting.
        try site.write("Content/tips/everyone.md", "---\nkind: tip\ntitle: For everyone\n---\nThird wording.\n")
        #expect(Self.status(Pipeline().build(demoOnly)) == ["demo": .built])
        try site.write("Content/steps/lag.md", try site.read("Content/steps/lag.md") + "\nA body edit.\n")
        let again = Self.build(site)
        #expect(Self.status(again)["shop"] == .built)
        #expect(try site.read("Output/shop/wiki/Pro-Tips.md").contains("Third wording."))
    }

    @Test func themeSettingsAndMissingFilesInvalidateTheCache() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)

        let css = try site.read("Content/theme/static/style.css")
        try site.write("Content/theme/static/style.css", css + "\n/* edited */\n")
        #expect(Self.status(Self.build(site)) == ["demo": .built, "shop": .built])
        #expect(try site.read("Output/shop/assets/style.css").hasSuffix("/* edited */\n"))

        #expect(Self.status(Self.build(site, readers: [.customerSuccess])) == ["demo": .built, "shop": .built])
        #expect(Self.status(Self.build(site, readers: [.customerSuccess])).values.allSatisfy { $0 == .upToDate })

        // A deleted or truncated output file is noticed without reading any output.
        try FileManager.default.removeItem(atPath: site.path("Output/shop/checklist.html"))
        #expect(Self.status(Self.build(site, readers: [.customerSuccess])) == ["demo": .upToDate, "shop": .built])
        #expect(site.exists("Output/shop/checklist.html"))
        try site.write("Output/demo/index.html", "")
        #expect(Self.status(Self.build(site, readers: [.customerSuccess])) == ["demo": .built, "shop": .upToDate])

        #expect(Self.status(Self.build(site, readers: [.customerSuccess], force: true)) == ["demo": .built, "shop": .built])
    }

    @Test func aProfileEditRebuildsThatProfileAndAReformattedOneNothing() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let shop = try site.read("Content/profiles/shop.yml")
        // Same values, other layout: the key is the profile's meaning, not its bytes.
        try site.write("Content/profiles/shop.yml", "# reformatted\n" + shop.replacingOccurrences(of: "{ size: 50 GB }", with: "\n  size: 50GB"))
        #expect(Self.status(Self.build(site)) == ["demo": .upToDate, "shop": .upToDate])
        try site.write("Content/profiles/shop.yml", shop.replacingOccurrences(of: "50 GB", with: "80 GB"))
        #expect(Self.status(Self.build(site)) == ["demo": .upToDate, "shop": .built])
    }

    @Test func aCacheFromAnotherToolOrFormatIsIgnored() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        _ = Self.build(site)
        let path = site.cache + "/" + BuildCache.fileName
        let format = BuildCache.Manifest.currentFormat
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"format\":\(format)"))
        try text.replacingOccurrences(of: "\"format\":\(format)", with: "\"format\":0").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.status(Self.build(site)) == ["demo": .built, "shop": .built])
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.status(Self.build(site)) == ["demo": .built, "shop": .built])
    }

    @Test func unchangedContentKeepsItsWarningsWhenOnlyAProfileChanges() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let first = Self.build(site)
        let contentWarnings = first.diagnostics.filter { !$0.location.file.contains("/profiles/") }
        #expect(contentWarnings.contains { $0.code == DiagnosticCode.blankVariable })

        let shop = try site.read("Content/profiles/shop.yml")
        try site.write("Content/profiles/shop.yml", shop.replacingOccurrences(of: "50 GB", with: "70 GB"))
        let second = Self.build(site)
        #expect(Self.status(second) == ["demo": .upToDate, "shop": .built])
        #expect(second.diagnostics.filter { !$0.location.file.contains("/profiles/") } == contentWarnings)

        // And a content edit after that is still seen: the content key moved on with the last build.
        let note = try site.read("Content/notes/pg15.md")
        try site.write("Content/notes/pg15.md", note.replacingOccurrences(of: "Upgrading from", with: "Going from"))
        #expect(Self.status(Self.build(site)) == ["demo": .built, "shop": .upToDate])
        #expect(try site.read("Output/demo/wiki/Engine-Notes.md").contains("Going from"))
    }
}
