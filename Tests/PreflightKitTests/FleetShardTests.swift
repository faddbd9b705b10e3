import Foundation
import Testing
@testable import PreflightKit

/// A fleet built by several machines: `--shard K/N` builds each profile on exactly one of them,
/// and `--index-only` then writes the site index over all of them.
@Suite("Fleet shards")
struct FleetShardTests {
    /// Seven databases, listed out of id order, so that dealing by id is not dealing by row.
    static let inventory = """
    id,name,source,target,size,replicas,window,roles
    orders,Orders,postgresql@12,postgresql@15,200 GB,1,20m,engineer;dba
    billing,Billing,postgresql@12,postgresql@16,1TB,1,30m,engineer
    search,"Search, EU",postgresql@13,postgresql@16,50 GB,0,1h,engineer
    audit,Audit,postgresql@11,postgresql@15,10 GB,0,20m,dba
    catalog,Catalog,postgresql@14,postgresql@16,80 GB,2,20m,engineer;devops
    ledger,Ledger,postgresql@12,postgresql@17,500 GB,1,45m,engineer
    metrics,Metrics,postgresql@13,postgresql@15,2TB,0,2h,devops

    """

    static let ids = ["audit", "billing", "catalog", "ledger", "metrics", "orders", "search"]

    func request(_ site: FixtureSite, output: String, cache: String, shard: Shard? = nil) -> BuildRequest {
        var request = BuildRequest(base: site.content, profilePaths: [site.path("fleet/inventory.csv")],
                                   outputRoot: site.path(output), cacheDirectory: site.path(cache))
        request.exports = [.jiraCSV]
        request.shard = shard
        return request
    }

    @Test func threeShardsAndTheIndexEqualOneFullBuild() throws {
        let site = try FixtureSite(EndToEndTests.site.merging(["fleet/inventory.csv": Self.inventory]) { _, new in new })
        defer { site.remove() }
        // One machine per shard, each with a cache of its own, all writing into one folder.
        var built: [[String]] = []
        for index in 1...3 {
            let result = Pipeline().build(request(site, output: "Sharded", cache: "cache-\(index)", shard: try Shard(index: index, count: 3)))
            #expect(!result.failed, "\(result.diagnostics.filter { $0.level == .error })")
            built.append(result.profiles.filter { $0.status == .built }.map(\.id))
            #expect(!site.exists("Sharded/index.html") && !site.exists("Sharded/README.md"), "a shard leaves the index alone")
        }
        // Dealt by sorted id: the first shard takes the 1st, 4th and 7th, and so on.
        #expect(built.map { $0.sorted() } == [["audit", "ledger", "search"], ["billing", "metrics"], ["catalog", "orders"]])
        #expect(built.flatMap { $0 }.sorted() == Self.ids, "each profile exactly once")

        let index = Pipeline().buildIndex(BuildRequest(base: site.content, outputRoot: site.path("Sharded")))
        #expect(!index.failed, "\(index.diagnostics)")
        #expect(index.indexed == Self.ids)

        let full = Pipeline().build(request(site, output: "Full", cache: "cache-full"))
        #expect(!full.failed && full.profiles.count == 7)
        // Same files, same bytes: nothing in a profile's folder or the index depends on the machine
        // or on which shard built it.
        let sharded = site.snapshot("Sharded"), whole = site.snapshot("Full")
        #expect(sharded.keys.sorted() == whole.keys.sorted())
        #expect(sharded.keys.filter { sharded[$0] != whole[$0] }.sorted() == [])
        #expect(try site.read("Sharded/index.html").contains("Search, EU"))
    }

    @Test func aShardWithNoProfilesBuildsNothing() throws {
        let site = try FixtureSite(EndToEndTests.site.merging(["fleet/inventory.csv": Self.inventory]) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().build(request(site, output: "Out", cache: "cache", shard: try Shard(index: 9, count: 9)))
        #expect(!result.failed && result.profiles.isEmpty)
        #expect(!site.exists("Out/index.html"))
    }

    @Test(arguments: ["0/3", "4/3", "3", "1/0", "a/b", "1/2/3", "-1/2", ""])
    func aMalformedShardSaysWhatItShouldBe(text: String) {
        #expect(throws: Shard.ParseError.self) { try Shard(parsing: text) }
    }

    @Test func shardsReadAsWritten() throws {
        #expect(try Shard(parsing: "2/3") == Shard(index: 2, count: 3))
        #expect(try Shard(parsing: " 1 / 1 ").description == "1/1")
    }
}
