import Foundation

/// The database the rehearsals migrate, and the writes that keep arriving while they run.
enum RehearsalWorkload {
    /// pgbench's scale: about 15 MB per unit, so 70 makes the database a little over 1 GB.
    static let scale = Int(ProcessInfo.processInfo.environment["PREFLIGHT_REHEARSAL_SCALE"] ?? "") ?? 70

    /// pgbench's tables with foreign keys, `orders` (a sequence-backed key, a foreign key and an
    /// index) and `events`, which has no key and so needs a replica identity before logical
    /// replication can carry its updates.
    static func create(url: String, bindir: String) async throws {
        _ = try await TestCluster.run(["\(bindir)/pgbench", "-i", "-q", "-s", String(scale), "--foreign-keys", url])
        let sql = """
        CREATE TABLE orders (id serial PRIMARY KEY, aid int NOT NULL REFERENCES pgbench_accounts, note text);
        INSERT INTO orders (aid, note) SELECT aid, md5(aid::text) FROM pgbench_accounts WHERE aid <= 50000;
        CREATE INDEX orders_aid_idx ON orders (aid);
        CREATE TABLE events (id int NOT NULL, n int NOT NULL DEFAULT 0, note text);
        INSERT INTO events (id, note) SELECT i, 'event ' || i FROM generate_series(1, 5000) AS i;
        """
        _ = try await TestCluster.run(["\(bindir)/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, url])
    }

    /// Starts pgbench against `url`: TPC-B-like transactions, and one in five an order inserted and an
    /// event updated. It runs until the migration ends its sessions (or `seconds` pass).
    static func start(url: String, bindir: String, folder: URL, seconds: Int = 900) throws -> Process {
        let script = folder.appendingPathComponent("orders-and-events.sql")
        try """
        \\set aid random(1, 100000)
        \\set id random(1, 5000)
        BEGIN;
        INSERT INTO orders (aid, note) VALUES (:aid, 'written during the rehearsal');
        UPDATE events SET n = n + 1 WHERE id = :id;
        END;
        """.write(to: script, atomically: true, encoding: .utf8)
        let load = Process()
        load.executableURL = URL(fileURLWithPath: bindir + "/pgbench")
        load.arguments = ["-n", "-c", "2", "-T", String(seconds), "-b", "tpcb-like@4", "-f", script.path + "@1", url]
        load.standardOutput = FileHandle.nullDevice
        load.standardError = FileHandle.nullDevice
        try load.run()
        return load
    }

    /// The number of rows in `table`.
    static func count(_ url: String, _ table: String) async throws -> Int {
        let database = try await TestServers.connect(url)
        defer { Task { await database.close() } }
        return Int(try await database.rows("SELECT count(*) AS n FROM \(table)").first?["n"]?.description ?? "") ?? -1
    }

    /// The first column of the first row of a query.
    static func value(_ url: String, _ sql: String) async throws -> String? {
        let database = try await TestServers.connect(url)
        defer { Task { await database.close() } }
        return try await database.rows(sql).first?.values.first?.description
    }

    /// Runs SQL that writes, through the driver.
    static func execute(_ url: String, _ sql: String) async throws {
        let database = try await TestServers.connect(url, readOnly: false)
        defer { Task { await database.close() } }
        try await database.execute(sql)
    }
}
