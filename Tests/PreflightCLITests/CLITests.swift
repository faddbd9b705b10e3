import Foundation
import Testing
@testable import PreflightCLI

/// Exit codes as scripts see them: 0 ok, 1 content or profile errors, 2 usage errors.
@Suite("Command line")
struct CLITests {
    /// A throwaway content tree with one valid item and one profile.
    func makeSite(broken: Bool = false) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-cli-\(UUID().uuidString)")
        let files: [String: String] = [
            "Content/vocabulary.yml": "engines:\n  postgresql: { name: PostgreSQL, family: postgresql }\n",
            "Content/theme/templates/page.mustache": "{{{content}}}",
            "Content/theme/templates/document.mustache": "{{title}}",
            "Content/tip.md": broken ? "---\nkind: tip\ntitle: T\nwhen: { target.engine: \">=1\" }\n---\n"
                                     : "---\nkind: tip\ntitle: T\n---\nBody\n",
            "Content/profiles/p.yml": "id: p\nsource: { engine: postgresql, version: \"12\" }\ntarget: { engine: postgresql, version: \"15\" }\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func checkSucceedsOnValidContent() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Preflight.execute(["check", "--content", root.appendingPathComponent("Content").path]) == 0)
    }

    @Test func checkFailsWithOneOnContentErrors() throws {
        let root = try makeSite(broken: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Preflight.execute(["check", "--content", root.appendingPathComponent("Content").path]) == 1)
    }

    @Test func buildWritesIntoTheOutputFolder() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Out").path
        #expect(Preflight.execute(["build", "--content", root.appendingPathComponent("Content").path, "--out", out]) == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/p/checklist.md"))
    }

    @Test(arguments: [
        ["build", "--no-such-flag"],
        ["explain"],
        ["build", "--role", "janitor"],
        ["build", "--source", "postgresql@12"],
        ["explain", "x", "--profile", "a.yml", "--profile", "b.yml"],
        ["frobnicate"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) {
        #expect(Preflight.execute(arguments) == 2)
    }

    @Test func reviewGatesOnTheMinimumScore() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let criterion = "---\nid: criterion-rollback\nkind: criterion\ntitle: Rollback section\ncheck: { type: deliverable, synonyms: [rollback] }\nweight: 1\n---\nA way back.\n"
        try Data(criterion.utf8).write(to: root.appendingPathComponent("Content/criterion.md"))
        let plan = root.appendingPathComponent("plan.md")
        try Data("# Plan\n\n## Cutover\n\nGo.\n".utf8).write(to: plan)
        let content = root.appendingPathComponent("Content").path
        let profile = root.appendingPathComponent("Content/profiles/p.yml").path
        #expect(Preflight.execute(["review", plan.path, "--content", content, "--profile", profile]) == 0)
        #expect(Preflight.execute(["review", plan.path, "--content", content, "--profile", profile, "--min-score", "50"]) == 3)
        try Data("# Plan\n\n## Rollback\n\nBack.\n".utf8).write(to: plan)
        #expect(Preflight.execute(["review", plan.path, "--content", content, "--profile", profile, "--min-score", "50",
                                   "--format", "json"]) == 0)
        #expect(Preflight.execute(["review", plan.path, "--content", content, "--profile", profile, "--min-score", "101"]) == 2)
    }

    @Test func helpExitsWithZero() {
        #expect(Preflight.execute(["build", "--help"]) == 0)
        #expect(Preflight.execute(["--version"]) == 0)
    }
}
