import Foundation
import Testing
@testable import PreflightInspect
@testable import PreflightKit

extension Rehearsals {
    /// The shipped logical-replication runbook rehearsed for real, PostgreSQL 15 → 18 on clusters of the
    /// test's own, with pgbench writing throughout: the initial copy under load, the lag gate, the freeze,
    /// the drain, the sequences, the reverse subscription and the switch; then writes on 18, and the
    /// rollback back to 15 with every one of them arriving.
    @Suite("Logical replication rehearsed", .serialized, .enabled(if: TestServers.available, "needs the servers of scripts/with-postgres.sh"))
    struct LogicalReplicationRehearsalTests {
        static let profile = """
        id: rehearsal-logical
        name: Rehearsal — logical replication, PostgreSQL 15 to 18
        source: { engine: postgresql, version: "15", hosting: self-managed }
        target: { engine: postgresql, version: "18", hosting: self-managed }
        data: { size: 1 GB, tables: 6 }
        window: { mode: read-only, duration: 20m }
        objectives: { rto: 30m, rpo: 0 }
        tools: { available: [pg_dump, pg_restore, psql], unavailable: [pg_upgrade, pglogical], closed: true }
        """

        /// The runbook's steps that act on the databases, in the plan's order. The others are about
        /// people and infrastructure this machine does not have (DNS, the application's health URL,
        /// network measurements, meetings); `rehearse --from/--until` runs them on a team's staging.
        static let forward = ["step-pg-logical-prerequisites", "step-find-tables-without-pk", "step-load-schema-only",
                              "step-pg-logical-ddl-freeze", "step-pg-logical-initial-sync", "step-pg-logical-reverse-prep",
                              "step-pg-logical-lag-gate", "step-freeze-writes", "step-record-switch-positions",
                              "step-pg-logical-drain", "step-sync-sequences", "step-pg-logical-start-reverse",
                              "step-point-of-no-return", "step-open-writes-target"]
        static let rollback = ["step-declare-rollback", "step-rollback-stop-writes-target", "step-pg-logical-drain-reverse",
                               "step-rollback-resync-sequences", "step-rollback-reopen-source"]

        @Test func forwardUnderLoadThenRollbackLosesNoWrite() async throws {
            let bin15 = try #require(TestServers.environment["PREFLIGHT_PG15_BINDIR"])
            let bin18 = try #require(TestServers.environment["PREFLIGHT_PG18_BINDIR"])
            let folder = try await TestCluster.folder("rehearsal-logical")
            defer { try? FileManager.default.removeItem(at: folder) }
            let old = try await TestCluster.create("15", in: folder, bindir: bin15, port: TestCluster.freePort())
            let new = try await TestCluster.create("18", in: folder, bindir: bin18, port: TestCluster.freePort(), initdbOptions: ["--no-data-checksums"])
            try await old.start()
            defer { old.stopNow() }
            try await new.start()
            defer { new.stopNow() }
            try await TestCluster.run(["\(bin15)/createdb", "-h", old.socket, "-p", String(old.port), "-U", TestCluster.databaseUser, "app"])
            try await TestCluster.run(["\(bin18)/createdb", "-h", new.socket, "-p", String(new.port), "-U", TestCluster.databaseUser, "app"])
            let (source, target) = (old.url("app"), new.url("app"))
            try await RehearsalWorkload.create(url: source, bindir: bin15)

            try Self.profile.write(to: folder.appendingPathComponent("profile.yml"), atomically: true, encoding: .utf8)
            let request = BuildRequest(base: TestServers.content, profilePaths: [folder.appendingPathComponent("profile.yml").path])
            let (plan, _) = try Pipeline().plan(request).get()
            #expect(plan.strategy?.item.id == "strategy-pg-logical-replication")
            let (content, _) = try Pipeline().loadForDatabase(request).get()
            let whole = try RehearsalScript(plan: plan, content: content, phases: Phase.allCases)
            func script(_ ids: [String]) throws -> RehearsalScript {
                RehearsalScript(profileID: whole.profileID, steps: try ids.map { id in try #require(whole.steps.first { $0.id == id }, "\(id)") })
            }

            var variables = ProcessInfo.processInfo.environment
            variables["SOURCE_URL"] = source
            variables["TARGET_URL"] = target
            variables["SOURCE_BINDIR"] = bin15
            variables["TARGET_BINDIR"] = bin18
            variables["WAL_SAMPLE_SECONDS"] = "5"
            variables["SYNC_TIMEOUT_SECONDS"] = "1200"
            func rehearse(_ ids: [String]) async throws -> RehearsalLog {
                var rehearsal = Rehearsal(script: try script(ids), environment: variables, assumeManual: true, confirm: nil, report: { print($0) })
                rehearsal.directory = folder.path
                #expect(rehearsal.unsetVariables.isEmpty, "\(rehearsal.unsetVariables)")
                let log = await rehearsal.run()
                print(log.markdown)
                return log
            }

            // Forward, with pgbench writing to 15 from before the copy until the freeze ends its sessions.
            let sourceLoad = try RehearsalWorkload.start(url: source, bindir: bin15, folder: folder)
            defer { if sourceLoad.isRunning { sourceLoad.terminate() } }
            try await Task.sleep(for: .seconds(3))
            let forward = try await rehearse(Self.forward)
            #expect(forward.passed, "\(forward.markdown)")
            // The steps that move the whole database leave their rates for the profile.
            #expect(forward.rates.contains { $0.field == "rates.logical_copy" && $0.rate.bytesPerSecond > 0 }, "\(forward.markdown)")
            #expect(forward.differences == 0, "\(forward.verify ?? "no verify")")
            let committed = try await RehearsalWorkload.count(source, "pgbench_history")
            #expect(committed > 0, "pgbench wrote to 15 before the freeze")
            #expect(try await RehearsalWorkload.count(target, "pgbench_history") == committed)
            try #require(forward.passed)

            // The switch: the application writes to 18 now, inserting orders with the synced sequence and
            // updating `events`, whose changes reach 15 through the reverse subscription.
            let targetLoad = try RehearsalWorkload.start(url: target, bindir: bin18, folder: folder)
            defer { if targetLoad.isRunning { targetLoad.terminate() } }
            try await Task.sleep(for: .seconds(8))
            #expect(targetLoad.isRunning, "pgbench on 18 failed (a duplicate key would mean the sequences were not synced)")

            // Rollback: freeze 18, drain the way back, move 15's sequences past 18's keys, reopen 15.
            let back = try await rehearse(Self.rollback)
            #expect(back.passed, "\(back.markdown)")
            #expect(back.differences == 0, "\(back.verify ?? "no verify")")
            let onTarget = try await RehearsalWorkload.count(target, "pgbench_history")
            #expect(onTarget > committed, "pgbench wrote to 18 after the switch")
            #expect(try await RehearsalWorkload.count(source, "pgbench_history") == onTarget, "every write made on 18 is back on 15")
            // 15 takes writes again, and a new order gets a key 18 never handed out.
            try await RehearsalWorkload.execute(source, "INSERT INTO orders (aid, note) VALUES (1, 'after the rollback')")
        }
    }
}
