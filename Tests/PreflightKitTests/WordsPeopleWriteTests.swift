import Foundation
import Testing
@testable import PreflightKit

/// Profiles as people write them: the vocabulary's aliases stand for the accepted values, an
/// ambiguous word lists its candidates, a typo gets "did you mean", and a missing content folder or
/// vocabulary is said once, with nothing cascading after it.
@Suite struct WordsPeopleWriteTests {
    func load(_ text: String) throws -> (Profile?, [Diagnostic]) {
        let site = try FixtureSite(["p.yml": text])
        defer { site.remove() }
        return ProfileLoader(vocabulary: Repository.loaded.0.vocabulary).load(path: site.path("p.yml"))
    }

    @Test func aliasesStandForTheAcceptedValues() throws {
        let (profile, problems) = try load("""
        id: words
        source: { engine: postgres, version: "12", hosting: AWS-RDS }
        target: { engine: postgresql, version: "16", hosting: gcp-cloud-sql }
        topology: { replication: async }
        window: { mode: full-downtime, duration: 1h }
        compliance: [SOC-2, pci]
        """)
        #expect(problems.filter { $0.level == .error }.isEmpty, "\(problems)")
        let loaded = try #require(profile)
        #expect(loaded["source.hosting"] == .text("rds"))
        #expect(loaded["target.hosting"] == .text("cloud-sql"))
        #expect(loaded["topology.replication"] == .text("streaming"))
        #expect(loaded["window.mode"] == .text("offline"))
        #expect(loaded["compliance"] == .list(["soc2", "pci-dss"]))
    }

    @Test func anAmbiguousWordListsItsCandidatesAndATypoGetsASuggestion() throws {
        let (_, ambiguous) = try load("""
        id: words
        source: { engine: postgresql, version: "12", hosting: azure }
        target: { engine: postgresql, version: "16", hosting: rsd }
        """)
        let azure = try #require(ambiguous.first { $0.message.contains("`azure`") })
        #expect(azure.message == "`azure` is ambiguous for `source.hosting`")
        #expect(azure.hint?.contains("azure-postgresql") == true && azure.hint?.contains("azure-sql-database") == true)
        #expect(azure.location.line == 2)
        let typo = try #require(ambiguous.first { $0.message.contains("`rsd`") })
        #expect(typo.hint == "did you mean `rds`?")
    }

    @Test func anAliasMustNameAnAcceptedValue() throws {
        var files = FixtureSite.basics
        files["Content/vocabulary.yml"]! += "\naliases:\n  - { fields: [window.mode], words: { downtime: ofline } }\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content, profilePaths: []))
        #expect(result.diagnostics.contains { $0.code == .unknownValue && $0.hint == "did you mean `offline`?" })
    }

    @Test func aMissingContentFolderIsSaidOnce() throws {
        let site = try FixtureSite(["my.yml": "id: x\nsource: { engine: mysql, version: \"8.0\" }\ntarget: { engine: mysql, version: \"8.4\" }\n"])
        defer { site.remove() }
        let request = BuildRequest(base: site.path("Content"), profilePaths: [site.path("my.yml")], outputRoot: site.output,
                                   cacheDirectory: site.cache)
        let build = Pipeline().build(request)
        #expect(build.failed)
        #expect(build.diagnostics.map(\.code) == [.contentFolderMissing], "\(build.diagnostics)")
        #expect(Pipeline().check(request).diagnostics.map(\.code) == [.contentFolderMissing])
        #expect(!site.exists("Output"))
    }

    @Test func aMissingVocabularyIsSaidOnce() throws {
        var files = FixtureSite.basics
        files["Content/vocabulary.yml"] = nil
        files["my.yml"] = "id: x\nsource: { engine: mysql, version: \"8.0\" }\ntarget: { engine: mysql, version: \"8.4\" }\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let request = BuildRequest(base: site.content, profilePaths: [site.path("my.yml")], outputRoot: site.output,
                                   cacheDirectory: site.cache)
        let build = Pipeline().build(request)
        #expect(build.diagnostics.map(\.code) == [.vocabularyMissing], "\(build.diagnostics)")
        #expect(build.diagnostics.first?.level == .error)
        #expect(Pipeline().check(request).diagnostics.map(\.code) == [.vocabularyMissing])
    }
}
