/// The user objects of one database as `verify` compares them: each object keyed by its kind and
/// name, with the definition the server prints for it, read in one pass over the catalogs.
struct SchemaSnapshot: Sendable {
    /// A table and what hashing its rows needs.
    struct Table: Sendable {
        /// `schema.table`, unquoted: the name reports and `--tables` globs use.
        var name: String
        /// The same, quoted for SQL.
        var quoted: String
        var definition: String
        var isPartition: Bool
        var bytes: Int
        /// The ORDER BY list for the content hash, or nil without a primary key.
        var keyOrder: String?
        var keyColumns: String?
    }

    /// A column, index, constraint, function, extension or sequence definition.
    struct Object: Sendable, Hashable {
        var kind: VerifyReport.Kind
        var table: String?
        var name: String
        var definition: String
        /// Identifies the object across the two databases.
        var key: String { "\(kind.rawValue) \(table ?? "") \(name)" }
    }

    /// A sequence's position, compared apart from its definition.
    struct SequenceValue: Sendable {
        var name: String
        var table: String?
        var lastValue: Int64?
    }

    var tables: [String: Table] = [:]
    var objects: [String: Object] = [:]
    var sequenceValues: [String: SequenceValue] = [:]

    /// Reads the catalogs of `database`, whose session already has `VerifyQueries.sessionSettings`.
    static func read(from database: Database) async throws(DatabaseError) -> SchemaSnapshot {
        var snapshot = SchemaSnapshot()
        for row in try await database.rows(VerifyQueries.tables) {
            let table = Table(name: "\(row["schema"]?.description ?? "").\(row["name"]?.description ?? "")",
                              quoted: row["quoted"]?.description ?? "",
                              definition: row["definition"]?.description ?? "",
                              isPartition: row["partition"] == .boolean(true),
                              bytes: Int(row["bytes"]?.number ?? 0),
                              keyOrder: row["key_order"].flatMap(Self.text),
                              keyColumns: row["key_columns"].flatMap(Self.text))
            snapshot.tables[table.name] = table
        }
        let perKind: [(VerifyReport.Kind, String)] = [
            (.column, VerifyQueries.columns), (.index, VerifyQueries.indexes), (.constraint, VerifyQueries.constraints),
            (.function, VerifyQueries.functions), (.extension, VerifyQueries.extensions),
        ]
        for (kind, sql) in perKind {
            for row in try await database.rows(sql) { snapshot.add(kind, row) }
        }
        for row in try await database.rows(VerifyQueries.sequences) {
            snapshot.add(.sequence, row)
            let name = row["name"]?.description ?? ""
            snapshot.sequenceValues[name] = SequenceValue(name: name, table: row["table"].flatMap(Self.text),
                                                          lastValue: row["last_value"].flatMap(Self.text).flatMap { Int64($0) })
        }
        return snapshot
    }

    private mutating func add(_ kind: VerifyReport.Kind, _ row: [String: SQLValue]) {
        let object = Object(kind: kind, table: row["table"].flatMap(Self.text), name: row["name"]?.description ?? "",
                            definition: row["definition"]?.description ?? "")
        objects[object.key] = object
    }

    private static func text(_ value: SQLValue) -> String? {
        value == .null ? nil : value.description
    }

    /// The snapshot restricted to the tables `keep` accepts. Objects of no table (functions,
    /// extensions, sequences no table owns) stay only when every table is kept.
    func filtered(_ keep: (String) -> Bool, everyTable: Bool) -> SchemaSnapshot {
        guard !everyTable else { return self }
        var copy = self
        copy.tables = tables.filter { keep($0.key) }
        copy.objects = objects.filter { $0.value.table.map(keep) ?? false }
        copy.sequenceValues = sequenceValues.filter { $0.value.table.map(keep) ?? false }
        return copy
    }
}
