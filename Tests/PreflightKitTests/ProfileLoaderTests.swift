import Foundation
import Testing
@testable import PreflightKit

@Suite("Profiles")
struct ProfileLoaderTests {
    let vocabulary = Vocabulary(engines: [
        .init(id: "postgresql", name: "PostgreSQL", family: "postgresql", aliases: ["pg"]),
        .init(id: "aurora-postgresql", name: "Aurora PostgreSQL", family: "postgresql", aliases: []),
        .init(id: "mysql", name: "MySQL", family: "mysql", aliases: []),
    ], values: ["window.mode": ["read-only", "offline", "online"]])

    func load(_ yaml: String) throws -> (Profile?, [Diagnostic]) {
        let site = try FixtureSite(["p.yml": yaml])
        defer { site.remove() }
        let (profile, diagnostics) = ProfileLoader(vocabulary: vocabulary).load(path: site.path("p.yml"))
        return (profile, diagnostics.map { var copy = $0; copy.location.file = "p.yml"; return copy })
    }

    @Test func readsThePublicFormat() throws {
        let (profile, diagnostics) = try load("""
        id: acme
        name: Acme
        source: { engine: pg, version: "12.17", hosting: self-managed }
        target: { engine: aurora-postgresql, version: "15.5" }
        data: { size: 1 TB, largest_table: { name: orders, size: 400 GB, rows: 1200000000 } }
        topology: { replicas: 1, replication: streaming }
        window: { mode: read-only, duration: 1h30m, starts: "2026-12-06T02:00", timezone: America/New_York }
        objectives: { rto: 20m, rpo: 0 }
        rollback: { max_duration: 15m, triggers: { replica_lag: 60s, error_rate: 0.5%, pk_violations: 0 } }
        tools: { available: [pg_dump, psql], unavailable: [pg_upgrade] }
        hardware: { network: 10Gbps, disk_throughput: 250MB/s }
        compliance: [soc2]
        roles: [engineer, devops]
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let p = try #require(profile)
        #expect(p.id == "acme")
        #expect(p["source.engine"] == .engine("postgresql"))
        #expect(p["target.family"] == .engine("postgresql"))
        #expect(p["migration.cross_engine"] == .boolean(false))
        #expect(p.size("data.largest_table.size")?.bytes == 4e11)
        #expect(p.number("data.largest_table.rows") == 1_200_000_000)
        #expect(p.duration("window.duration")?.seconds == 5400)
        #expect(p.duration("objectives.rpo")?.seconds == 0)
        #expect(p["rollback.triggers.error_rate"] == .percentage(Percentage(0.5)))
        #expect(p.list("tools.unavailable") == ["pg_upgrade"])
        #expect(p.readers == [.engineer, .devops])
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        let (profile, diagnostics) = try load("""
        source: { engine: postgresql, version: "12" }
        target: { engine: postgresq, version: "fifteen" }
        topology: { replica: 1 }
        window: { duration: 20 }
        """)
        #expect(profile == nil)
        #expect(diagnostics.map(\.code).sorted() == [DiagnosticCode.unknownProfileField, DiagnosticCode.unknownProfileValue, DiagnosticCode.unknownProfileValue, DiagnosticCode.unknownProfileValue])
        let replica = try #require(diagnostics.first { $0.code == DiagnosticCode.unknownProfileField })
        #expect(replica.hint == "did you mean `topology.replicas`?")
        #expect(replica.location == SourceLocation(file: "p.yml", line: 3, column: 13))
        #expect(diagnostics.contains { $0.hint == "did you mean `postgresql`?" })
    }

    @Test func requiresBothEngines() throws {
        let (profile, diagnostics) = try load("source: { engine: postgresql }\n")
        #expect(profile == nil)
        #expect(diagnostics.map(\.code) == [DiagnosticCode.profileNotMapping])
    }

    @Test func quickProfileFromFlags() throws {
        let (profile, diagnostics) = ProfileLoader(vocabulary: vocabulary).load(
            flags: [("source", "postgresql@12"), ("target", "pg@15"), ("data.size", "1TB"), ("window.duration", "20m")],
            id: nil)
        #expect(diagnostics.isEmpty)
        let p = try #require(profile)
        #expect(p.id == "quick")
        #expect(p.version("target.version")?.major == 15)
        #expect(p.size("data.size")?.bytes == 1e12)
    }

    @Test func contradictionsAreFlagged() throws {
        let (profile, _) = try load("""
        source: { engine: postgresql, version: "15" }
        target: { engine: postgresql, version: "12" }
        tools: { available: [pg_upgrade], unavailable: [pg_upgrade] }
        """)
        let content = ContentSet(root: ".", items: [], vocabulary: vocabulary, theme: Theme(), profilePaths: [])
        let codes = ProfileValidator().validate(try #require(profile), content: content).map(\.code)
        #expect(codes.sorted() == [DiagnosticCode.targetOlderThanSource, DiagnosticCode.toolBothWays])
    }
}
