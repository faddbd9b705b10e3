import Foundation
@testable import PreflightKit

/// The repository's own content, for suites that test the shipped knowledge base.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var content: String { root.appendingPathComponent("Content").path }
    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/\(name)").path }

    /// Loaded once per test process; the content does not change during a run.
    static let loaded: (ContentSet, [Diagnostic]) = ContentLoader().load(from: content)
}
