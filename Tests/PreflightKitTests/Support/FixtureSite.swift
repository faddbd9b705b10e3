import Foundation
@testable import PreflightKit

/// A content tree written inline into a temporary folder, as Hugo's integration tests do.
struct FixtureSite {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    var content: String { root.appendingPathComponent("Content").path }
    var output: String { root.appendingPathComponent("Output").path }
    /// The build cache, beside the output rather than in the user's cache folder.
    var cache: String { root.appendingPathComponent("cache").path }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    /// Every file below `relative` with its bytes, for byte-for-byte comparisons.
    func snapshot(_ relative: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = path(relative)
        for file in ContentLoader.walk(base) {
            files[file] = FileManager.default.contents(atPath: base + "/" + file)
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The shipped theme and a small vocabulary that every fixture shares.
    static let basics: [String: String] = {
        var files = [
            "Content/vocabulary.yml": """
            engines:
              postgresql: { name: PostgreSQL, family: postgresql, aliases: [postgres, pg] }
              mysql: { name: MySQL, family: mysql }
            values:
              window.mode: [read-only, offline, online]
            """,
        ]
        let theme = Repository.content + "/theme"
        for file in ContentLoader.walk(theme) {
            files["Content/theme/" + file] = try? String(contentsOfFile: theme + "/" + file, encoding: .utf8)
        }
        return files
    }()
}
