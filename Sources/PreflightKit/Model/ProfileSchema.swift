/// One field of the profile format: its dotted path, its type and what it means.
public struct FieldSpec: Sendable, Hashable {
    public var path: String
    public var type: FieldType
    public var help: String
    /// Filled in by the loader from the profile's other fields, never written by users.
    public var derived: Bool

    public init(_ path: String, _ type: FieldType, _ help: String, derived: Bool = false) {
        self.path = path
        self.type = type
        self.help = help
        self.derived = derived
    }
}

/// The public profile format. Users write these fields; conditions and templates may name them.
public enum ProfileSchema {
    public static let fields: [FieldSpec] = [
        FieldSpec("id", .text, "Slug naming the output folder, such as `acme-billing-pg12-to-15`"),
        FieldSpec("name", .text, "Human title of the migration"),
        FieldSpec("source.engine", .engine, "Engine migrated from"),
        FieldSpec("source.version", .version, "Exact version migrated from"),
        FieldSpec("source.hosting", .text, "Where the source runs: self-managed, rds, aurora, azure-sql-database, …"),
        FieldSpec("source.family", .engine, "Engine family of the source (postgresql for aurora-postgresql)", derived: true),
        FieldSpec("target.engine", .engine, "Engine migrated to"),
        FieldSpec("target.version", .version, "Exact version migrated to"),
        FieldSpec("target.hosting", .text, "Where the target runs"),
        FieldSpec("target.family", .engine, "Engine family of the target", derived: true),
        FieldSpec("migration.cross_engine", .boolean, "Whether source and target families differ", derived: true),
        FieldSpec("migration.upgrade", .boolean, "Whether the engine family stays and the target version is newer", derived: true),
        FieldSpec("migration.schema_change", .boolean, "Whether the schema is refactored during the move"),
        FieldSpec("migration.schema_tool", .text, "Schema versioning tool: flyway, liquibase, alembic, …"),
        FieldSpec("migration.scope", .text, "full, schema-only or data-only"),
        FieldSpec("data.size", .size, "Total data volume"),
        FieldSpec("data.tables", .number, "Number of tables or collections"),
        FieldSpec("databases", .list, "Names of the databases that move; commands use them instead of invented names"),
        FieldSpec("service.name", .text, "The product customers know, as notices name it"),
        FieldSpec("data.largest_table.name", .text, "Name of the largest table"),
        FieldSpec("data.largest_table.size", .size, "Size of the largest table"),
        FieldSpec("data.largest_table.rows", .number, "Row count of the largest table"),
        FieldSpec("data.stored_procedures", .number, "Number of stored procedures and functions"),
        FieldSpec("data.jobs", .number, "Number of scheduled jobs (SQL Agent, pg_cron, events)"),
        FieldSpec("extensions", .list, "Database extensions or plugins in use: postgis, pgvector, pg_cron, …"),
        FieldSpec("topology.replicas", .number, "Number of replicas besides the primary"),
        FieldSpec("topology.replication", .text, "How replicas are fed: streaming, logical, binlog, replica-set, …"),
        FieldSpec("topology.shards", .number, "Number of shards"),
        FieldSpec("topology.regions", .number, "Number of regions the database spans"),
        FieldSpec("application.orm", .text, "ORM or data layer: sequelize, prisma, activerecord, …"),
        FieldSpec("application.orm_version", .version, "ORM version"),
        FieldSpec("application.language", .text, "Application language or runtime"),
        FieldSpec("application.framework", .text, "Web framework, such as laravel, rails or django"),
        FieldSpec("application.driver_version", .version, "Database driver version"),
        FieldSpec("window.mode", .text, "What users can do during the window: read-only, offline or online"),
        FieldSpec("window.duration", .duration, "Length of the maintenance window"),
        FieldSpec("window.starts", .dateTime, "Local start of the window"),
        FieldSpec("window.timezone", .timeZone, "IANA time zone of `window.starts`"),
        FieldSpec("objectives.rto", .duration, "Recovery time objective"),
        FieldSpec("objectives.rpo", .duration, "Recovery point objective"),
        FieldSpec("rollback.max_duration", .duration, "Longest acceptable rollback"),
        FieldSpec("rollback.triggers.replica_lag", .duration, "Replica lag that triggers a rollback"),
        FieldSpec("rollback.triggers.error_rate", .percentage, "Application error rate that triggers a rollback"),
        FieldSpec("rollback.triggers.pk_violations", .number, "Primary-key violations tolerated before a rollback"),
        FieldSpec("rollback.triggers.p99_latency", .duration, "p99 latency that triggers a rollback"),
        FieldSpec("rollback.triggers.observation", .duration, "How long after cutover the triggers are watched"),
        FieldSpec("tools.available", .list, "Tools installed and allowed"),
        FieldSpec("tools.unavailable", .list, "Tools that must not be assumed"),
        FieldSpec("tools.closed", .boolean, "The available tools are all there is: commands of any other tool are refused"),
        FieldSpec("compliance", .list, "Regimes that apply: soc2, hipaa, pci-dss, gdpr"),
        FieldSpec("hardware.storage", .text, "Storage class, such as gp3 or nvme"),
        FieldSpec("hardware.iops", .number, "Provisioned IOPS"),
        FieldSpec("hardware.network", .throughput, "Network bandwidth between source and target"),
        FieldSpec("hardware.disk_throughput", .throughput, "Sustained disk throughput"),
        FieldSpec("hardware.cpus", .number, "vCPUs on the database host"),
        FieldSpec("rates.dump", .throughput, "Dump rate measured in a rehearsal (data size over the dump's time)"),
        FieldSpec("rates.restore", .throughput, "Restore or load rate measured in a rehearsal, index builds included"),
        FieldSpec("rates.logical_copy", .throughput, "Initial-copy rate of logical replication measured in a rehearsal"),
        FieldSpec("rates.bulk_copy", .throughput, "Full copy rate (dump and restore, or a tool's full load) measured in a rehearsal"),
        FieldSpec("rates.backup", .throughput, "Base-backup and backup-restore rate measured in a rehearsal"),
        FieldSpec("rates.replica_build", .throughput, "Rate of building a standby from a base backup, measured"),
        FieldSpec("rates.scan", .throughput, "Rate of counting and checksumming every table, measured"),
        FieldSpec("rates.analyze", .throughput, "Rate of rebuilding planner statistics, measured"),
        FieldSpec("long_transactions", .duration, "Longest transaction the application runs"),
        FieldSpec("tenancy.model", .text, "row-level, schema-per-tenant or database-per-tenant"),
        FieldSpec("tenancy.count", .number, "Number of tenants"),
        FieldSpec("customers.timezones", .list, "IANA time zones customers are told the window in"),
        FieldSpec("customers.contact", .text, "Support address for customer notices"),
        FieldSpec("customers.product", .text, "Product name customers know"),
        FieldSpec("team.size", .number, "Engineers working on the migration"),
        FieldSpec("team.deploys_per_week", .number, "How often the schema changes ship"),
        FieldSpec("ci.platform", .text, "CI system: github-actions, gitlab-ci, …"),
        FieldSpec("cost.budget", .number, "Budget for migration tooling, in the team's currency"),
        FieldSpec("roles", .list, "Readers the documents are for"),
    ]

    static let byPath: [String: FieldSpec] = Dictionary(uniqueKeysWithValues: fields.map { ($0.path, $0) })

    /// The field at `path`, if the profile format has one.
    public static func field(_ path: String) -> FieldSpec? { byPath[path] }

    /// Short names for the fields a fleet inventory most often has, the same words as the quick-profile
    /// flags; `source` and `target` also take `engine@version`.
    public static let shortcuts: [String: String] = [
        "size": "data.size", "replicas": "topology.replicas", "orm": "application.orm", "window": "window.duration",
    ]

    /// Every path, for "did you mean" suggestions.
    public static let paths: [String] = fields.map(\.path)

    /// Top-level groups and their children, used to report unknown keys inside a group.
    static let groups: Set<String> = {
        var groups = Set<String>()
        for field in fields {
            var parts = field.path.split(separator: ".").map(String.init)
            while parts.count > 1 {
                parts.removeLast()
                groups.insert(parts.joined(separator: "."))
            }
        }
        return groups
    }()

    /// Whether `path` names a group of fields (such as `source` or `rollback.triggers`).
    public static func isGroup(_ path: String) -> Bool { groups.contains(path) }

    /// Counts are whole numbers of their own size; windows and limits last some time.
    static let countCeilings: [String: Double] = [
        "topology.replicas": 1000, "topology.shards": 10_000, "topology.regions": 100, "tenancy.count": 10_000_000,
        "team.size": 100_000, "hardware.cpus": 100_000,
    ]

    /// Why a value cannot be what the field holds, or nil: a fraction of a count, a count past any
    /// real system, a window or limit of no time at all.
    static func outOfRange(_ value: FieldValue, path: String) -> String? {
        switch value {
        case .number(let number):
            if number < 0 || number != number.rounded() { return "is not a whole number of zero or more" }
            if let ceiling = countCeilings[path], number > ceiling {
                return "is more than any real system has (at most \(DataSize.format(ceiling)))"
            }
        case .duration(let span) where span.seconds <= 0 && ["window.duration", "rollback.max_duration"].contains(path):
            return "is no time at all"
        default: break
        }
        return nil
    }
}
