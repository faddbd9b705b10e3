import Foundation
import Testing
@testable import PreflightCLI

/// `preflight inspect` as a script runs it: exit codes, the profile it writes, the password it hides.
@Suite("inspect command", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_PG15_URL"] != nil, "needs the servers of scripts/with-postgres.sh"))
struct InspectCommandTests {
    let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content").path
    let environment = ProcessInfo.processInfo.environment

    func dsn(_ database: String) -> String {
        (environment["PREFLIGHT_PG15_URL"] ?? "").replacingOccurrences(of: "///billing?", with: "///\(database)?")
    }

    /// The command line on a thread of its own: the command waits for its async work, and waiting on
    /// one of the test runner's few pool threads would starve the servers other suites run.
    func run(_ arguments: [String]) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: Preflight.execute(arguments)) }
        }
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func exitStatusSaysWhetherSomethingBlocks() async {
        #expect(await run(["inspect", "--base", content, "--dsn", dsn("findings"), "--format", "json"]) == 4)
        #expect(await run(["inspect", "--base", content, "--dsn", dsn("clean")]) == 0)
        #expect(await run(["inspect", "--base", content, "--dsn", dsn("no_such_database")]) == 1)
        #expect(await run(["inspect", "--base", content, "--dsn", "hots=x"]) == 1)
    }

    @Test func writeCreatesAProfileThatLoads() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = dir.appendingPathComponent("clean.yml").path
        #expect(await run(["inspect", "--base", content, "--dsn", dsn("clean"), "--write", written]) == 0)
        let text = try String(contentsOfFile: written, encoding: .utf8)
        #expect(text.contains("id: clean"))
        #expect(text.contains("# measured "))
        #expect(text.contains("version: 15."))
        // A second run with the file as the profile finds everything in agreement and changes nothing.
        try (text + "target: { engine: postgresql, version: \"18\" }\n").write(toFile: written, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: written, encoding: .utf8)
        #expect(await run(["inspect", "--base", content, "--dsn", dsn("clean"), "--profile", written, "--write", written]) == 0)
        let after = try String(contentsOfFile: written, encoding: .utf8)
        #expect(before.components(separatedBy: "\n").filter { !$0.contains("long_transactions") && !$0.contains("size:") }
                == after.components(separatedBy: "\n").filter { !$0.contains("long_transactions") && !$0.contains("size:") })
        #expect(await run(["check", "--base", content, "--profile", written]) == 0)
    }

    @Test func refusesToOverwriteAFileItWasNotGivenAsTheProfile() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("mine.yml").path
        try "id: mine\n".write(toFile: existing, atomically: true, encoding: .utf8)
        #expect(await run(["inspect", "--base", content, "--dsn", dsn("clean"), "--write", existing]) == 2)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "id: mine\n")
    }
}
