import Foundation
import Testing
@testable import PreflightCLI
@testable import PreflightInspect

/// `preflight verify` against real servers: a faithful copy compares equal, and each kind of damage
/// done to a fresh copy is reported with its table and kind, and exit status 4 through the CLI.
@Suite("Verify", .enabled(if: VerifyFixture.available, "needs scripts/with-postgres.sh"))
struct VerifyTests {
    func verify(_ fixture: VerifyFixture, patterns: [String] = []) async throws -> VerifyReport {
        let verifier = Verifier(source: try ConnectionString.parse(fixture.source), target: try ConnectionString.parse(fixture.target),
                                patterns: patterns.map(TablePattern.init), jobs: 2)
        return try await verifier.verify()
    }

    func exitStatus(_ fixture: VerifyFixture, _ extra: [String] = []) async -> Int32 {
        await commandLine(["verify", "--source", fixture.source, "--target", fixture.target, "--format", "json", "--quiet"] + extra)
    }

    func kinds(_ report: VerifyReport) -> [String] {
        report.differences.map { "\($0.table ?? "-") \($0.kind.rawValue) \($0.object)" }
    }

    @Test func aCopyIsEqual() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        let report = try await verify(fixture)
        #expect(report.differences.isEmpty, "\(kinds(report)) \(report.differences.map(\.message))")
        if VerifyFixture.environment["PREFLIGHT_PG18_ADMIN_URL"] != nil {
            #expect(report.source.version.hasPrefix("15.") && report.target.version.hasPrefix("18."), "a real 15 → 18 copy")
        }
        #expect(report.tables.map(\.table) == ["audit.log", "public.customers", "public.events", "public.orders"])
        #expect(report.tables.map(\.sourceRows) == [500, 1000, 2000, 3000])
        #expect(report.tables.first { $0.table == "public.events" }?.key == nil, "no primary key: ordered by the whole row")
        #expect(report.tables.first { $0.table == "public.orders" }?.key == "id")
        #expect(report.figures.tablesCompared == 4 && report.figures.rows == 6500 && report.figures.bytes > 0)
        #expect(await exitStatus(fixture) == 0)
    }

    @Test func aDeletedRowIsARowCountDifference() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        try fixture.onTarget("DELETE FROM orders WHERE id = 10")
        let report = try await verify(fixture)
        #expect(kinds(report) == ["public.orders row-count public.orders"])
        #expect(report.differences.first?.source == "3000" && report.differences.first?.target == "2999")
        #expect(await exitStatus(fixture) == 4)
    }

    @Test func aChangedValueIsAContentDifference() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        try fixture.onTarget("""
            UPDATE customers SET name = 'Changed' WHERE id = 5;
            UPDATE events SET payload = '{"n": 0}' WHERE at = timestamptz '2024-03-01 00:00:07+00';
            """)
        let report = try await verify(fixture)
        #expect(kinds(report) == ["public.customers content public.customers", "public.events content public.events"])
        #expect(report.differences.last?.message.contains("no primary key") == true)
        #expect(await exitStatus(fixture) == 4)
    }

    @Test func aSequenceBehindTheSourceIsADifference() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        try fixture.onTarget("SELECT setval('public.orders_id_seq', 5)")
        let report = try await verify(fixture)
        #expect(kinds(report) == ["public.orders sequence public.orders_id_seq"])
        #expect(report.differences.first?.source == "3000" && report.differences.first?.target == "5")
        #expect(await exitStatus(fixture) == 4)
    }

    @Test func aDroppedIndexIsADifference() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        try fixture.onTarget("DROP INDEX orders_status_placed_idx")
        let report = try await verify(fixture)
        #expect(kinds(report) == ["public.orders index orders_status_placed_idx"])
        #expect(report.differences.first?.source == "CREATE INDEX orders_status_placed_idx ON orders USING btree (status, placed_at DESC)")
        #expect(report.differences.first?.target == nil)
        #expect(await exitStatus(fixture) == 4)
    }

    @Test func anExtraTableOnTheTargetIsADifference() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        try fixture.onTarget("CREATE TABLE public.extra_on_target (id int PRIMARY KEY, note text)")
        let report = try await verify(fixture)
        #expect(kinds(report) == ["public.extra_on_target extra-table public.extra_on_target"],
                "one difference for the table, none for its column or key")
        #expect(await exitStatus(fixture) == 4)
    }

    /// `--tables` limits the comparison, schema objects included, to the tables its globs match.
    @Test func tablePatternsLimitTheComparison() async throws {
        let fixture = try VerifyFixture()
        defer { fixture.drop() }
        try fixture.onTarget("DELETE FROM orders WHERE id = 10; DROP INDEX orders_customer_idx")
        let others = try await verify(fixture, patterns: ["public.cust*", "audit.*"])
        #expect(others.differences.isEmpty)
        #expect(others.tables.map(\.table) == ["audit.log", "public.customers"])
        let orders = try await verify(fixture, patterns: ["public.order?"])
        #expect(kinds(orders) == ["public.orders index orders_customer_idx", "public.orders row-count public.orders"])
        #expect(await exitStatus(fixture, ["--tables", "public.cust*"]) == 0)
        #expect(await exitStatus(fixture, ["--tables", "public.cust*", "--tables", "public.ord*"]) == 4)
    }

    /// Refused logins need the password listener of scripts/with-postgres.sh (role preflight_pw).
    @Test(.enabled(if: VerifyFixture.environment["PREFLIGHT_PG15_TCP_PORT"] != nil))
    func aWrongPasswordExitsOneWithoutShowingIt() async throws {
        let port = VerifyFixture.environment["PREFLIGHT_PG15_TCP_PORT"]!
        let dsn = "postgresql://preflight_pw:Wr0ng-Pa55word@127.0.0.1:\(port)/postgres?sslmode=disable"
        let verifier = Verifier(source: try ConnectionString.parse(dsn), target: try ConnectionString.parse(dsn))
        let error = await #expect(throws: DatabaseError.self) { try await verifier.verify() }
        #expect(error?.kind == .connection && error?.sqlState == "28P01")
        let message = error.map(VerifyCommand.message) ?? ""
        #expect(message.contains("hint:") && !message.contains("Wr0ng-Pa55word"), "\(message)")
        #expect(await commandLine(["verify", "--source", dsn, "--target", dsn]) == 1)
    }
}

/// Runs `preflight` with `arguments` on a thread of its own. The command waits for its async work
/// with a semaphore; on one of the few threads async tests run on, parallel tests waiting like that
/// would leave none for the work they wait for.
func commandLine(_ arguments: [String]) async -> Int32 {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: Preflight.execute(arguments)) }
    }
}

/// What needs no server: a server that cannot be reached, globs, and the report's forms.
@Suite("Verify offline")
struct VerifyOfflineTests {
    @Test func anUnreachableServerExitsOneWithoutShowingThePassword() async throws {
        let dsn = "postgresql://someone:S3cret-Unseen@127.0.0.1:1/app?sslmode=disable&connect_timeout=3"
        let verifier = Verifier(source: try ConnectionString.parse(dsn), target: try ConnectionString.parse(dsn))
        let error = await #expect(throws: DatabaseError.self) { try await verifier.verify() }
        #expect(error?.kind == .connection)
        let message = error.map(VerifyCommand.message) ?? ""
        #expect(message.contains("127.0.0.1") && message.contains("hint:") && !message.contains("S3cret-Unseen"), "\(message)")
        #expect(await commandLine(["verify", "--source", dsn, "--target", dsn]) == 1)
    }

    @Test(arguments: [
        ("public.order*", "public.orders", true), ("public.order*", "public.order", true),
        ("public.order*", "audit.orders", false), ("*.log", "audit.log", true), ("public.t?", "public.t1", true),
        ("public.t?", "public.t12", false), ("public.t[0-9]", "public.t7", true), ("public.t[!0-9]", "public.t7", false),
        ("*", "a.b", true), ("public.Orders", "public.orders", false), ("*o*r*s", "public.orders", true),
    ])
    func globsMatchSchemaAndTable(glob: String, name: String, matches: Bool) {
        #expect(TablePattern(glob).matches(name) == matches)
    }

    static let report = VerifyReport(
        verifiedAt: "2026-01-01T00:00:00Z", source: .init(address: "postgresql://app@old:5432/app", version: "15.10"),
        target: .init(address: "postgresql://app@new:5432/app", version: "18.1"), profile: nil, tablePatterns: [],
        differences: [.init(kind: .column, table: "public.<script>", object: "a|b", message: "column `a|b` is defined differently",
                            source: "text", target: nil)],
        tables: [.init(table: "public.<script>", sourceRows: 1, targetRows: 1, bytes: 8192, key: nil, equal: true, seconds: 0.01)],
        figures: .init(tablesCompared: 1, rows: 1, bytes: 8192, elapsedSeconds: 0.5, rowsPerSecond: 2, bytesPerSecond: 16384, jobs: 4))

    @Test func jsonHasEveryKeyInAStableOrder() throws {
        let json = Self.report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["differences", "equal", "figures", "profile", "source", "tablePatterns", "tables",
                                         "target", "verifiedAt"])
        #expect(object["equal"] as? Bool == false)
        #expect(json.contains("\"target\" : null"), "absent values are null, not missing keys")
        #expect(json == Self.report.json())
    }

    @Test func htmlIsEscapedAndSelfContained() {
        let html = Self.report.html()
        #expect(!html.contains("<script>") && html.contains("public.&lt;script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    }

    @Test func markdownKeepsItsTablesWhole() {
        let markdown = Self.report.markdown()
        #expect(markdown.contains("a\\|b") && markdown.contains("1 difference found."))
        #expect(markdown.contains("whole row text (no primary key)"))
    }
}
