/// What `preflight verify` found comparing two databases: every difference by table and kind, each
/// table's counts and how its hash was ordered, and how fast the comparison ran. Its JSON form
/// (sorted keys) is the contract CI jobs read.
public struct VerifyReport: Sendable, Codable {
    /// A server as the report names it: its address without a password, and its version.
    public struct Server: Sendable, Codable, Equatable {
        public var address: String
        public var version: String
        public init(address: String, version: String) {
            self.address = address
            self.version = version
        }
    }

    /// What kind of object differs; the raw values are the report's vocabulary.
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        case missingTable = "missing-table"
        case extraTable = "extra-table"
        case column, index, constraint, sequence, function, `extension`
        case rowCount = "row-count"
        case content

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One object that is missing on the target, extra there, or defined differently.
    public struct Difference: Sendable, Codable, Hashable {
        public var kind: Kind
        /// `schema.table` the object belongs to; nil for functions, extensions and free sequences.
        public var table: String?
        /// The object's name: the column, index, constraint, sequence, function or extension.
        public var object: String
        /// What is wrong, in words.
        public var message: String
        /// The object's definition (or figure) on each side; nil where the object does not exist.
        public var source: String?
        public var target: String?

        public init(kind: Kind, table: String?, object: String, message: String, source: String?, target: String?) {
            self.kind = kind
            self.table = table
            self.object = object
            self.message = message
            self.source = source
            self.target = target
        }
    }

    /// One table whose rows were counted and hashed on both sides.
    public struct Table: Sendable, Codable {
        public var table: String
        public var sourceRows: Int
        public var targetRows: Int
        /// `pg_relation_size` on the source (summed over partitions for a partitioned table).
        public var bytes: Int
        /// The primary key columns the hash followed, or nil when the table has none and rows were
        /// ordered by their whole text.
        public var key: String?
        public var equal: Bool
        public var seconds: Double
    }

    /// How much was compared and how fast.
    public struct Figures: Sendable, Codable {
        public var tablesCompared: Int
        /// Rows and bytes read on the source side.
        public var rows: Int
        public var bytes: Int
        public var elapsedSeconds: Double
        public var rowsPerSecond: Double
        public var bytesPerSecond: Double
        public var jobs: Int
    }

    public var verifiedAt: String
    public var source: Server
    public var target: Server
    public var profile: String?
    /// The `--tables` globs; empty when every table was compared.
    public var tablePatterns: [String]
    public var differences: [Difference]
    public var tables: [Table]
    public var figures: Figures

    /// Whether the databases matched in everything compared.
    public var isEqual: Bool { differences.isEmpty }

    /// Differences in a stable order: by table (objects without one last), kind, then object.
    static func ordered(_ differences: [Difference]) -> [Difference] {
        differences.sorted {
            ($0.table ?? "\u{10FFFF}", $0.kind, $0.object) < ($1.table ?? "\u{10FFFF}", $1.kind, $1.object)
        }
    }
}
