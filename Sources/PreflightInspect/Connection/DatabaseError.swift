import PostgresNIO

/// A failure talking to a server, worded for the person at the terminal. It names the server by its
/// address without the password, and carries the server's SQLSTATE when there is one.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The server could not be reached or refused the login (exit status 1 of `verify`).
        case connection
        /// The role lacks a privilege a query needs.
        case permission
        /// A query failed for another reason.
        case query
    }

    public var kind: Kind
    public var message: String
    public var hint: String?
    public var sqlState: String?
    public var description: String { message }

    public init(kind: Kind, message: String, hint: String? = nil, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.sqlState = sqlState
    }

    init(connecting address: ConnectionString, _ error: any Error) {
        let (text, state) = Self.describe(error)
        let hint: String
        switch state {
        case "28P01", "28000": hint = "check the user and the password (DSN, PGPASSWORD or ~/.pgpass)"
        case "3D000": hint = "check the database name in the DSN"
        case _ where (error as? PSQLError)?.code == .authMechanismRequiresPassword:
            hint = "the server asks for a password: set PGPASSWORD, add a line to ~/.pgpass, or put it in the DSN"
        default: hint = address.isSocket ? "is the server running with its socket in \(address.host)?"
            : "is the server running and accepting TCP connections on \(address.host):\(address.port)? (sslmode=\(address.sslMode.rawValue))"
        }
        self.init(kind: .connection, message: "cannot connect to \(address): \(text)", hint: hint, sqlState: state)
    }

    init(querying address: ConnectionString, _ error: any Error) {
        let (text, state) = Self.describe(error)
        let kind: Kind = state == "42501" ? .permission : (state?.hasPrefix("08") == true || state == nil ? .connection : .query)
        self.init(kind: kind, message: "\(address): \(text)",
                  hint: kind == .permission ? "grant the role pg_read_all_data and pg_read_all_stats, or connect as one that has them" : nil,
                  sqlState: state)
    }

    private static func describe(_ error: any Error) -> (String, String?) {
        guard let error = error as? PSQLError else { return ("\(error)", nil) }
        if let info = error.serverInfo, let message = info[.message] {
            let state = info[.sqlState]
            var text = message
            if let detail = info[.detail] { text += " (\(detail))" }
            return (text + (state.map { " [SQLSTATE \($0)]" } ?? ""), state)
        }
        if let underlying = error.underlying { return ("\(error.code): \(underlying)", nil) }
        return ("\(error.code)", nil)
    }
}
