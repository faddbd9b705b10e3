import Foundation
@testable import PreflightInspect
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of a rehearsal's own, made with `initdb` in a folder of its own and reached
/// only through a socket in that folder. Rehearsals stop, copy and upgrade clusters, which the shared
/// servers of `scripts/with-postgres.sh` must never go through. As root, the server programs run as
/// the `postgres` user, as PostgreSQL requires.
struct TestCluster: Sendable {
    let bindir: String
    let data: String
    let socket: String
    let port: Int

    /// The operating-system user the clusters run as: `postgres` when the tests run as root.
    static var user: String? { getuid() == 0 ? "postgres" : nil }
    static var databaseUser: String { user ?? ProcessInfo.processInfo.userName }

    /// A folder the cluster's user may write into.
    static func folder(_ name: String) async throws -> URL {
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await run(["/bin/chmod", "755", folder.path])
        if let user { try await run(["/bin/chown", user, folder.path]) }
        return folder
    }

    /// Runs `initdb` for a new cluster in `folder/name` that will listen on `port`.
    static func create(_ name: String, in folder: URL, bindir: String, port: Int, initdbOptions: [String] = []) async throws -> TestCluster {
        let data = folder.appendingPathComponent(name).path
        try await run(["\(bindir)/initdb", "-D", data, "-U", databaseUser, "--auth=trust", "--encoding=UTF8",
                 "--locale=C.UTF-8", "--no-sync"] + initdbOptions, asClusterUser: true)
        let settings = """

        # a rehearsal's own cluster: a socket in its folder, no TCP, logical decoding on
        port = \(port)
        listen_addresses = ''
        unix_socket_directories = '\(folder.path)'
        wal_level = logical
        max_wal_size = 2GB
        fsync = off

        """
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/postgresql.conf"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
        return TestCluster(bindir: bindir, data: data, socket: folder.path, port: port)
    }

    /// Starts the server; `options` go to `postgres` (such as `-p 5499`).
    func start(options: String? = nil) async throws {
        try await Self.run(["\(bindir)/pg_ctl", "-D", data, "-l", data + ".log", "-w"] + (options.map { ["-o", $0] } ?? []) + ["start"],
                     asClusterUser: true)
    }
    func stop() async { _ = try? await Self.run(["\(bindir)/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"], asClusterUser: true) }

    /// Stops the server from a `defer`, which cannot wait: on a thread of its own, waited for there.
    func stopNow() {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? Self.runBlocking(["\(bindir)/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"], asClusterUser: true)
            done.signal()
        }
        done.wait()
    }

    /// A socket URL for `database`, as the runbook's commands and the driver read it.
    func url(_ database: String) -> String {
        "postgresql:///\(database)?host=\(socket)&port=\(port)&user=\(Self.databaseUser)"
    }

    /// A free TCP port number; the clusters only use it to name their socket.
    static func freePort() -> Int {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program to its end on a thread of its own, so the concurrency pool stays free; returns
    /// its output, or throws with it when the program fails.
    @discardableResult
    static func run(_ command: [String], asClusterUser: Bool = false, environment: [String: String]? = nil,
                    detached: Bool = false) async throws -> String {
        try await offPool { try runBlocking(command, asClusterUser: asClusterUser, environment: environment) }
    }

    private static func runBlocking(_ command: [String], asClusterUser: Bool = false, environment: [String: String]? = nil) throws -> String {
        let full = asClusterUser && user != nil ? ["/usr/sbin/runuser", "-u", user!, "--"] + command : command
        let (status, output) = Subprocess.run(full, environment: environment ?? ProcessInfo.processInfo.environment, directory: "/tmp")
        guard status == 0 else {
            throw ClusterError(message: "\(command.joined(separator: " ")) exited with \(status):\n\(output)")
        }
        return output
    }
}

struct ClusterError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
