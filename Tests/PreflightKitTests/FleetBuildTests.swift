import Foundation
import Testing
@testable import PreflightKit

/// Fleet builds: inventories of many databases, one profile per row, each failing on its own.
@Suite("Fleet builds")
struct FleetBuildTests {
    static let inventory = """
    id,name,source,target,size,replicas,orm,window,roles
    billing,Billing,postgresql@12,postgresql@15,1TB,1,sequelize,20m,engineer;dba
    search,"Search, EU",postgresql@13,postgresql@16,200 GB,0,,1h,engineer
    broken,Broken,postgresq@12,postgresql@15,10GB,0,,,engineer
    ,"Orders (US)",mysql@5.7,mysql@8.0,50GB,2,,30m,engineer

    """

    static func site(_ inventory: String = Self.inventory) -> [String: String] {
        EndToEndTests.site.merging(["fleet/inventory.csv": inventory]) { _, new in new }
    }

    @Test func everyRowIsAProfileAndABadRowFailsAlone() throws {
        let site = try FixtureSite(Self.site())
        defer { site.remove() }
        let progress = ProgressLog()
        let result = Pipeline().build(BuildRequest(base: site.content, profilePaths: [site.path("fleet/inventory.csv")],
                                                   outputRoot: site.output, cacheDirectory: site.cache), progress: progress.record)
        #expect(result.failed)
        #expect(result.profiles.map(\.id) == ["billing", "search", "broken", "orders-us"])
        #expect(result.profiles.map(\.status) == [.built, .built, .failed, .built])
        #expect(site.exists("Output/billing/checklist.html") && site.exists("Output/orders-us/runbook.md"))
        #expect(!site.exists("Output/broken"))
        #expect(try site.read("Output/search/profile.json").contains("Search, EU"))
        #expect(try site.read("Output/index.html").contains("Orders (US)"))

        // The misspelt engine is reported at its cell: line 4, column 15.
        let problem = try #require(result.diagnostics.first { $0.level == .error })
        #expect(problem.location.file.hasSuffix("fleet/inventory.csv"))
        #expect(problem.location.line == 4 && problem.location.column == 15)
        #expect(problem.code == DiagnosticCode.unknownProfileValue && problem.hint == "did you mean `postgres`?")

        #expect(progress.counts == [1, 2, 3, 4])
        #expect(progress.totals == [4])
    }

    @Test func listCellsQuotedCommasAndDottedColumns() throws {
        let site = try FixtureSite(Self.site("""
        name,source.engine,source.version,target.engine,target.version,topology.replicas,roles
        "Ledger ""core""\",postgresql,14,postgresql,16,2,"engineer;devops"
        """))
        defer { site.remove() }
        let content = ContentLoader().load(from: site.content).0
        let loaded = InventoryLoader(vocabulary: content.vocabulary).load(path: site.path("fleet/inventory.csv"))
        let profile = try #require(loaded.first?.profile)
        #expect(profile.id == "ledger-core")
        #expect(profile.name == "Ledger \"core\"")
        #expect(profile["topology.replicas"] == .number(2))
        #expect(profile["roles"] == .list(["engineer", "devops"]))
        #expect(loaded.first?.origin.hasSuffix("inventory.csv:2") == true)
    }

    @Test func anUnknownColumnStopsTheInventoryWithASuggestion() throws {
        let site = try FixtureSite(Self.site("id,source,target,replica\na,postgresql@12,postgresql@15,1\n"))
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, profilePaths: [site.path("fleet/inventory.csv")],
                                                   outputRoot: site.output, cacheDirectory: site.cache))
        #expect(result.failed)
        let problem = try #require(result.diagnostics.first { $0.level == .error })
        #expect(problem.code == DiagnosticCode.unknownProfileField)
        #expect(problem.location.line == 1 && problem.location.column == 18)
        #expect(problem.hint == "did you mean `replicas`?")
        #expect(!site.exists("Output/a"))
    }

    @Test func aFolderMixesYAMLProfilesAndInventories() throws {
        var files = Self.site()
        files["fleet/extra.yml"] = "id: extra\nsource: { engine: postgresql, version: \"11\" }\ntarget: { engine: postgresql, version: \"16\" }\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, profilePaths: [site.path("fleet")],
                                                   outputRoot: site.output, cacheDirectory: site.cache))
        #expect(Set(result.built.map(\.profile)) == ["billing", "search", "orders-us", "extra"])
        #expect(result.profiles.count == 5)
    }

    @Test func aContentErrorStillStopsEveryProfile() throws {
        var files = Self.site()
        files["Content/steps/copy.md"] = "---\nkind: step\ntitle: Broken\nphase: cutover\nestimate: fast\n---\n"
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, profilePaths: [site.path("fleet/inventory.csv")],
                                                   outputRoot: site.output, cacheDirectory: site.cache))
        #expect(result.failed && result.profiles.isEmpty)
        #expect(!site.exists("Output"))
    }
}

/// Records progress callbacks, which arrive from worker threads.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var counts: [Int] = []
    private var totalSet: Set<Int> = []
    var totals: [Int] { lock.withLock { totalSet.sorted() } }

    var record: BuildProgress {
        { [self] _, done, total in
            lock.withLock {
                counts.append(done)
                totalSet.insert(total)
            }
        }
    }
}

@Suite("CSV and hashing")
struct CSVAndHashTests {
    @Test func csvFollowsRFC4180WithPositions() throws {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n\n x ,y,z"
        let records = try CSVReader.records(text).get()
        #expect(records.map { $0.cells.map(\.text) } == [["a", "b, c", "say \"hi\""], ["1", "two\nlines", "3"], [" x ", "y", "z"]])
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(records[1].cells[2].line == 3 && records[1].cells[2].column == 8)
        #expect(CSVReader.records("a,\"open\nb") .failureValue == .unclosedQuote(line: 1, column: 3))
        #expect(CSVReader.records("\"a\"b,c").failureValue == .textAfterQuote(line: 1, column: 4))
    }

    /// Reference values from the xxHash reference implementation (XXH64, seed 0).
    @Test func xxh64MatchesTheReference() {
        #expect(ContentHash("").description == "ef46db3751d8e999")
        #expect(ContentHash("a").description == "d24ec4f1a98c6e5b")
        #expect(ContentHash("abc").description == "44bc2cf5ad770999")
        #expect(ContentHash("Nobody inspects the spammish repetition").description == "fbcea83c8a378bf1")
        let bytes = Array(repeating: Array(0...255).map(UInt8.init), count: 3).flatMap { $0 }
        #expect(ContentHash(bytes).description == "8e03c838c596036f")
        #expect(ContentHash(hex: "8e03c838c596036f") == ContentHash(bytes))
    }

    @Test func idsFromNames() {
        #expect(Slug.id("Orders DB (EU)") == "orders-db-eu")
        #expect(Slug.id("  Ledger \"core\" ") == "ledger-core")
        #expect(Slug.id("Café 2") == "caf-2")
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite("Parallel map")
struct ParallelMapTests {
    /// Counts live instances, to see that results handed out by `parallelMap` are released.
    final class Tracked: @unchecked Sendable {
        nonisolated(unsafe) static var live = 0
        static let lock = NSLock()
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.lock.withLock { Self.live += 1 }
        }
        deinit { Self.lock.withLock { Self.live -= 1 } }
    }

    @Test func keepsOrderAndReleasesEveryResult() {
        let before = Tracked.lock.withLock { Tracked.live }
        do {
            let results = parallelMap(Array(0..<500)) { Tracked($0 * 2) }
            #expect(results.map(\.value) == Array(0..<500).map { $0 * 2 })
        }
        #expect(Tracked.lock.withLock { Tracked.live } == before)
    }
}

@Suite("Large documents")
struct LargeDocumentTests {
    /// A page of many entries, with values that need escaping and entries that lack optional keys,
    /// so that lookups fall through to the document's own values exactly as in one walk.
    static let document: Document = {
        let sections = (0..<4).map { section in
            Section(id: "s\(section)", title: section == 2 ? "" : "Section <\(section)>", blocks: (0..<120).map { index in
                index % 3 == 0
                    ? .markdown("Paragraph \(index) with `code` & <b>tags</b>\n\n| a | b |\n| - | - |\n| \(index) | x |")
                    : .entry(GuidanceEntry(id: "e\(section)-\(index)", title: "Entry \"\(index)\"",
                                           summary: index % 2 == 0 ? "Summary \(index)" : nil,
                                           severity: index % 5 == 0 ? .high : nil, body: "Body of *\(index)*.",
                                           sources: [], related: []))
            })
        }
        return Document(path: "roles/engineer", title: "Engineer & DBA", summary: "Everything", sections: sections,
                        formats: [.html])
    }()

    @Test func sectionsRenderedSideBySideMatchOneWalkByteForByte() throws {
        let theme = ContentLoader().load(from: Repository.content).0.theme
        var parallel = try HTMLRenderer(theme: theme)
        parallel.blocksForParallelSections = 1
        var single = try HTMLRenderer(theme: theme)
        single.blocksForParallelSections = .max
        let site = ["profile_name": "P", "profile_id": "p"]
        let one = single.render(Self.document, site: site, navigation: [])
        let many = parallel.render(Self.document, site: site, navigation: [])
        #expect(one.utf8.count > 50_000)
        #expect(many == one)
    }

    @Test func theSectionLoopIsCutOnlyWhereItsTagsStandAlone() throws {
        let split = try #require(HTMLRenderer.splitAtSections("<h1>{{title}}</h1>\n{{#sections}}\n<p>{{id}}</p>\n{{/sections}}\n<footer/>\n"))
        #expect(split.head == "<h1>{{title}}</h1>\n")
        #expect(split.section == "<p>{{id}}</p>\n")
        #expect(split.tail == "<footer/>\n")
        #expect(HTMLRenderer.splitAtSections("<div>{{#sections}}{{id}}{{/sections}}</div>") == nil)
        #expect(HTMLRenderer.splitAtSections("{{#sections}}\na\n{{/sections}}\n{{#sections}}\nb\n{{/sections}}\n") == nil)
    }

    @Test func nestedMapsKeepTheirOrder() {
        let outer = parallelMap(Array(0..<8)) { row in parallelMap(Array(0..<50)) { row * 100 + $0 } }
        #expect(outer.flatMap { $0 } == (0..<8).flatMap { row in (0..<50).map { row * 100 + $0 } })
    }
}
