import Foundation
import Testing
@testable import PreflightKit

/// Every PostgreSQL query in the content runs against a real server holding the sample schema.
///
/// `make test` starts PostgreSQL 15 and 18 (scripts/with-postgres.sh) and sets PREFLIGHT_PG15_URL and
/// PREFLIGHT_PG18_URL; each query runs on each server whose version it admits. A plain `swift test`
/// without them skips this suite and says so.
@Suite("Content queries on PostgreSQL", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_PG15_URL"] != nil,
                "needs PREFLIGHT_PG15_URL and PREFLIGHT_PG18_URL: run `make test`, which starts throwaway servers"))
struct PostgresQueriesTests {
    /// The server of one major version: its `billing` database and its `postgres` database.
    struct Server: Sendable, CustomTestStringConvertible {
        var major: String
        var url: String { ProcessInfo.processInfo.environment["PREFLIGHT_PG\(major)_URL"] ?? "" }
        var admin: String { ProcessInfo.processInfo.environment["PREFLIGHT_PG\(major)_ADMIN_URL"] ?? "" }
        var testDescription: String { "PostgreSQL \(major)" }
    }

    /// SQLSTATEs that say the sample database is not in the state a query expects, not that the
    /// query is wrong; every other error fails the test.
    static let serverStateErrors: [String: String] = [
        "3F000": "a schema the query names (a tenant's, an extension's) is not in the sample database",
        "23503": "the sample rows do not satisfy a constraint the query re-validates",
        "0A000": "a feature the test server does not offer (a replication connection, a managed service's)",
        "55000": "an object not in the state the query needs (no subscription, no replication slot)",
        "42704": "a replication object the migration creates (a subscription, a slot) is not in the sample database",
        "57014": "a measurement that waits longer than the suite's statement timeout (a write-rate sample over minutes)",
    ]
    /// At most this many snippets may stop on a server-state error: past it, the sample schema no
    /// longer exercises the content and needs the objects the queries expect.
    static let toleratedLimit = 25

    @Test(arguments: [Server(major: "15"), Server(major: "18")])
    func everyQueryParsesAndRuns(on server: Server) async throws {
        let (url, admin) = (server.url, server.admin)
        try #require(!url.isEmpty, "PREFLIGHT_PG\(server.major)_URL is not set")
        let (content, _) = Repository.loaded
        let (profile, problems) = ProfileLoader(vocabulary: content.vocabulary)
            .load(path: Repository.fixture("postgres-sample-profile.yml"))
        let sample = try #require(profile, "\(problems)")
        let (versionStatus, versionText) = try run(["psql", "-X", "-Atq", url, "-c", "SHOW server_version"])
        let number = versionText.split(whereSeparator: { $0 == " " || $0 == "\n" }).first.map(String.init) ?? ""
        let version = try #require(versionStatus == 0 ? try? Version.parse(number).get() : nil,
                                  "cannot read the server's version: \(versionText)")
        let all = SQLSnippets.collect(content, renderer: BodyRenderer(profile: sample, vocabulary: content.vocabulary), server: version)
        let snippets = all.filter(\.admitsServerVersion)
        #expect(snippets.count >= 10, "the content has PostgreSQL queries to test")
        // Minutes of psql runs: on a thread of their own, so the concurrency pool stays free.
        let (failures, tolerated) = try await offPool { try runEach(snippets, url: url, admin: admin) }
        for failure in failures { Issue.record("\(failure) on PostgreSQL \(version)") }
        #expect(tolerated.count <= Self.toleratedLimit, "\(tolerated.count) snippets stopped on the sample database's state")
        print("PostgreSQL \(version): ran \(snippets.count) snippets, skipped \(all.count - snippets.count) written for other "
              + "versions or for what this server lacks; \(tolerated.count) stopped on a server-state error")
        for line in tolerated { print("  \(line)") }
    }

    /// Runs each snippet on a fresh copy of the sample database: the failures, and the stops the
    /// allow-list tolerates.
    func runEach(_ snippets: [SQLSnippet], url: String, admin: String) throws -> ([String], [String]) {
        var failures: [String] = [], tolerated: [String] = []
        for snippet in snippets {
            try resetDatabase(admin)
            let (status, output) = try psql(snippet.code, url: url)
            if status == 0 { continue }
            let state = Self.sqlState(output)
            if state == nil, output.contains("No such file or directory") {
                tolerated.append("\(snippet.origin): a client-side file the command expects")
                continue
            }
            if let state, let reason = Self.serverStateErrors[state] {
                tolerated.append("\(snippet.origin): \(state), \(reason)")
                continue
            }
            failures.append("\(snippet.origin) fails:\n\(snippet.code)\n---\n\(output)")
        }
        return (failures, tolerated)
    }

    func resetDatabase(_ admin: String) throws {
        let sql = "DROP DATABASE IF EXISTS billing WITH (FORCE); CREATE DATABASE billing TEMPLATE billing_template;"
        let (status, output) = try run(["psql", "-X", "-q", admin, "-c", "DROP DATABASE IF EXISTS billing WITH (FORCE)"])
        let (created, more) = try run(["psql", "-X", "-q", admin, "-c", "CREATE DATABASE billing TEMPLATE billing_template"])
        if status != 0 || created != 0 { throw ResetError(message: sql + "\n" + output + more) }
    }

    struct ResetError: Error { var message: String }

    func psql(_ code: String, url: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("snippet-\(UUID().uuidString).sql")
        try Data((code + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", url, "-f", file.path],
                       environment: ["SOURCE_URL": url, "TARGET_URL": url, "PGCONNECT_TIMEOUT": "3",
                                     // A query that waits (a lock, a remote subscription) fails instead of hanging the suite.
                                     "PGOPTIONS": "-c statement_timeout=15s -c lock_timeout=5s"])
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        // `\copy … TO 'file'` writes beside the process: keep that out of the repository.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The SQLSTATE of the first error in psql's verbose output (`ERROR:  42601: syntax error …`).
    static func sqlState(_ output: String) -> String? {
        guard let range = output.range(of: #"ERROR:  [0-9A-Z]{5}:"#, options: .regularExpression) else { return nil }
        return String(output[range].dropFirst("ERROR:  ".count).prefix(5))
    }
}
