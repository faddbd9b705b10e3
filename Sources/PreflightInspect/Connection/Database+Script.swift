import Foundation
import PostgresNIO

extension Database {
    /// Runs an SQL script statement by statement and returns what psql would show, compactly: each
    /// query's rows as `column=value` lines (at most `rowLimit` per query), each other statement's
    /// command tag. Stops at the first error.
    public func run(script: String, rowLimit: Int = 20) async throws(DatabaseError) -> String {
        var output: [String] = []
        for statement in SQLScript.statements(script) {
            let head = statement.prefix(8).uppercased()
            if head.hasPrefix("SELECT") || head.hasPrefix("WITH") || head.hasPrefix("VALUES") || head.hasPrefix("TABLE") {
                let rows = try await rows(statement)
                for row in rows.prefix(rowLimit) {
                    output.append(row.keys.sorted().map { "\($0)=\(row[$0]!)" }.joined(separator: " "))
                }
                if rows.count > rowLimit { output.append("… \(rows.count - rowLimit) more rows") }
                output.append("(\(rows.count) row\(rows.count == 1 ? "" : "s"))")
            } else if head.hasPrefix("SHOW ") {
                let name = statement.dropFirst(5).trimmingCharacters(in: .whitespaces)
                let value = try await rows("SELECT current_setting('\(name.replacingOccurrences(of: "'", with: "''"))') AS value")
                output.append("\(name)=\(value.first?["value"]?.description ?? "")")
            } else {
                try await execute(statement)
                output.append(String(statement.split(separator: " ").prefix(2).joined(separator: " ")).uppercased())
            }
        }
        return output.joined(separator: "\n")
    }
}
