import Foundation
import Testing
@testable import PreflightKit

/// Every PostgreSQL query in the content runs against a real server holding the sample schema.
///
/// `make test` starts the server (scripts/with-postgres.sh) and sets PREFLIGHT_PG_URL; a plain
/// `swift test` without it skips this suite and says so.
@Suite("Content queries on PostgreSQL", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_PG_URL"] != nil,
                "needs PREFLIGHT_PG_URL: run `make test`, which starts a throwaway PostgreSQL"))
struct PostgresQueriesTests {
    let url = ProcessInfo.processInfo.environment["PREFLIGHT_PG_URL"] ?? ""
    let admin = ProcessInfo.processInfo.environment["PREFLIGHT_PG_ADMIN_URL"] ?? ""

    /// Errors that mean the query is wrong: syntax, unknown names, bad data.
    static func isQueryError(_ state: String) -> Bool { state.hasPrefix("42") || state.hasPrefix("22") }
    static let missingObject: Set<String> = ["42P01", "42883", "42703", "42704"]

    @Test func everyQueryParsesAndRuns() throws {
        let (content, _) = Repository.loaded
        let (profile, problems) = ProfileLoader(vocabulary: content.vocabulary)
            .load(path: Repository.fixture("postgres-sample-profile.yml"))
        let sample = try #require(profile, "\(problems)")
        let snippets = SQLSnippets.collect(content, renderer: BodyRenderer(profile: sample, vocabulary: content.vocabulary))
        #expect(snippets.count >= 10, "the content has PostgreSQL queries to test")
        var tolerated: [String] = []
        for snippet in snippets {
            try resetDatabase()
            let (status, output) = try psql(snippet.code)
            if status == 0 { continue }
            let state = Self.sqlState(output)
            if state == nil, output.contains("No such file or directory") {
                tolerated.append("\(snippet.origin): a client-side file the command expects")
                continue
            }
            if let state, !Self.isQueryError(state) || (!snippet.admitsServerVersion && Self.missingObject.contains(state)) {
                tolerated.append("\(snippet.origin): \(state)")
                continue
            }
            Issue.record("\(snippet.origin) fails on PostgreSQL:\n\(snippet.code)\n---\n\(output)")
        }
        print("ran \(snippets.count) PostgreSQL snippets; \(tolerated.count) stopped on a server-state error (not a query error)")
        for line in tolerated { print("  \(line)") }
    }

    func resetDatabase() throws {
        let sql = "DROP DATABASE IF EXISTS billing WITH (FORCE); CREATE DATABASE billing TEMPLATE billing_template;"
        let (status, output) = try run(["psql", "-X", "-q", admin, "-c", "DROP DATABASE IF EXISTS billing WITH (FORCE)"])
        let (created, more) = try run(["psql", "-X", "-q", admin, "-c", "CREATE DATABASE billing TEMPLATE billing_template"])
        if status != 0 || created != 0 { throw ResetError(message: sql + "\n" + output + more) }
    }

    struct ResetError: Error { var message: String }

    func psql(_ code: String) throws -> (Int32, String) {
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
