import Foundation
import Testing
@testable import PreflightCLI

/// `build --format`, `--shard K/N` and `--index-only` as scripts and CI jobs call them.
@Suite("Build exports and shards")
struct BuildExportsAndShardsTests {
    func site() throws -> (root: URL, content: String) {
        let root = try CLITests().makeSite()
        try Data("id: q\nsource: { engine: postgresql, version: \"13\" }\ntarget: { engine: postgresql, version: \"16\" }\n".utf8)
            .write(to: root.appendingPathComponent("Content/profiles/q.yml"))
        return (root, root.appendingPathComponent("Content").path)
    }

    @Test func formatsAreRepeatableAndCommaSeparated() throws {
        let (root, content) = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Out").path
        #expect(Preflight.execute(["build", "--base", content, "--out", out, "--cache-dir", out + "-cache",
                                   "--format", "github-issue,jira-csv", "--format", "confluence", "--format", "single-html"]) == 0)
        for file in ["checklist.github-issue.md", "checklist.jira.csv", "checklist.confluence.xml", "checklist.single.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/p/" + file), "\(file)")
        }
        #expect(Preflight.execute(["build", "--base", content, "--out", out, "--format", "jira"]) == 2)
        #expect(Preflight.execute(["build", "--base", content, "--out", out, "--format", "jira-csv,"]) == 0)
    }

    @Test func shardsThenTheIndex() throws {
        let (root, content) = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Fleet").path
        for shard in ["1/2", "2/2"] {
            #expect(Preflight.execute(["build", "--base", content, "--out", out, "--cache-dir", out + "-cache-" + shard.prefix(1),
                                       "--shard", shard]) == 0)
        }
        #expect(FileManager.default.fileExists(atPath: out + "/p/checklist.md") && FileManager.default.fileExists(atPath: out + "/q/checklist.md"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
        #expect(Preflight.execute(["build", "--base", content, "--out", out, "--index-only"]) == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    @Test(arguments: [
        ["--shard", "0/2"], ["--shard", "3/2"], ["--shard", "2"], ["--shard", "x/y"],
        ["--index-only", "--shard", "1/2"], ["--index-only", "--format", "jira-csv"],
        ["--index-only", "--out", "/nonexistent/preflight-fleet"],
    ])
    func misusedOptionsAreUsageErrors(arguments: [String]) throws {
        let (root, content) = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Preflight.execute(["build", "--base", content, "--out", root.appendingPathComponent("Out").path] + arguments) == 2)
    }
}
