import Foundation
import Testing
@testable import PreflightInspect
@testable import PreflightKit

extension Rehearsals {
    /// The shipped `pg_upgrade --link` runbook rehearsed for real: a PostgreSQL 15 cluster of the test's
    /// own, pgbench writing until the old server stops, `pg_upgrade --check` on the live cluster, the
    /// upgrade in place into an 18 cluster on the same port, its start and the statistics rebuild. The
    /// closing `verify` compares the upgraded cluster with a copy of the old one taken once it stopped,
    /// as the pre-cutover backup would be.
    @Suite("pg_upgrade --link rehearsed", .serialized, .enabled(if: TestServers.available, "needs the servers of scripts/with-postgres.sh"))
    struct PgUpgradeRehearsalTests {
        static let profile = """
        id: rehearsal-upgrade
        name: Rehearsal — pg_upgrade --link in place, PostgreSQL 15 to 18
        source: { engine: postgresql, version: "15", hosting: self-managed }
        target: { engine: postgresql, version: "18", hosting: self-managed }
        data: { size: 1 GB, tables: 6 }
        window: { mode: offline, duration: 1h }
        objectives: { rto: 1h, rpo: 0 }
        tools: { available: [pg_upgrade, pg_dump, psql], closed: true }
        """

        /// Up to the old server's stop; then, after the test copies the stopped cluster, the upgrade.
        /// The steps left out need what this machine lacks (an application to stop and resume, its
        /// health URL).
        static let untilStopped = ["step-pg-upgrade-final-check", "step-record-switch-positions", "step-pg-upgrade-stop-old"]
        static let upgrade = ["step-run-pg-upgrade", "step-point-of-no-return", "step-pg-upgrade-start-new"]

        @Test func linkModeUpgradeUnderLoadKeepsEveryCommittedWrite() async throws {
            let bin15 = try #require(TestServers.environment["PREFLIGHT_PG15_BINDIR"])
            let bin18 = try #require(TestServers.environment["PREFLIGHT_PG18_BINDIR"])
            let folder = try await TestCluster.folder("rehearsal-upgrade")
            defer { try? FileManager.default.removeItem(at: folder) }
            // In place: the new cluster takes the old one's port, as the application's address must not change.
            let port = TestCluster.freePort()
            let old = try await TestCluster.create("15", in: folder, bindir: bin15, port: port)
            let new = try await TestCluster.create("18", in: folder, bindir: bin18, port: port, initdbOptions: ["--no-data-checksums"])
            try await old.start()
            defer { old.stopNow(); new.stopNow() }
            try await TestCluster.run(["\(bin15)/createdb", "-h", old.socket, "-p", String(port), "-U", TestCluster.databaseUser, "app"])
            let url = old.url("app")
            try await RehearsalWorkload.create(url: url, bindir: bin15)

            try Self.profile.write(to: folder.appendingPathComponent("profile.yml"), atomically: true, encoding: .utf8)
            let request = BuildRequest(base: TestServers.content, profilePaths: [folder.appendingPathComponent("profile.yml").path])
            let (plan, _) = try Pipeline().plan(request).get()
            #expect(plan.strategy?.item.id == "strategy-pg-upgrade-link")
            let (content, _) = try Pipeline().loadForDatabase(request).get()
            let whole = try RehearsalScript(plan: plan, content: content, phases: Phase.allCases)
            func script(_ ids: [String]) throws -> RehearsalScript {
                RehearsalScript(profileID: whole.profileID, steps: try ids.map { id in try #require(whole.steps.first { $0.id == id }, "\(id)") })
            }
            var variables = ProcessInfo.processInfo.environment
            variables["SOURCE_URL"] = url
            variables["TARGET_URL"] = url
            variables["SOURCE_BINDIR"] = bin15
            variables["TARGET_BINDIR"] = bin18
            variables["SOURCE_PGDATA"] = old.data
            variables["TARGET_PGDATA"] = new.data
            func rehearse(_ ids: [String], verify: Bool) async throws -> RehearsalLog {
                var rehearsal = Rehearsal(script: try script(ids), environment: variables, assumeManual: true, confirm: nil, report: { print($0) })
                rehearsal.directory = folder.path  // pg_upgrade writes its scripts and logs where it runs
                rehearsal.shellUser = TestCluster.user
                #expect(rehearsal.unsetVariables.isEmpty, "\(rehearsal.unsetVariables)")
                let log = await rehearsal.run(verify: verify)
                print(log.markdown)
                return log
            }

            // Writes arrive until the old server's fast shutdown ends their sessions.
            let load = try RehearsalWorkload.start(url: url, bindir: bin15, folder: folder)
            defer { if load.isRunning { load.terminate() } }
            try await Task.sleep(for: .seconds(5))
            let stopped = try await rehearse(Self.untilStopped, verify: false)
            #expect(stopped.passed, "\(stopped.markdown)")
            #expect(stopped.entries.contains { $0.command.contains("pg_upgrade\" --check") && $0.status == 0 }, "pg_upgrade --check ran first and passed")
            try #require(stopped.passed)
            _ = try await offPool { load.waitUntilExit() }

            // The copy of the stopped cluster, started on a port of its own: what the old cluster held.
            let backup = folder.appendingPathComponent("15-backup").path
            try await TestCluster.run(["/bin/cp", "-a", old.data, backup], asClusterUser: true)
            let reference = TestCluster(bindir: bin15, data: backup, socket: folder.path, port: TestCluster.freePort())
            try await reference.start(options: "-p \(reference.port)")
            defer { reference.stopNow() }

            variables["SOURCE_URL"] = reference.url("app")
            let upgraded = try await rehearse(Self.upgrade, verify: true)
            #expect(upgraded.passed, "\(upgraded.markdown)")
            #expect(upgraded.differences == 0, "\(upgraded.verify ?? "no verify")")
            // Link mode: the old cluster's control file is set aside and the data files are shared.
            #expect(FileManager.default.fileExists(atPath: old.data + "/global/pg_control.old"))
            let accounts = try await RehearsalWorkload.count(url, "pgbench_accounts")
            #expect(accounts == RehearsalWorkload.scale * 100_000)

            let committed = try await RehearsalWorkload.count(reference.url("app"), "pgbench_history")
            #expect(committed > 0, "pgbench wrote before the stop")
            #expect(try await RehearsalWorkload.count(url, "pgbench_history") == committed)
            let version = try await RehearsalWorkload.value(url, "SELECT current_setting('server_version_num')")
            #expect(version?.hasPrefix("18") == true)

            // The statistics rebuild the start left running in the background completes.
            var analyzed = false
            for _ in 0..<120 where !analyzed {
                analyzed = try await RehearsalWorkload.count(url, "pg_stats WHERE tablename = 'pgbench_accounts'") > 0
                if !analyzed { try await Task.sleep(for: .seconds(1)) }
            }
            #expect(analyzed, "planner statistics for pgbench_accounts after the upgrade")
        }
    }
}
