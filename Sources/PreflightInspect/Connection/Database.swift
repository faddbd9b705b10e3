import Foundation
import Logging
import NIOSSL
import PostgresNIO
import PreflightKit

/// One open session with a PostgreSQL server. `inspect` and `verify` open theirs read-only: the
/// session's transactions default to read-only and a statement or a lock wait cannot run long.
public final class Database: Sendable {
    public let address: ConnectionString
    /// `server_version_num` as a version (`15.10`, `18.1`).
    public let serverVersion: Version
    private let connection: PostgresConnection
    private let logger: Logger

    /// The settings every session starts with, sent in the startup message so no statement runs before them.
    public struct Session: Sendable {
        public var readOnly = true
        public var statementTimeout = "60s"
        public var lockTimeout = "5s"
        public init(readOnly: Bool = true, statementTimeout: String = "60s", lockTimeout: String = "5s") {
            self.readOnly = readOnly
            self.statementTimeout = statementTimeout
            self.lockTimeout = lockTimeout
        }
    }

    private init(address: ConnectionString, serverVersion: Version, connection: PostgresConnection, logger: Logger) {
        self.address = address
        self.serverVersion = serverVersion
        self.connection = connection
        self.logger = logger
    }

    /// Opens a session; errors name the server without its password.
    public static func connect(_ address: ConnectionString, session: Session = Session()) async throws(DatabaseError) -> Database {
        let logger = Logger(label: "preflight.database", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration: PostgresConnection.Configuration
        if address.isSocket {
            configuration = .init(unixSocketPath: address.socketPath, username: address.user, password: address.password,
                                  database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user, password: address.password,
                                  database: address.database, tls: try tls(for: address))
        }
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
        configuration.options.additionalStartupParameters = [
            ("application_name", "preflight"),
            ("default_transaction_read_only", session.readOnly ? "on" : "off"),
            ("statement_timeout", session.statementTimeout),
            ("lock_timeout", session.lockTimeout),
        ]
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw DatabaseError(connecting: address, error)
        }
        do {
            let rows = try await connection.query("SELECT current_setting('server_version_num')::int", logger: logger)
            var number = 0
            for try await (value) in rows.decode(Int.self) { number = value }
            // server_version_num is MMmmpp from 10 on: 150010 is 15.10.
            let version = Version([number / 10000, number % 10000])
            return Database(address: address, serverVersion: version, connection: connection, logger: logger)
        } catch {
            try? await connection.close()
            throw DatabaseError(querying: address, error)
        }
    }

    /// Runs `sql` and returns its rows as column → value, whatever the column types: the query is
    /// wrapped in `row_to_json`, so the server does the conversion.
    public func rows(_ sql: String) async throws(DatabaseError) -> [[String: SQLValue]] {
        var body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        while body.hasSuffix(";") { body = String(body.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        // The newline keeps a trailing `--` comment in the query from swallowing the closing parenthesis.
        let wrapped = "SELECT row_to_json(q)::text FROM (\n\(body)\n) q"
        do {
            var result: [[String: SQLValue]] = []
            let rows = try await connection.query(PostgresQuery(unsafeSQL: wrapped), logger: logger)
            for try await (text) in rows.decode(String.self) {
                result.append(try JSONDecoder().decode([String: SQLValue].self, from: Data(text.utf8)))
            }
            return result
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError(querying: address, error)
        }
    }

    /// Runs a statement whose result is not needed (`SET`, `BEGIN`, …).
    public func execute(_ sql: String) async throws(DatabaseError) {
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            throw DatabaseError(querying: address, error)
        }
    }

    public func close() async {
        try? await connection.close()
    }

    private static func tls(for address: ConnectionString) throws(DatabaseError) -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch address.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require: settings.certificateVerification = .none
        case .verifyCA: settings.certificateVerification = .noHostnameVerification
        case .verifyFull: settings.certificateVerification = .fullVerification
        }
        if let root = address.rootCertificate ?? Self.defaultRootCertificate { settings.trustRoots = .file(root) }
        do {
            let context = try NIOSSLContext(configuration: settings)
            return address.sslMode == .allow || address.sslMode == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw DatabaseError(kind: .connection, message: "cannot set up TLS for \(address): \(error)",
                                hint: "check sslrootcert (\(address.rootCertificate ?? "not set"))")
        }
    }

    /// libpq's default for `sslrootcert`, used only when the file exists.
    private static var defaultRootCertificate: String? {
        let path = NSHomeDirectory() + "/.postgresql/root.crt"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
