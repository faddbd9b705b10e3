import Foundation
import Testing
@testable import PreflightInspect

/// DSNs read as libpq reads them, and a password that never shows.
@Suite struct ConnectionStringTests {
    let empty: [String: String] = ["USER": "alice"]

    @Test func urlWithEverything() throws {
        let dsn = try ConnectionString.parse("postgresql://bob:p%40ss@db.example.com:6543/billing?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                                             environment: empty, home: "/nonexistent")
        #expect(dsn.host == "db.example.com")
        #expect(dsn.port == 6543)
        #expect(dsn.user == "bob")
        #expect(dsn.password == "p@ss")
        #expect(dsn.database == "billing")
        #expect(dsn.sslMode == .verifyFull)
        #expect(dsn.rootCertificate == "/etc/ca.pem")
        #expect(!dsn.isSocket)
        #expect(!dsn.description.contains("p@ss"))
        #expect(dsn.description == "postgresql://bob@db.example.com:6543/billing")
    }

    @Test func socketFolderAsQueryOrEncodedHost() throws {
        let query = try ConnectionString.parse("postgresql:///app?host=/tmp/pg&port=5433&user=postgres", environment: empty, home: "/x")
        #expect(query.isSocket)
        #expect(query.socketPath == "/tmp/pg/.s.PGSQL.5433")
        #expect(query.database == "app")
        let encoded = try ConnectionString.parse("postgres://postgres@%2Fvar%2Frun%2Fpostgresql/app", environment: empty, home: "/x")
        #expect(encoded.host == "/var/run/postgresql")
        #expect(encoded.port == 5432)
    }

    @Test func ipv6Host() throws {
        let dsn = try ConnectionString.parse("postgresql://u@[::1]:5433/d", environment: empty, home: "/x")
        #expect(dsn.host == "::1")
        #expect(dsn.port == 5433)
        #expect(dsn.description == "postgresql://u@[::1]:5433/d")
    }

    @Test func keyValueWithQuotesAndEscapes() throws {
        let dsn = try ConnectionString.parse(#"host = db1 port=5433 dbname='my db' user=o\'neil password='it\'s secret' sslmode=require"#,
                                             environment: empty, home: "/x")
        #expect(dsn.host == "db1")
        #expect(dsn.database == "my db")
        #expect(dsn.user == "o'neil")
        #expect(dsn.password == "it's secret")
        #expect(dsn.sslMode == .require)
        #expect(!dsn.description.contains("secret"))
    }

    @Test func environmentSuppliesDefaults() throws {
        let environment = ["PGHOST": "envhost", "PGPORT": "7000", "PGUSER": "carol", "PGDATABASE": "envdb",
                           "PGPASSWORD": "from-env", "PGSSLMODE": "disable"]
        let dsn = try ConnectionString.parse("dbname=given", environment: environment, home: "/x")
        #expect(dsn.host == "envhost")
        #expect(dsn.port == 7000)
        #expect(dsn.user == "carol")
        #expect(dsn.database == "given")
        #expect(dsn.password == "from-env")
        #expect(dsn.sslMode == .disable)
        // Without a database, libpq uses the user's name.
        #expect(try ConnectionString.parse("host=h", environment: ["USER": "dave"], home: "/x").database == "dave")
    }

    @Test func passwordFileMatchesAndIsIgnoredWhenOthersCanRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/.pgpass"
        try """
        # comment
        otherhost:*:*:*:wrong
        db1:5432:billing:app:first\\:part
        *:*:*:app:fallback
        localhost:5433:*:app:socket-pass
        """.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let exact = try ConnectionString.parse("host=db1 dbname=billing user=app", environment: [:], home: folder)
        #expect(exact.password == "first:part")
        let wildcard = try ConnectionString.parse("host=db2 dbname=x user=app", environment: [:], home: folder)
        #expect(wildcard.password == "fallback")
        let socket = try ConnectionString.parse("host=/tmp port=5433 dbname=x user=app", environment: [:], home: folder)
        #expect(socket.password == "fallback", "the first matching line wins, as in libpq")
        let explicit = try ConnectionString.parse("host=db1 dbname=billing user=app", environment: ["PGPASSFILE": file, "PGPASSWORD": "env"],
                                                  home: "/x")
        #expect(explicit.password == "env", "PGPASSWORD comes before the password file")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try ConnectionString.parse("host=db1 dbname=billing user=app", environment: [:], home: folder).password == nil)
    }

    @Test func mistakesAreNamedWithoutThePassword() {
        #expect(throws: ConnectionStringError.self) { try ConnectionString.parse("hots=db1", environment: empty, home: "/x") }
        do {
            _ = try ConnectionString.parse("hots=db1 password=hunter2", environment: empty, home: "/x")
        } catch {
            #expect(error.message.contains("hots"))
            #expect(error.hint == "did you mean `host`?")
            #expect(!error.message.contains("hunter2"))
        }
        do {
            _ = try ConnectionString.parse("postgresql://u:hunter2@h/d?sslmode=verify", environment: empty, home: "/x")
        } catch {
            #expect(error.message == "`verify` is not an sslmode")
        }
        #expect(throws: ConnectionStringError.self) { try ConnectionString.parse("host=h port=99999", environment: empty, home: "/x") }
        #expect(throws: ConnectionStringError.self) { try ConnectionString.parse("host='unclosed", environment: empty, home: "/x") }
        #expect(throws: ConnectionStringError.self) { try ConnectionString.parse("postgresql://a,b/d", environment: empty, home: "/x") }
    }
}
