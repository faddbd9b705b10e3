import Foundation

/// A source database with a few kinds of table and a copy of it made with `pg_dump -Fc | pg_restore`,
/// both with names no other test uses. The copy lands on the PostgreSQL 18 server when
/// `scripts/with-postgres.sh` started one (a real 15 → 18 copy, dumped by the newer pg_dump), else
/// beside the source.
struct VerifyFixture: Sendable {
    static let environment = ProcessInfo.processInfo.environment
    static let sourceAdmin = environment["PREFLIGHT_PG15_ADMIN_URL"] ?? environment["PREFLIGHT_PG_ADMIN_URL"]
    static let targetAdmin = environment["PREFLIGHT_PG18_ADMIN_URL"] ?? sourceAdmin
    /// Whether a server to test against was started.
    static let available = sourceAdmin != nil

    /// pg_dump and pg_restore must be at least as new as the newer server.
    static var dumpBin: String {
        if environment["PREFLIGHT_PG18_ADMIN_URL"] != nil, let bin = environment["PREFLIGHT_PG18_BINDIR"] { return bin }
        return environment["PREFLIGHT_PG15_BINDIR"] ?? "/usr/lib/postgresql/15/bin"
    }

    static let schema = """
        CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE,
                                name text, created_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE orders (id serial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),
                             total numeric(12,2) NOT NULL, status text NOT NULL DEFAULT 'new', placed_at timestamptz);
        CREATE INDEX orders_customer_idx ON orders (customer_id);
        CREATE INDEX orders_status_placed_idx ON orders (status, placed_at DESC);
        CREATE TABLE events (kind text NOT NULL, payload jsonb, at timestamptz NOT NULL);
        CREATE SCHEMA audit;
        CREATE TABLE audit.log (id bigserial PRIMARY KEY, note text);
        CREATE FUNCTION order_total(bigint) RETURNS numeric LANGUAGE sql
          AS $$ SELECT sum(total) FROM public.orders WHERE customer_id = $1 $$;
        INSERT INTO customers (email, name, created_at)
          SELECT 'c' || g || '@example.com', 'Customer ' || g, timestamptz '2024-01-01 00:00+00' + g * interval '1 hour'
            FROM generate_series(1, 1000) g;
        INSERT INTO orders (customer_id, total, status, placed_at)
          SELECT 1 + g % 1000, (g % 500) * 1.25, CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'new' END,
                 timestamptz '2024-02-01 00:00+00' + g * interval '1 minute'
            FROM generate_series(1, 3000) g;
        INSERT INTO events SELECT CASE WHEN g % 2 = 0 THEN 'click' ELSE 'view' END, jsonb_build_object('n', g, 'tag', 'x'),
                                  timestamptz '2024-03-01 00:00+00' + g * interval '1 second'
                             FROM generate_series(1, 2000) g;
        INSERT INTO audit.log (note) SELECT 'note ' || g FROM generate_series(1, 500) g;
        """

    let sourceName: String
    let targetName: String

    var source: String { Self.url(Self.sourceAdmin!, sourceName) }
    var target: String { Self.url(Self.targetAdmin!, targetName) }

    /// Creates the source, fills it and copies it.
    init() throws {
        let tag = UUID().uuidString.prefix(8).lowercased()
        sourceName = "verify_src_\(tag)"
        targetName = "verify_tgt_\(tag)"
        try Self.psql(Self.sourceAdmin!, "CREATE DATABASE \(sourceName)")
        try Self.psql(Self.targetAdmin!, "CREATE DATABASE \(targetName)")
        try Self.psql(source, Self.schema)
        try Self.shell("set -o pipefail; '\(Self.dumpBin)/pg_dump' -Fc '\(source)' | '\(Self.dumpBin)/pg_restore' --no-owner --exit-on-error -d '\(target)'")
    }

    /// Runs SQL on the copy, to make it differ.
    func onTarget(_ sql: String) throws { try Self.psql(target, sql) }

    func drop() {
        try? Self.psql(Self.sourceAdmin!, "DROP DATABASE IF EXISTS \(sourceName) WITH (FORCE)")
        try? Self.psql(Self.targetAdmin!, "DROP DATABASE IF EXISTS \(targetName) WITH (FORCE)")
    }

    /// The admin URL (`postgresql:///postgres?host=…`) pointed at another database.
    static func url(_ admin: String, _ database: String) -> String {
        admin.replacingOccurrences(of: "/postgres?", with: "/\(database)?")
    }

    static func psql(_ url: String, _ sql: String) throws {
        try shell("'\(dumpBin)/psql' -X -q -v ON_ERROR_STOP=1 '\(url)' >/dev/null <<'PREFLIGHT_SQL'\n\(sql)\nPREFLIGHT_SQL")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private static func shell(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "`\(script.prefix(200))` failed: " + String(decoding: message, as: UTF8.self))
        }
    }
}
