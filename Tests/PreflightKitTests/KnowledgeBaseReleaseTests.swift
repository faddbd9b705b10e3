import Foundation
import Testing
@testable import PreflightKit

/// `knowledge-base.yml`: the content's own release, which `preflight --version` reports.
@Suite("Knowledge base release")
struct KnowledgeBaseReleaseTests {
    func load(_ text: String?) throws -> (KnowledgeBaseRelease?, [Diagnostic]) {
        var files = ["Content/vocabulary.yml": "engines: {}\n"]
        if let text { files["Content/knowledge-base.yml"] = text }
        let site = try FixtureSite(files)
        defer { try? FileManager.default.removeItem(at: site.root) }
        let (content, diagnostics) = ContentLoader().load(from: site.content)
        // The fixture has no theme; only what the loader says about this one file is of interest.
        return (content.release, diagnostics.filter { $0.location.file.hasSuffix(KnowledgeBaseReleaseLoader.fileName) })
    }

    @Test func theShippedContentNamesItsRelease() throws {
        let (content, diagnostics) = Repository.loaded
        #expect(!diagnostics.contains { $0.location.file.hasSuffix("knowledge-base.yml") })
        let release = try #require(content.release)
        #expect(KnowledgeBaseReleaseLoader.isVersion(release.version))
        #expect(release.date.day != nil)
    }

    @Test func aWellFormedFileLoads() throws {
        let (release, diagnostics) = try load("version: 2026.12.1\ndate: 2026-12-05\n")
        #expect(diagnostics.isEmpty)
        #expect(release == KnowledgeBaseRelease(version: "2026.12.1", date: CalendarDate(year: 2026, month: 12, day: 5)))
    }

    /// A team's own content folder need not have one.
    @Test func theFileIsOptional() throws {
        let (release, diagnostics) = try load(nil)
        #expect(release == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("version: 2026.12.1\ndate: 2026-12-05\nreleased: x\n", DiagnosticCode.unknownKey, 3, "it has `version` and `date`"),
        ("version: 2026.12.1\ndaet: 2026-12-05\n", .unknownKey, 2, "did you mean `date`?"),
        ("version: v2026.12\ndate: 2026-12-05\n", .invalidValue, 1, "such as `2026.12.1`"),
        ("version: 2026..1\ndate: 2026-12-05\n", .invalidValue, 1, "such as `2026.12.1`"),
        ("version: 2026.12.1\ndate: 2026-12\n", .invalidValue, 2, "such as `2026-12-05`"),
        ("version: 2026.12.1\ndate: 2026-02-30\n", .invalidValue, 2, "such as `2026-12-05`"),
        ("version: 2026.12.1\n", .missingKey, 1, "write `version: 2026.12.1` and `date: 2026-12-05`"),
        ("- version: 2026.12.1\n", .frontMatterNotMapping, 1, "write `version: 2026.12.1` and `date: 2026-12-05`"),
    ])
    func mistakesAreErrorsWithAPlaceAndAHint(text: String, code: DiagnosticCode, line: Int, hint: String) throws {
        let (release, diagnostics) = try load(text)
        let problem = try #require(diagnostics.first, "no diagnostic")
        #expect(problem.code == code)
        #expect(problem.level == .error)
        #expect(problem.location.line == line)
        #expect(problem.hint?.contains(hint) == true, "\(problem.hint ?? "no hint")")
        if code != .unknownKey { #expect(release == nil) }
    }
}
