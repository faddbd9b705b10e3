import Foundation
import Testing
@testable import PreflightKit

/// Links planted inside the output folder, and files added to it by hand: a build never writes,
/// renames or deletes through a link, and names what it removes that it did not write.
extension SafetyTests {
    /// A fixture built once, with a folder outside the output holding one file of its own.
    static func builtSite() throws -> FixtureSite {
        let site = try FixtureSite(EndToEndTests.site.merging(["elsewhere/keep.txt": "mine"]) { _, new in new })
        let first = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!first.failed, "\(first.diagnostics)")
        return site
    }

    static func rebuild(_ site: FixtureSite, force: Bool = false) -> BuildResult {
        var request = BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)
        request.force = force
        return Pipeline().build(request)
    }

    /// Replaces `relative` (inside the output) with a link to `target`.
    static func plantLink(_ site: FixtureSite, at relative: String, to target: String) throws {
        try FileManager.default.removeItem(atPath: site.path(relative))
        try FileManager.default.createSymbolicLink(atPath: site.path(relative), withDestinationPath: site.path(target))
    }

    @Test(arguments: [
        ("Output/assets", "elsewhere"),               // the site's assets, written by rename
        ("Output/demo", "elsewhere"),                 // a profile folder, exchanged and removed
        ("Output/demo/assets", "elsewhere"),          // a folder inside a profile
        ("Output/demo/checklist.md", "elsewhere/keep.txt"), // a file, hard-linked when unchanged
    ])
    func linksInsideTheOutputAreNeverFollowed(link: String, target: String) throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try Self.plantLink(site, at: link, to: target)
        let outside = site.snapshot("elsewhere")
        let result = Self.rebuild(site, force: true)
        #expect(site.snapshot("elsewhere") == outside, "a file outside the output changed")
        #expect(result.failed)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .linkInOutput }, "\(result.diagnostics)")
        #expect(diagnostic.level == .error && diagnostic.message.contains("`\(site.path(link))`"), "\(diagnostic)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.path(link)) == site.path(target),
                "the link itself is left for its owner to remove")
    }

    @Test func aProfileFolderReplacedByALinkIsNotTakenAsUpToDate() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        // The folder's copy outside, marker and all, looks intact through the link.
        try FileManager.default.moveItem(atPath: site.path("Output/demo"), toPath: site.path("elsewhere/demo"))
        try FileManager.default.createSymbolicLink(atPath: site.path("Output/demo"), withDestinationPath: site.path("elsewhere/demo"))
        let outside = site.snapshot("elsewhere")
        let result = Self.rebuild(site)
        #expect(result.failed && result.diagnostics.contains { $0.code == .linkInOutput }, "\(result.diagnostics)")
        #expect(site.snapshot("elsewhere") == outside)
    }

    @Test func aPlantedTemporaryFileIsNotWrittenThrough() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.path("Output/.preflight-tmp-index.html"),
                                                   withDestinationPath: site.path("elsewhere/keep.txt"))
        try OutputWriter(root: site.output).replaceSiteFiles([OutputFile(path: "index.html", text: "new")])
        #expect(try site.read("elsewhere/keep.txt") == "mine")
        #expect(try site.read("Output/index.html") == "new")
    }

    @Test func aRebuildNamesTheFilesItRemovesThatPreflightDidNotWrite() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try site.write("Output/demo/my-notes.md", "notes")
        try FileManager.default.createDirectory(atPath: site.path("Output/demo/mine"), withIntermediateDirectories: true)
        try site.write("Output/demo/mine/plan.txt", "plan")
        // Preflight's own files, unchanged or not, are not reported; the user's are, by path.
        try site.write("Content/profiles/demo.yml", try site.read("Content/profiles/demo.yml").replacingOccurrences(of: "name: Demo", with: "name: Renamed"))
        for force in [false, true] {
            if force {
                try site.write("Output/demo/my-notes.md", "notes")
            }
            let result = Self.rebuild(site, force: force)
            #expect(!result.failed, "\(result.diagnostics)")
            let warnings = result.diagnostics.filter { $0.code == .foreignFilesRemoved }
            let expected = force ? "1 file Preflight had not written: `my-notes.md`"
                : "2 files Preflight had not written: `mine/plan.txt`, `my-notes.md`"
            #expect(warnings.count == 1 && warnings[0].level == .warning && warnings[0].message.contains(expected),
                    "force \(force): \(warnings)")
            #expect(warnings.first?.location.file == site.path("Output/demo"))
            #expect(!site.exists("Output/demo/my-notes.md"))
        }
        // Nothing removed, nothing said: neither a plain rebuild nor the no-op replays the warning.
        #expect(!Self.rebuild(site, force: true).diagnostics.contains { $0.code == .foreignFilesRemoved })
        #expect(!Self.rebuild(site).diagnostics.contains { $0.code == .foreignFilesRemoved })
    }
}
