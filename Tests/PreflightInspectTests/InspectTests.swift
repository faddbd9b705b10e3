import Foundation
import Testing
@testable import PreflightInspect
@testable import PreflightKit

/// `inspect` on real PostgreSQL 15 and 18 servers: every finding the fixture plants is reported, a
/// clean database reports none, and the session cannot write.
@Suite("inspect on PostgreSQL", .enabled(if: TestServers.available, "needs the servers of scripts/with-postgres.sh (make test)"))
struct InspectTests {
    var probes: [Probe] { TestServers.loaded.0.probes }

    /// What the fixture plants, by server: aclitem matters only from 15 or older, and the extension
    /// the 18 server lacks is installed on 15 only.
    static func expectedFindings(_ major: String) -> Set<String> {
        var expected: Set<String> = [
            "probe-pg-tables-without-pk", "probe-pg-integer-keys-near-limit", "probe-pg-sequences-near-limit",
            "probe-pg-xid-wraparound", "probe-pg-prepared-transactions", "probe-pg-inactive-replication-slots",
            "probe-pg-upgrade-reg-columns", "probe-pg-collation-version-mismatch", "probe-pg-unlogged-tables",
            "probe-pg-large-objects",
        ]
        if major == "15" { expected.formUnion(["probe-pg-upgrade-aclitem-columns", "probe-pg-extensions-missing-on-target"]) }
        return expected
    }

    func inspect(_ source: String, target: String) async throws -> InspectReport {
        let sourceDatabase = try await TestServers.connect(source)
        let targetDatabase = try await TestServers.connect(target)
        defer { Task { await sourceDatabase.close(); await targetDatabase.close() } }
        return await Inspector(probes: probes).inspect(source: sourceDatabase, target: targetDatabase)
    }

    @Test(arguments: ["15", "18"])
    func everyPlantedFindingIsReported(major: String) async throws {
        let report = try await inspect(TestServers.dsn(major, database: "findings"), target: TestServers.dsn("18", database: "clean"))
        #expect(Set(report.findings.map(\.probe)) == Self.expectedFindings(major))
        let byProbe = Dictionary(report.findings.map { ($0.probe, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byProbe["probe-pg-tables-without-pk"]?.names == ["public.audit_events"])
        #expect(byProbe["probe-pg-integer-keys-near-limit"]?.names == ["public.legacy_orders.id"])
        #expect(byProbe["probe-pg-sequences-near-limit"]?.names == ["public.ticket_number_seq"])
        #expect(byProbe["probe-pg-prepared-transactions"]?.names == ["preflight_forgotten_prepare"])
        #expect(byProbe["probe-pg-inactive-replication-slots"]?.names == ["preflight_abandoned_slot"])
        #expect(byProbe["probe-pg-upgrade-reg-columns"]?.names == ["public.job_hooks.handler"])
        #expect(byProbe["probe-pg-unlogged-tables"]?.names == ["public.session_cache"])
        #expect(byProbe["probe-pg-xid-wraparound"]?.names == ["findings"])
        if major == "15" {
            #expect(byProbe["probe-pg-upgrade-aclitem-columns"]?.names == ["public.saved_grants.grant_item"])
            #expect(byProbe["probe-pg-extensions-missing-on-target"]?.names == ["adminpack"])
        }
        // Each finding carries the step and the verdict the content gave it.
        let pk = try #require(byProbe["probe-pg-tables-without-pk"])
        #expect(pk.step == "step-find-tables-without-pk")
        #expect(pk.rulesOut.contains("strategy-pg-logical-replication"))
        #expect(pk.message.contains("public.audit_events"))
        #expect(report.skipped.filter { !$0.reason.hasPrefix("no query for") }.isEmpty, "\(report.skipped)")
    }

    @Test(arguments: ["15", "18"])
    func factsAreMeasured(major: String) async throws {
        let report = try await inspect(TestServers.dsn(major, database: "findings"), target: TestServers.dsn("18", database: "clean"))
        let facts = Dictionary(report.facts.map { ($0.measures, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(facts["source.version"]?.value.hasPrefix(major + ".") == true)
        #expect(report.source.version.hasPrefix(major + "."))
        for field in ["data.size", "data.tables", "data.largest_table", "topology.replicas", "long_transactions",
                      "server.wal_level", "server.write_rate", "server.collation", "server.logical_replication"] {
            #expect(facts[field] != nil, "no fact measured for \(field)")
        }
        #expect(facts["server.wal_level"]?.value == "logical")
        #expect(facts["topology.replicas"]?.value == "0")
        #expect(facts["data.largest_table"]?.parts?["name"] != nil)
        if case .success(let size) = DataSize.parse(facts["data.size"]?.value ?? "") { #expect(size.bytes > 1_000_000) }
        else { Issue.record("data.size is not a size: \(facts["data.size"]?.value ?? "none")") }
    }

    @Test(arguments: [("15", nil), ("18", nil), ("15", "preflight_reader"), ("18", "preflight_reader"),
                      ("15", "preflight_limited"), ("18", "preflight_limited")] as [(String, String?)])
    func aCleanDatabaseReportsNothing(major: String, user: String?) async throws {
        let report = try await inspect(TestServers.dsn(major, database: "clean", user: user), target: TestServers.dsn("18", database: "clean"))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.skipped.filter { !$0.reason.hasPrefix("no query for") }.isEmpty, "\(report.skipped)")
        #expect(!report.facts.isEmpty)
    }

    @Test(arguments: ["15", "18"])
    func aRoleThatCannotReadATableIsTold(major: String) async throws {
        let report = try await inspect(TestServers.dsn(major, database: "findings", user: "preflight_limited"),
                                       target: TestServers.dsn("18", database: "clean"))
        let finding = try #require(report.findings.first { $0.probe == "probe-pg-missing-privileges" })
        #expect(finding.names == ["public.findings_secret"])
    }

    @Test(arguments: ["15", "18"])
    func theSessionCannotWrite(major: String) async throws {
        let database = try await TestServers.connect(TestServers.dsn(major, database: "clean"))
        defer { Task { await database.close() } }
        #expect(try await database.rows("SELECT current_setting('transaction_read_only') AS value").first?["value"] == .text("on"))
        #expect(try await database.rows("SELECT current_setting('application_name') AS name").first?["name"] == .text("preflight"))
        do {
            try await database.execute("CREATE TABLE preflight_should_not_exist (id int)")
            Issue.record("a superuser's inspect session created a table")
        } catch {
            #expect(error.sqlState == "25006", "read-only transaction: \(error.message)")
        }
    }

    @Test func passwordsOverTCPAndTLS() async throws {
        let environment = TestServers.environment
        let port = try #require(environment["PREFLIGHT_PG15_TCP_PORT"]), ca = try #require(environment["PREFLIGHT_PG_CA"])
        let verified = try ConnectionString.parse(
            "host=localhost port=\(port) dbname=clean user=preflight_pw sslmode=verify-full sslrootcert=\(ca)",
            environment: ["PGPASSWORD": "s3cret-pw"], home: "/nonexistent")
        let database = try await Database.connect(verified)
        #expect(try await database.rows("SELECT ssl::text AS ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?["ssl"] == .text("true"))
        await database.close()
        // The 18 server from the wheel has no TLS: a password login over plain TCP.
        let port18 = try #require(environment["PREFLIGHT_PG18_TCP_PORT"])
        let plain = try ConnectionString.parse("postgresql://preflight_pw:s3cret-pw@127.0.0.1:\(port18)/clean?sslmode=prefer",
                                               environment: [:], home: "/nonexistent")
        await (try await Database.connect(plain)).close()
        let wrong = try ConnectionString.parse("postgresql://preflight_pw:not-the-pw-42@localhost:\(port)/clean?sslmode=require",
                                               environment: [:], home: "/nonexistent")
        do {
            _ = try await Database.connect(wrong)
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.kind == .connection)
            #expect(error.sqlState == "28P01")
            #expect(!error.message.contains("not-the-pw-42"))
            #expect(!"\(error)".contains("not-the-pw-42"))
        }
    }
}
