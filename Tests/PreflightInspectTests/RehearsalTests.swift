import Foundation
import Testing
@testable import PreflightInspect
@testable import PreflightKit

/// `rehearse` on a real server: a small plan whose cutover creates and fills a table on the target,
/// asks a person to confirm, and checks the result with a gate that can fail.
@Suite("rehearse on PostgreSQL", .serialized, .enabled(if: TestServers.available, "needs the servers of scripts/with-postgres.sh"))
struct RehearsalTests {
    static func files(expectedRows: Int) -> [String: String] {
        [
            "Content/vocabulary.yml": """
            engines:
              postgresql: { name: PostgreSQL, family: postgresql }
            environment:
              SOURCE_URL: the source database
              TARGET_URL: the target database
            """,
            "Content/strategies/copy.md": """
            ---
            id: strategy-copy
            kind: strategy
            title: Copy the table
            when: { source.engine: postgresql }
            downtime: 5m
            rpo: 0
            procedure:
              cutover: [step-create, step-fill, step-confirm]
              point_of_no_return: step-fill
              after: [step-check]
            reviewed: 2026-12
            ---
            Copy it.
            """,
            "Content/steps/create.md": step("step-create", "cutover", 10, """
            commands:
              - title: Create the table on the target
                lang: shell
                run: |
                  psql "$TARGET_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE TABLE rehearsed (id int PRIMARY KEY, note text)"
                  echo created
            """),
            "Content/steps/fill.md": step("step-fill", "cutover", 20, """
            commands:
              - title: Fill it
                lang: sql
                on: target
                run: |
                  INSERT INTO rehearsed VALUES (1, 'a; b'); -- a semicolon inside a literal
                  INSERT INTO rehearsed VALUES (2, $$c;d$$);
                  SELECT count(*) AS rows FROM rehearsed;
            """),
            "Content/steps/confirm.md": step("step-confirm", "cutover", 30, ""),
            "Content/steps/check.md": step("step-check", "after-cutover", 10, """
            commands:
              - title: The target holds every row
                lang: shell
                run: |
                  ROWS=$(psql "$TARGET_URL" -X -At -c "SELECT count(*) FROM rehearsed")
                  echo "rows: $ROWS"
                  test "$ROWS" = \(expectedRows)
            """),
            "profile.yml": """
            id: rehearsed
            source: { engine: postgresql, version: "15" }
            target: { engine: postgresql, version: "18" }
            """,
        ]
    }

    static func step(_ id: String, _ phase: String, _ order: Int, _ commands: String) -> String {
        "---\nid: \(id)\nkind: step\ntitle: The step \(id)\nphase: \(phase)\nowner: dba\nestimate: 1m\norder: \(order)\nreviewed: 2026-12\n"
            + (commands.isEmpty ? "" : commands + "\n") + "---\nDo it.\n"
    }

    /// A fixture site with the shipped theme, and a fresh target database.
    func prepare(expectedRows: Int = 2) async throws -> (root: URL, script: RehearsalScript, environment: [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString)")
        var files = Self.files(expectedRows: expectedRows)
        let theme = TestServers.content + "/theme"
        for file in ContentLoader.walk(theme) { files["Content/theme/" + file] = try String(contentsOfFile: theme + "/" + file, encoding: .utf8) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let name = "rehearsal_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try await TestServers.connect(TestServers.dsn("18", database: "postgres"), readOnly: false)
        try await admin.execute("CREATE DATABASE \(name)")
        await admin.close()
        let request = BuildRequest(base: root.appendingPathComponent("Content").path,
                                   profilePaths: [root.appendingPathComponent("profile.yml").path])
        let (plan, _) = try Pipeline().plan(request).get()
        let (content, _) = try Pipeline().loadForDatabase(request).get()
        let script = try RehearsalScript(plan: plan, content: content)
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_URL"] = TestServers.dsn("15", database: "clean")
        environment["TARGET_URL"] = TestServers.dsn("18", database: name)
        return (root, script, environment)
    }

    func rows(_ url: String) async throws -> Int? {
        let database = try await TestServers.connect(url)
        defer { Task { await database.close() } }
        return Int(try await database.rows("SELECT count(*) AS n FROM rehearsed").first?["n"]?.description ?? "")
    }

    @Test func aPassingRehearsalRunsEveryStepInOrder() async throws {
        let (root, script, environment) = try await prepare()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(script.steps.map(\.id) == ["step-create", "step-fill", "step-confirm", "step-check"])
        let log = await Rehearsal(script: script, environment: environment, assumeManual: true, confirm: nil, report: { _ in }).run(verify: false)
        #expect(log.passed, "\(log.markdown)")
        #expect(log.entries.map(\.kind) == ["shell", "sql on target", "manual", "shell"])
        #expect(log.entries[1].outputTail.contains("rows=2"))
        #expect(log.entries[3].outputTail.contains("rows: 2"))
        #expect(log.entries.allSatisfy { $0.status == 0 && $0.seconds >= 0 })
        #expect(log.entries[0].estimateSeconds == 60, "the plan's estimate sits beside the measured time")
        #expect(try await rows(environment["TARGET_URL"]!) == 2)
        #expect(log.verify == nil, "the closing verify was turned off")
    }

    @Test func theRehearsalEndsWithVerify() async throws {
        let (root, script, environment) = try await prepare()
        defer { try? FileManager.default.removeItem(at: root) }
        // The source is another database without the table: verify must find the difference.
        let differing = await Rehearsal(script: script, environment: environment, assumeManual: true, confirm: nil, report: { _ in }).run()
        #expect(differing.failedStep == nil)
        #expect((differing.differences ?? 0) > 0, "\(differing.verify ?? "no verify")")
        #expect(!differing.passed)
        #expect(differing.verify?.contains("rehearsed") == true)
        #expect(differing.markdown.contains("Verify: "))
        // Compared with itself, the target is equal.
        var same = environment
        same["SOURCE_URL"] = environment["TARGET_URL"]
        let bounded = try RehearsalScript(plan: plan(root), content: content(root), from: "step-check")
        let equal = await Rehearsal(script: bounded, environment: same, assumeManual: true, confirm: nil, report: { _ in }).run()
        #expect(equal.passed, "\(equal.verify ?? "")")
        #expect(equal.differences == 0)
    }

    func plan(_ root: URL) throws -> Plan {
        try Pipeline().plan(BuildRequest(base: root.appendingPathComponent("Content").path,
                                         profilePaths: [root.appendingPathComponent("profile.yml").path])).get().0
    }

    func content(_ root: URL) throws -> ContentSet {
        try Pipeline().loadForDatabase(BuildRequest(base: root.appendingPathComponent("Content").path,
                                                    profilePaths: [root.appendingPathComponent("profile.yml").path])).get().0
    }

    @Test func aFailedCheckStopsTheRehearsalWithItsOutput() async throws {
        let (root, script, environment) = try await prepare(expectedRows: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        let log = await Rehearsal(script: script, environment: environment, assumeManual: true, confirm: nil, report: { _ in }).run(verify: false)
        #expect(!log.passed)
        #expect(log.failedStep == "step-check")
        #expect(log.entries.last?.status == 1)
        #expect(log.markdown.contains("Where it stopped"))
        #expect(log.markdown.contains("rows: 2"))
    }

    @Test func aManualStepFailsANonInteractiveRunAndNothingAfterItRuns() async throws {
        let (root, script, environment) = try await prepare()
        defer { try? FileManager.default.removeItem(at: root) }
        let log = await Rehearsal(script: script, environment: environment, assumeManual: false, confirm: nil, report: { _ in }).run(verify: false)
        #expect(log.failedStep == "step-confirm")
        #expect(log.entries.count == 3, "the check after the manual step never ran")
        #expect(log.entries.last?.outputTail.contains("--assume-manual") == true)
        let confirmed = await Rehearsal(script: script, environment: environment, assumeManual: false,
                                        confirm: { _ in true }, report: { _ in }).run(verify: false)
        #expect(confirmed.failedStep == "step-create", "the table exists from the first run: CREATE fails")
    }

    @Test func aDryRunRunsNothingAndMasksSecrets() async throws {
        let (root, script, environment) = try await prepare()
        defer { try? FileManager.default.removeItem(at: root) }
        var withPassword = environment
        withPassword["TARGET_URL"] = "postgresql://app:hunter2secret@db2/billing"
        let log = await Rehearsal(script: script, environment: withPassword, assumeManual: false, confirm: nil, report: { _ in }).run(dryRun: true)
        #expect(log.passed && log.dryRun)
        #expect(log.entries.count == 4)
        #expect(!String(decoding: try JSONEncoder().encode(log), as: UTF8.self).contains("hunter2secret"))
        #expect(Masking.mask("psql postgresql://app:hunter2secret@db2/billing", environment: [:]) == "psql postgresql://app:****@db2/billing")
        await #expect(throws: (any Error).self) { try await rows(environment["TARGET_URL"]!) }
    }

    @Test func fromAndUntilBoundTheRun() async throws {
        let (root, script, _) = try await prepare()
        defer { try? FileManager.default.removeItem(at: root) }
        let request = BuildRequest(base: root.appendingPathComponent("Content").path,
                                   profilePaths: [root.appendingPathComponent("profile.yml").path])
        let (plan, _) = try Pipeline().plan(request).get()
        let (content, _) = try Pipeline().loadForDatabase(request).get()
        let bounded = try RehearsalScript(plan: plan, content: content, from: "step-fill", until: "step-confirm")
        #expect(bounded.steps.map(\.id) == ["step-fill", "step-confirm"])
        #expect(script.variables == ["TARGET_URL"])
        #expect(throws: RehearsalError.self) { try RehearsalScript(plan: plan, content: content, from: "step-fil") }
        do { _ = try RehearsalScript(plan: plan, content: content, from: "step-fil") } catch {
            #expect(error.hint == "did you mean `step-fill`?")
        }
    }
}
