import Foundation
import PreflightKit
@testable import PreflightInspect

/// The repository and the test servers that `scripts/with-postgres.sh` starts.
enum TestServers {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: String { root.appendingPathComponent("Content").path }
    static let loaded: (ContentSet, [Diagnostic]) = ContentLoader().load(from: content)

    static let environment = ProcessInfo.processInfo.environment
    static var available: Bool { environment["PREFLIGHT_PG15_URL"] != nil && environment["PREFLIGHT_PG18_URL"] != nil }

    /// A socket DSN for `database` on the server of `major`, as `user` (the superuser by default).
    static func dsn(_ major: String, database: String, user: String? = nil) -> String {
        var url = environment["PREFLIGHT_PG\(major)_URL"] ?? ""
        url = url.replacingOccurrences(of: "///billing?", with: "///\(database)?")
        if let user, let range = url.range(of: #"user=[^&]*"#, options: .regularExpression) {
            url.replaceSubrange(range, with: "user=\(user)")
        }
        return url
    }

    static func connect(_ dsn: String, readOnly: Bool = true) async throws -> Database {
        try await Database.connect(try ConnectionString.parse(dsn), session: .init(readOnly: readOnly))
    }
}

/// Runs blocking work (child processes) on a thread of its own and awaits it, so the concurrency
/// pool, one thread per core, stays free for the async tests beside it.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
