import Foundation
import PreflightKit

/// Where and how to reach one PostgreSQL database, read from a DSN the way libpq reads it: a URL
/// (`postgresql://user@host:5432/db?sslmode=require`) or key/value pairs (`host=db port=5432 dbname=app`),
/// with the `PG*` environment variables as defaults.
///
/// The password is kept but never shown: `description` and every error name the server without it.
public struct ConnectionString: Sendable, CustomStringConvertible {
    /// A host name, an IP address, or a folder holding the server's Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    /// From the DSN, `PGPASSWORD` or the password file, in that order; nil when none applies.
    public internal(set) var password: String?
    public var sslMode: SSLMode
    /// `sslrootcert`: the certificates the server's must chain to under `verify-ca` and `verify-full`.
    public var rootCertificate: String?
    /// `connect_timeout`, in seconds.
    public var connectTimeout: Int

    /// Whether the server is reached through a Unix socket; TLS is never used there, as with libpq.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The socket file inside `host` for socket connections.
    public var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// The server and database as a URL without the password, for reports and logs.
    public var description: String {
        let shownHost = isSocket ? "" : (host.contains(":") ? "[\(host)]" : host)
        var text = "postgresql://\(user)@\(shownHost):\(port)/\(database)"
        if isSocket { text += "?host=\(host)" }
        return text
    }

    /// Reads `dsn`; `environment` supplies the `PG*` defaults and `PGPASSFILE`, `home` the `~/.pgpass`.
    public static func parse(_ dsn: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                             home: String = NSHomeDirectory()) throws(ConnectionStringError) -> ConnectionString {
        let trimmed = dsn.trimmingCharacters(in: .whitespaces)
        let pairs = trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://")
            ? try URLForm.pairs(trimmed) : try KeyValueForm.pairs(trimmed)
        return try resolve(pairs, environment: environment, home: home)
    }

    /// The keys a DSN may carry; others are refused with a suggestion rather than silently ignored.
    static let knownKeys = ["host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "sslrootcert",
                            "connect_timeout", "passfile", "application_name"]

    private static func resolve(_ pairs: [(String, String)], environment: [String: String],
                                home: String) throws(ConnectionStringError) -> ConnectionString {
        var values: [String: String] = [:]
        for (key, value) in pairs {
            guard knownKeys.contains(key) else {
                throw ConnectionStringError(message: "unknown connection parameter `\(key)`",
                                            hint: Suggestion.closest(to: key, among: knownKeys).map { "did you mean `\($0)`?" }
                                                ?? "known: " + knownKeys.joined(separator: ", "))
            }
            values[key] = value
        }
        func value(_ key: String, _ variable: String) -> String? {
            if let given = values[key], !given.isEmpty { return given }
            if let fromEnvironment = environment[variable], !fromEnvironment.isEmpty { return fromEnvironment }
            return nil
        }
        let host = value("hostaddr", "PGHOSTADDR") ?? value("host", "PGHOST") ?? "/var/run/postgresql"
        let portText = value("port", "PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw ConnectionStringError(message: "port `\(portText)` is not a port number", hint: "a number from 1 to 65535")
        }
        let user = value("user", "PGUSER") ?? environment["USER"] ?? NSUserName()
        let database = value("dbname", "PGDATABASE") ?? user
        let modeText = value("sslmode", "PGSSLMODE") ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw ConnectionStringError(message: "`\(modeText)` is not an sslmode",
                                        hint: "one of: " + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let timeoutText = value("connect_timeout", "PGCONNECT_TIMEOUT") ?? "10"
        guard let timeout = Int(timeoutText), timeout >= 0 else {
            throw ConnectionStringError(message: "connect_timeout `\(timeoutText)` is not a number of seconds", hint: nil)
        }
        var result = ConnectionString(host: host, port: port, database: database, user: user, password: nil, sslMode: mode,
                                      rootCertificate: value("sslrootcert", "PGSSLROOTCERT"), connectTimeout: timeout == 0 ? 10 : timeout)
        if let given = values["password"] {
            result.password = given
        } else if let fromEnvironment = environment["PGPASSWORD"] {
            result.password = fromEnvironment
        } else {
            let file = value("passfile", "PGPASSFILE") ?? home + "/.pgpass"
            result.password = PassFile(path: file).password(for: result)
        }
        return result
    }
}

/// A DSN that cannot be read. Its message never contains the password.
public struct ConnectionStringError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message }
}

/// libpq's `sslmode` values.
public enum SSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
}
