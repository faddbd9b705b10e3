import Foundation
import Testing
@testable import PreflightInspect
@testable import PreflightKit

extension Rehearsals {
    /// The shipped dump-and-restore runbook rehearsed for real: PostgreSQL 15 → 18, a pgbench database
    /// of about 1 GB (`PREFLIGHT_REHEARSAL_SCALE`, 70 by default) with writes arriving until the freeze,
    /// the cutover's commands run from the freeze to the restore, then `verify`.
    @Suite("Dump and restore rehearsed", .serialized, .enabled(if: TestServers.available, "needs the servers of scripts/with-postgres.sh"))
    struct DumpRestoreRehearsalTests {
        static let scale = Int(ProcessInfo.processInfo.environment["PREFLIGHT_REHEARSAL_SCALE"] ?? "") ?? 70
        let environment = TestServers.environment

        static let profile = """
        id: rehearsal-dump-restore
        name: Rehearsal — dump and restore, PostgreSQL 15 to 18
        source: { engine: postgresql, version: "15", hosting: self-managed }
        target: { engine: postgresql, version: "18", hosting: self-managed }
        data: { size: 1 GB, tables: 5 }
        window: { mode: offline, duration: 2h }
        objectives: { rto: 2h, rpo: 0 }
        tools: { available: [pg_dump, pg_restore, psql], unavailable: [pg_upgrade], closed: true }
        """

        /// Runs a program to its end; its status and output.
        @discardableResult
        func run(_ program: String, _ arguments: [String]) async throws -> (Int32, String) {
            try await offPool {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: program)
                process.arguments = arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return (process.terminationStatus, String(decoding: data, as: UTF8.self))
            }
        }

        func count(_ url: String, _ table: String) async throws -> Int {
            let database = try await TestServers.connect(url)
            defer { Task { await database.close() } }
            return Int(try await database.rows("SELECT count(*) AS n FROM \(table)").first?["n"]?.description ?? "") ?? -1
        }

        @Test func writesUntilTheFreezeAllArriveAndVerifyCatchesABreak() async throws {
            let bin15 = try #require(environment["PREFLIGHT_PG15_BINDIR"]), bin18 = try #require(environment["PREFLIGHT_PG18_BINDIR"])
            let id = UUID().uuidString.prefix(8).lowercased()
            let (source, target) = ("rh_src_\(id)", "rh_dst_\(id)")
            let admin15 = try await TestServers.connect(TestServers.dsn("15", database: "postgres"), readOnly: false)
            try await admin15.execute("CREATE DATABASE \(source)")
            await admin15.close()
            let admin18 = try await TestServers.connect(TestServers.dsn("18", database: "postgres"), readOnly: false)
            try await admin18.execute("CREATE DATABASE \(target)")
            await admin18.close()
            let sourceURL = TestServers.dsn("15", database: source), targetURL = TestServers.dsn("18", database: target)

            // About 15 MB per scale unit, plus a table with a sequence-backed key and a foreign key.
            let (initStatus, initOutput) = try await run(bin15 + "/pgbench", ["-i", "-q", "-s", String(Self.scale), "--foreign-keys", sourceURL])
            try #require(initStatus == 0, "\(initOutput)")
            let setup = try await TestServers.connect(sourceURL, readOnly: false)
            try await setup.execute("CREATE TABLE orders (id serial PRIMARY KEY, aid int NOT NULL REFERENCES pgbench_accounts, note text)")
            try await setup.execute("INSERT INTO orders (aid, note) SELECT aid, md5(aid::text) FROM pgbench_accounts WHERE aid <= 50000")
            try await setup.execute("CREATE INDEX orders_aid_idx ON orders (aid)")
            await setup.close()

            // Writes arrive until the freeze ends their sessions.
            let load = Process()
            load.executableURL = URL(fileURLWithPath: bin15 + "/pgbench")
            load.arguments = ["-n", "-c", "2", "-T", "900", sourceURL]
            load.standardOutput = FileHandle.nullDevice
            load.standardError = FileHandle.nullDevice
            try load.run()
            defer { if load.isRunning { load.terminate() } }
            try await Task.sleep(for: .seconds(5))

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearsal-dump-\(id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.profile.write(to: folder.appendingPathComponent("profile.yml"), atomically: true, encoding: .utf8)
            let request = BuildRequest(base: TestServers.content, profilePaths: [folder.appendingPathComponent("profile.yml").path])
            let (plan, _) = try Pipeline().plan(request).get()
            #expect(plan.strategy?.item.id == "strategy-pg-dump-restore-parallel")
            let (content, _) = try Pipeline().loadForDatabase(request).get()
            var script = try RehearsalScript(plan: plan, content: content, phases: [.cutover], until: "step-pg-restore-parallel")
            #expect(script.steps.first?.id == "step-freeze-writes")

            var variables = ProcessInfo.processInfo.environment
            variables["SOURCE_URL"] = sourceURL
            variables["TARGET_URL"] = targetURL
            variables["SOURCE_BINDIR"] = bin15
            variables["TARGET_BINDIR"] = bin18
            variables["DUMP_DIR"] = folder.path
            var rehearsal = Rehearsal(script: script, environment: variables, assumeManual: true, confirm: nil, report: { print($0) })
            rehearsal.directory = folder.path  // the runbook's commands write their logs beside them
            #expect(rehearsal.unsetVariables.isEmpty, "\(rehearsal.unsetVariables)")
            let log = await rehearsal.run()
            print(log.markdown)
            #expect(log.passed, "\(log.markdown)")
            // The steps that move the whole database leave their rates for the profile.
            #expect(log.rates.contains { $0.field == "rates.dump" && $0.rate.bytesPerSecond > 0 }, "\(log.markdown)")
            #expect(log.rates.contains { $0.field == "rates.restore" && $0.rate.bytesPerSecond > 0 }, "\(log.markdown)")
            #expect(log.differences == 0, "\(log.verify ?? "no verify")")
            try #require(!load.isRunning || { load.terminate(); return true }())

            // Every transaction pgbench committed before the freeze is on the target.
            let committed = try await count(sourceURL, "pgbench_history")
            #expect(committed > 0, "pgbench wrote before the freeze")
            #expect(try await count(targetURL, "pgbench_history") == committed)

            // Broken on purpose after the copy: the same rehearsal's verify must fail.
            script.steps.append(.init(id: "break-the-copy", number: "X", title: "Lose a row on the target", phase: .cutover, estimate: nil,
                                      actions: [.init(title: "Delete one account", kind: .sql(.target),
                                                      code: "DELETE FROM orders WHERE id = 1")]))
            let broken = await Rehearsal(script: RehearsalScript(profileID: script.profileID, steps: Array(script.steps.suffix(1))),
                                         environment: variables, assumeManual: true, confirm: nil, report: { _ in }).run()
            #expect(broken.failedStep == nil)
            #expect(!broken.passed)
            #expect((broken.differences ?? 0) > 0)
            #expect(broken.verify?.contains("orders") == true, "\(broken.verify ?? "")")
        }
    }
}
