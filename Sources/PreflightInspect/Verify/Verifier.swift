import Foundation

/// Compares two databases after a copy or a cutover, read-only on both: their schemas, each table's
/// row count and content hash (computed by the servers, in key order), and their sequences.
public struct Verifier: Sendable {
    public var source: ConnectionString
    public var target: ConnectionString
    /// Globs on `schema.table`; empty compares every table.
    public var patterns: [TablePattern]
    /// Sessions per side for the tables' counts and hashes.
    public var jobs: Int
    public var profileID: String?

    /// Called after each table with its name, the tables done and the total.
    public typealias Progress = @Sendable (_ table: String, _ done: Int, _ total: Int) -> Void

    public init(source: ConnectionString, target: ConnectionString, patterns: [TablePattern] = [], jobs: Int = 4,
                profileID: String? = nil) {
        self.source = source
        self.target = target
        self.patterns = patterns
        self.jobs = max(1, jobs)
        self.profileID = profileID
    }

    /// Hashing a large table is one long statement, so the usual statement timeout is lifted; the
    /// lock timeout stays, so a table someone holds locked fails fast instead of stalling the run.
    static let session = Database.Session(readOnly: true, statementTimeout: "0", lockTimeout: "5s")

    /// Runs the comparison; throws only when a server cannot be reached or read.
    public func verify(now: Date = Date(), progress: Progress? = nil) async throws(DatabaseError) -> VerifyReport {
        let started = ContinuousClock.now
        let sourceDB = try await Self.open(source)
        let targetDB: Database
        do { targetDB = try await Self.open(target) } catch { await sourceDB.close(); throw error }
        let snapshots: (SchemaSnapshot, SchemaSnapshot)
        do {
            async let mine = SchemaSnapshot.read(from: sourceDB)
            async let theirs = SchemaSnapshot.read(from: targetDB)
            snapshots = try await (mine, theirs)
        } catch {
            await sourceDB.close(); await targetDB.close()
            throw DatabaseError.from(error)
        }
        let servers = (VerifyReport.Server(address: source.description, version: sourceDB.serverVersion.description),
                       VerifyReport.Server(address: target.description, version: targetDB.serverVersion.description))
        await sourceDB.close(); await targetDB.close()

        let keep: @Sendable (String) -> Bool = { [patterns] name in patterns.contains { $0.matches(name) } }
        let mine = snapshots.0.filtered(keep, everyTable: patterns.isEmpty)
        let theirs = snapshots.1.filtered(keep, everyTable: patterns.isEmpty)
        var differences = mine.differences(to: theirs)
        // Largest first, so the last table to finish is a small one and the sessions stay busy.
        let work = mine.tables.values.filter { !$0.isPartition && theirs.tables[$0.name] != nil }
            .sorted { ($0.bytes, $1.name) > ($1.bytes, $0.name) }
        let compared = try await compareContents(work, progress: progress)
        differences += compared.flatMap(\.differences)

        let tables = compared.map(\.table).sorted { $0.table < $1.table }
        let seconds = max((ContinuousClock.now - started) / .seconds(1), 1e-9)
        let rows = tables.reduce(0) { $0 + $1.sourceRows }, bytes = tables.reduce(0) { $0 + $1.bytes }
        let figures = VerifyReport.Figures(tablesCompared: tables.count, rows: rows, bytes: bytes, elapsedSeconds: seconds,
                                           rowsPerSecond: Double(rows) / seconds, bytesPerSecond: Double(bytes) / seconds,
                                           jobs: jobs)
        return VerifyReport(verifiedAt: Inspector.timestamp(now), source: servers.0, target: servers.1, profile: profileID,
                            tablePatterns: patterns.map(\.description), differences: VerifyReport.ordered(differences),
                            tables: tables, figures: figures)
    }

    /// A read-only session with the settings that make both servers print values alike.
    static func open(_ address: ConnectionString) async throws(DatabaseError) -> Database {
        let database = try await Database.connect(address, session: session)
        do {
            for statement in VerifyQueries.sessionSettings { try await database.execute(statement) }
        } catch {
            await database.close()
            throw error
        }
        return database
    }
}
