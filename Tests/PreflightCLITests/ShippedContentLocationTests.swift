import Foundation
import Testing
@testable import PreflightCLI
import PreflightKit

/// Where `preflight` finds its knowledge base when no `--content` is given: beside an installed
/// executable, in the checkout of a development build, else `Content` relative to the current folder.
@Suite("Shipped content location")
struct ShippedContentLocationTests {
    /// A temporary folder with the files named (empty unless given text), its path resolved.
    func tree(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-locate-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return URL(fileURLWithPath: ShippedContent.resolved(root.path))
    }

    @Test func anInstalledExecutableReadsTheShareFolderOfItsPrefix() throws {
        let root = try tree(["usr/bin/preflight": "", "usr/share/preflight/vocabulary.yml": "engines: {}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ShippedContent.locate(executable: root.path + "/usr/bin/preflight") == root.path + "/usr/share/preflight")
    }

    /// A link on the PATH (`~/bin/preflight`, a package manager's link farm) leads to the real prefix.
    @Test func aSymbolicLinkIsFollowedToTheRealPrefix() throws {
        let root = try tree(["opt/preflight/bin/preflight": "", "opt/preflight/share/preflight/vocabulary.yml": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(atPath: root.path + "/home/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/home/bin/preflight",
                                                   withDestinationPath: root.path + "/opt/preflight/bin/preflight")
        #expect(ShippedContent.locate(executable: root.path + "/home/bin/preflight") == root.path + "/opt/preflight/share/preflight")
    }

    @Test func aDevelopmentBuildReadsTheContentOfItsCheckout() throws {
        let root = try tree(["checkout/Package.swift": "", "checkout/Content/vocabulary.yml": "",
                             "checkout/.build/x86_64-unknown-linux-gnu/debug/preflight": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let executable = root.path + "/checkout/.build/x86_64-unknown-linux-gnu/debug/preflight"
        #expect(ShippedContent.locate(executable: executable) == root.path + "/checkout/Content")
    }

    /// An install staged inside a checkout (`make install PREFIX=stage`) reads its own copy.
    @Test func anInstalledCopyComesBeforeTheCheckoutAroundIt() throws {
        let root = try tree(["Package.swift": "", "Content/vocabulary.yml": "",
                             "stage/bin/preflight": "", "stage/share/preflight/vocabulary.yml": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ShippedContent.locate(executable: root.path + "/stage/bin/preflight") == root.path + "/stage/share/preflight")
    }

    /// A share folder without a vocabulary is not a knowledge base, nor is a package without `Content/`.
    @Test func withoutAKnowledgeBaseTheAnswerIsRelativeContent() throws {
        let root = try tree(["Package.swift": "", "Content/README.md": "", "bin/preflight": "", "share/preflight/README.md": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ShippedContent.locate(executable: root.path + "/bin/preflight") == "Content")
        #expect(ShippedContent.locate(executable: nil) == "Content")
    }

    /// The test runner is a development build inside this checkout, so the default finds its content.
    @Test func theRunningBinaryFindsThisCheckout() {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        #expect(ShippedContent.locate() == ShippedContent.resolved(checkout) + "/Content")
    }

    @Test func versionNamesTheToolAndTheKnowledgeBase() throws {
        let root = try tree(["share/preflight/vocabulary.yml": "", "share/preflight/knowledge-base.yml": "version: 2031.4.2\ndate: 2031-04-30\n",
                             "other/vocabulary.yml": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let tool = PreflightVersion.current
        #expect(Preflight.versionText(content: root.path + "/share/preflight")
                == "preflight \(tool) (knowledge base 2031.4.2, \(root.path)/share/preflight)")
        #expect(Preflight.versionText(content: root.path + "/other")
                == "preflight \(tool) (knowledge base of unknown version, \(root.path)/other)")
        #expect(Preflight.versionText(content: root.path + "/missing")
                == "preflight \(tool) (no knowledge base found: \(root.path)/missing does not exist)")
    }
}
