import Foundation
import Testing
@testable import PreflightKit

/// The corrections a fact-check made to the shipped knowledge, each pinned so that undoing it fails:
/// version guards on catalog queries, the checksum flags per target, AWS's minimum minor versions,
/// the release a MySQL statement arrived in, and what PostgreSQL 17 refuses at startup.
@Suite("Knowledge fixes")
struct KnowledgeFixTests {
    static var content: ContentSet { Repository.loaded.0 }

    func item(_ id: String) throws -> Item {
        try #require(Self.content.itemsByID[id], "no shipped item has the id `\(id)`")
    }

    /// A profile from quick-profile fields, as `--source postgresql@12 …` gives one.
    func profile(_ fields: [(String, String)]) throws -> Profile {
        let (profile, problems) = ProfileLoader(vocabulary: Self.content.vocabulary).load(flags: fields, id: "fix")
        return try #require(profile, "\(problems)")
    }

    /// The code a reader of the profile's documents is given by the item: the commands whose own `when`
    /// holds (as the checklist and runbook filter them) and the code blocks of its rendered body; nil
    /// when the item is not selected. Prose may name a catalog object to explain a guard; code runs.
    func code(_ id: String, for profile: Profile) throws -> String? {
        let item = try item(id)
        guard Selector().select(Self.content, for: profile).decision(for: id)?.included == true else { return nil }
        let renderer = BodyRenderer(profile: profile, vocabulary: Self.content.vocabulary)
        let evaluator = ConditionEvaluator(profile: profile)
        let commands = item.commands.filter { evaluator.evaluate($0.when) }.map { renderer.render($0.code) }
        let blocks = SQLSnippets.fencedBlocks(renderer.render(item.body)).map(\.1)
        return (commands + blocks).joined(separator: "\n")
    }

    // MARK: PostgreSQL 10 catalog objects

    /// The four items whose queries use objects that PostgreSQL 10 introduced.
    static let catalogItems = ["step-monitor-replication-lag", "step-freeze-writes", "step-sync-sequences",
                               "troubleshoot-duplicate-key-after-cutover"]
    static let sinceTen = ["pg_current_wal_lsn", "replay_lsn", "replay_lag", "pg_wal_lsn_diff", "backend_type", "pg_sequences"]

    func replicationProfile(source: String) throws -> Profile {
        try profile([("source", "postgresql@\(source)"), ("target", "postgresql@15"), ("topology.replicas", "1"),
                     ("topology.replication", "logical"), ("window.mode", "read-only"), ("tools.available", "pglogical")])
    }

    @Test(arguments: catalogItems)
    func aPostgreSQL96SourceGetsNoQueryOnVersion10Catalogs(_ id: String) throws {
        guard let text = try code(id, for: try replicationProfile(source: "9.6")) else { return }  // not selected: nothing to run
        for object in Self.sinceTen { #expect(!text.contains(object), "\(id) shows `\(object)` to a 9.6 source") }
    }

    /// The 9.x alternatives exist: a 9.6 source still gets a way to do each step.
    @Test func aPostgreSQL96SourceStillGetsAQueryForEachStep() throws {
        let old = try replicationProfile(source: "9.6")
        #expect(try code("step-monitor-replication-lag", for: old)?.contains("pg_xlog_location_diff(pg_current_xlog_location(), replay_location)") == true)
        #expect(try code("step-freeze-writes", for: old)?.contains("pg_terminate_backend") == true)
        #expect(try code("step-sync-sequences", for: old)?.contains("pglogical.synchronize_sequence") == true)
        #expect(try code("troubleshoot-duplicate-key-after-cutover", for: old) == nil, "its fix queries pg_sequences")
    }

    @Test func aPostgreSQL12SourceGetsTheCurrentQueries() throws {
        let twelve = try replicationProfile(source: "12")
        let expected = ["step-monitor-replication-lag": ["pg_current_wal_lsn()", "replay_lag"],
                        "step-freeze-writes": ["backend_type = 'client backend'"],
                        "step-sync-sequences": ["FROM pg_sequences"],
                        "troubleshoot-duplicate-key-after-cutover": ["FROM pg_sequences"]]
        for (id, needles) in expected {
            let text = try #require(try code(id, for: twelve), "\(id) is not selected for a 12 source")
            for needle in needles { #expect(text.contains(needle), "\(id) lacks `\(needle)` for a 12 source") }
            #expect(!text.contains("pg_current_xlog_location"), "\(id) shows the 9.x function to a 12 source")
        }
    }

    /// `setval` folds a bare name to lower case, so `"Orders_id_seq"` is only found when quoted.
    @Test(arguments: ["step-sync-sequences", "troubleshoot-duplicate-key-after-cutover"])
    func sequenceNamesAreQuoted(_ id: String) throws {
        let text = try #require(try code(id, for: try replicationProfile(source: "12")))
        #expect(text.contains("format('%I.%I', schemaname, sequencename)"), "\(id)")
        #expect(!text.contains("schemaname || '.' || sequencename"), "\(id)")
    }

    @Test(arguments: ["step-monitor-replication-lag", "step-freeze-writes", "step-sync-sequences"])
    func theStepsCiteWhereTheCatalogChanged(_ id: String) throws {
        #expect(try item(id).sources.contains { $0.url == "https://www.postgresql.org/docs/release/10.0/" }, "\(id)")
    }

    // MARK: Data checksums and PostgreSQL 18

    /// Shell commands the reader is told to run, from every selected item.
    func shellCommands(for profile: Profile) -> String {
        let renderer = BodyRenderer(profile: profile, vocabulary: Self.content.vocabulary)
        return Selector().select(Self.content, for: profile).included.flatMap { item in
            SQLSnippets.fencedBlocks(renderer.render(item.body)).filter { $0.0 == "shell" }.map(\.1)
        }.joined(separator: "\n")
    }

    @Test func onlyAnEighteenTargetIsToldToInitialiseWithoutChecksums() throws {
        let to18 = shellCommands(for: try profile([("source", "postgresql@16"), ("target", "postgresql@18")]))
        let to16 = shellCommands(for: try profile([("source", "postgresql@12"), ("target", "postgresql@16")]))
        #expect(to18.contains("initdb --no-data-checksums"))
        #expect(!to16.contains("--no-data-checksums"), "the flag does not exist before 18")
    }

    /// The table the item gives: columns by target version, rows by the old cluster's setting.
    @Test func theChecksumTableReversesTheDefaultForEighteen() throws {
        let rows = try item("pg-upgrade-data-checksums").body.split(separator: "\n").filter { $0.hasPrefix("|") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows.count == 4 && rows.allSatisfy { $0.count == 3 }, "three columns: \(rows)")
        guard rows.count == 4, rows.allSatisfy({ $0.count == 3 }) else { return }
        #expect(rows[0][1].contains("17 or older") && rows[0][2].contains("18 or later"), "\(rows[0])")
        let off = try #require(rows.first { $0[0].contains("`0`") })
        #expect(off[1].contains("plain `initdb`") && !off[1].contains("--no-data-checksums"))
        #expect(off[2].contains("`initdb --no-data-checksums`"))
        let on = try #require(rows.first { $0[0].contains("`1`") })
        #expect(on[1].contains("`initdb --data-checksums`") && on[2].contains("plain `initdb`"))
    }

    @Test func aLiveCheckAlreadyReportsTheMismatch() throws {
        for id in ["pg-18-initdb-checksums-default", "pg-upgrade-data-checksums"] {
            let body = try item(id).body.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            #expect(body.contains("`pg_upgrade --check`"), "\(id)")
            #expect(body.contains("running old cluster") || body.contains("old server is still running"), "\(id)")
        }
    }

    // MARK: RDS and Aurora blue/green minimum minor versions

    func blueGreen(_ hosting: String, from source: String, to target: String) throws -> StrategyAssessment {
        let profile = try profile([("source", "postgresql@\(source)"), ("target", "postgresql@\(target)"),
                                   ("source.hosting", hosting), ("target.hosting", hosting)])
        return try #require(StrategyAdvisor().assess(Self.content, for: profile).first { $0.item.id == "strategy-rds-blue-green" })
    }

    /// AWS's minimum minors for a blue/green major upgrade: the version below is refused, the minimum admitted.
    @Test(arguments: [("11.20", "11.21", "12"), ("12.15", "12.16", "15"), ("13.11", "13.12", "14"),
                      ("14.8", "14.9", "16"), ("15.3", "15.4", "16")])
    func rdsRefusesMinorsBelowTheMinimum(below: String, minimum: String, target: String) throws {
        // Eliminations rather than `eligible`, so that a failure prints the reasons, not the whole item.
        let refused = try blueGreen("rds", from: below, to: target).eliminations
        #expect(refused.contains { $0.contains("minor upgrade to \(minimum) or later") }, "RDS \(below) → \(target): \(refused)")
        let admitted = try blueGreen("rds", from: minimum, to: target).eliminations
        #expect(admitted.isEmpty, "RDS \(minimum) → \(target): \(admitted)")
    }

    @Test func aProfileThatStatesOnlyTheMajorCountsAsBelow() throws {
        let refused = try blueGreen("rds", from: "12", to: "15").eliminations
        #expect(refused.contains { $0.contains("12.16") }, "\(refused)")
    }

    @Test(arguments: [("16.0", "16.1"), ("17.3", "17.4"), ("14.8", "14.9")])
    func auroraNeedsItsOwnMinimums(below: String, minimum: String) throws {
        let refused = try blueGreen("aurora", from: below, to: "17.4").eliminations
        #expect(refused.contains { $0.hasPrefix("Aurora PostgreSQL offers blue/green deployments only from") }, "Aurora \(below): \(refused)")
        let admitted = try blueGreen("aurora", from: minimum, to: "17.4").eliminations
        #expect(admitted.isEmpty, "Aurora \(minimum): \(admitted)")
    }

    // MARK: MySQL 8.4 and PostgreSQL 17 wording

    /// `SHOW BINARY LOG STATUS` and `RESET BINARY LOGS AND GTIDS` came in 8.2.0, not with the REPLICA forms.
    @Test func theBinaryLogStatementsDateFrom8_2() throws {
        let item = try item("mysql84-replication-statements-removed")
        let row = try #require(item.body.split(separator: "\n").first {
            $0.hasPrefix("|") && $0.contains("`SHOW BINARY LOG STATUS`, `RESET BINARY LOGS AND GTIDS`")
        })
        #expect(row.hasSuffix("| 8.2.0 |"), "\(row)")
        #expect(item.summary?.contains("RESET BINARY LOGS AND GTIDS only from 8.2.0") == true)
        #expect(!item.body.contains("against 8.0.22+ sources"))
    }

    @Test func seventeenRefusesEvenTheOldDefaults() throws {
        let body = try item("pg-17-removed-settings").body.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(body.contains("even `old_snapshot_threshold = -1`, its old default"))
        #expect(body.contains("even `db_user_namespace = off` is fatal"))
    }
}
