import Foundation
import Synchronization

/// The data half of `verify`: each table counted and hashed on both servers at once, by `jobs`
/// workers that each hold one session per side and take the next table when they finish one.
extension Verifier {
    /// One table's comparison and the differences it found.
    struct Compared: Sendable {
        var table: VerifyReport.Table
        var differences: [VerifyReport.Difference]
    }

    /// The workers' shared state: the next table to take, and what the finished ones found.
    final class WorkList: Sendable {
        let tables: [SchemaSnapshot.Table]
        private let next = Mutex(0)
        private let results = Mutex<[Compared]>([])

        init(_ tables: [SchemaSnapshot.Table]) { self.tables = tables }

        /// The next table nobody has taken, or nil when all are taken.
        func take() -> SchemaSnapshot.Table? {
            next.withLock { index in
                guard index < tables.count else { return nil }
                defer { index += 1 }
                return tables[index]
            }
        }

        /// Records a finished table and returns how many are finished.
        func finish(_ compared: Compared) -> Int {
            results.withLock { $0.append(compared); return $0.count }
        }

        var finished: [Compared] { results.withLock { $0 } }
    }

    func compareContents(_ tables: [SchemaSnapshot.Table], progress: Progress?) async throws(DatabaseError) -> [Compared] {
        guard !tables.isEmpty else { return [] }
        let work = WorkList(tables)
        let (source, target) = (self.source, self.target)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<min(jobs, tables.count) {
                    group.addTask {
                        let sourceDB = try await Self.open(source)
                        let targetDB: Database
                        do { targetDB = try await Self.open(target) } catch { await sourceDB.close(); throw error }
                        do {
                            while !Task.isCancelled, let table = work.take() {
                                let done = work.finish(try await Self.compare(table, sourceDB, targetDB))
                                progress?(table.name, done, tables.count)
                            }
                        } catch {
                            await sourceDB.close(); await targetDB.close()
                            throw error
                        }
                        await sourceDB.close(); await targetDB.close()
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            throw DatabaseError.from(error)
        }
        return work.finished
    }

    /// Counts and hashes `table` on both sides concurrently.
    static func compare(_ table: SchemaSnapshot.Table, _ sourceDB: Database, _ targetDB: Database) async throws -> Compared {
        let started = ContinuousClock.now
        let sql = VerifyQueries.content(of: table.quoted, orderBy: table.keyOrder)
        async let mine = sourceDB.rows(sql)
        async let theirs = targetDB.rows(sql)
        let (sourceRow, targetRow) = try await (mine.first ?? [:], theirs.first ?? [:])
        let sourceRows = Int(sourceRow["rows"]?.number ?? 0), targetRows = Int(targetRow["rows"]?.number ?? 0)
        let sourceHash = sourceRow["hash"]?.description ?? "", targetHash = targetRow["hash"]?.description ?? ""
        var differences: [VerifyReport.Difference] = []
        if sourceRows != targetRows {
            differences.append(.init(kind: .rowCount, table: table.name, object: table.name,
                                     message: "\(sourceRows) rows on the source, \(targetRows) on the target",
                                     source: String(sourceRows), target: String(targetRows)))
        } else if sourceHash != targetHash {
            // With equal counts, a different hash means some row's values differ (or a row was
            // replaced by another); with different counts the content differs anyway, so it is one finding.
            let order = table.keyColumns.map { "in key order (\($0))" } ?? "ordered by whole row text (no primary key)"
            differences.append(.init(kind: .content, table: table.name, object: table.name,
                                     message: "same row count, different content: hashes of the rows \(order) differ",
                                     source: sourceHash, target: targetHash))
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        return Compared(table: .init(table: table.name, sourceRows: sourceRows, targetRows: targetRows, bytes: table.bytes,
                                     key: table.keyColumns, equal: differences.isEmpty, seconds: seconds),
                        differences: differences)
    }
}
