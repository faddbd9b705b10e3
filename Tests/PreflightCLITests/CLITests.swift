import Foundation
import Testing
@testable import PreflightCLI

/// The shipped theme's words, which every content folder needs.
let shippedStrings = (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content/theme/strings.yml"),
    encoding: .utf8)) ?? ""

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
            "Content/theme/strings.yml": shippedStrings,
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
        #expect(Preflight.execute(["check", "--base", root.appendingPathComponent("Content").path]) == 0)
    }

    @Test func checkFailsWithOneOnContentErrors() throws {
        let root = try makeSite(broken: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Preflight.execute(["check", "--base", root.appendingPathComponent("Content").path]) == 1)
    }

    /// `--stale` reports and exits 0; with `--strict` an overdue review fails a scheduled job.
    @Test func checkStaleFailsOnlyWhenStrict() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\nkind: tip\ntitle: T\nreviewed: 2020-01\n---\nBody\n".utf8)
            .write(to: root.appendingPathComponent("Content/tip.md"))
        let content = root.appendingPathComponent("Content").path
        #expect(Preflight.execute(["check", "--base", content, "--strict"]) == 0, "reviewed, so no warning")
        #expect(Preflight.execute(["check", "--base", content, "--stale", "12mo"]) == 0)
        #expect(Preflight.execute(["check", "--base", content, "--stale", "12mo", "--strict"]) == 1)
        #expect(Preflight.execute(["check", "--base", content, "--stale", "1000y", "--strict"]) == 0)
        #expect(Preflight.execute(["check", "--base", content, "--stale", "12x"]) == 2)
    }

    @Test func buildWritesIntoTheOutputFolder() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Out").path
        #expect(Preflight.execute(["build", "--base", root.appendingPathComponent("Content").path, "--out", out]) == 0)
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
        #expect(Preflight.execute(["review", plan.path, "--base", content, "--profile", profile]) == 0)
        #expect(Preflight.execute(["review", plan.path, "--base", content, "--profile", profile, "--min-score", "50"]) == 3)
        #expect(Preflight.execute(["review", plan.path, "--base", content, "--profile", profile, "--min-score", "50",
                                   "--format", "sarif"]) == 3)
        try Data("# Plan\n\n## Rollback\n\nBack.\n".utf8).write(to: plan)
        #expect(Preflight.execute(["review", plan.path, "--base", content, "--profile", profile, "--min-score", "50",
                                   "--format", "json"]) == 0)
        #expect(Preflight.execute(["review", plan.path, "--base", content, "--profile", profile, "--min-score", "101"]) == 2)
    }

    @Test func helpExitsWithZero() {
        #expect(Preflight.execute(["build", "--help"]) == 0)
        #expect(Preflight.execute(["--version"]) == 0)
    }
}

@Suite("Scaffolding")
struct ScaffoldingTests {
    func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-new-\(UUID().uuidString)")
        let files = [
            "Content/vocabulary.yml": "engines:\n  postgresql: { name: PostgreSQL, family: postgresql, aliases: [pg] }\n",
            "Content/theme/templates/page.mustache": "{{{content}}}",
            "Content/theme/templates/document.mustache": "{{title}}",
            "Content/theme/strings.yml": shippedStrings,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func newProfileFromFlagsLoadsAndIsNeverOverwritten() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        let arguments = ["new", "profile", "--base", content, "--id", "billing", "--source", "pg@12", "--target",
                         "postgresql@15", "--size", "1TB", "--window", "20m", "--no-input"]
        #expect(Preflight.execute(arguments) == 0)
        let path = content + "/profiles/billing.yml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schemas/profile.schema.json\n"))
        #expect(Preflight.execute(["check", "--base", content, "--profile", path]) == 0)
        #expect(Preflight.execute(arguments) == 2, "an existing file is not overwritten")
        #expect(Preflight.execute(["new", "profile", "--base", content, "--id", "x", "--no-input"]) == 2)
    }

    @Test func newItemPassesCheck() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        for kind in ["step", "tip", "strategy", "criterion", "notice", "prompt-rule", "engine-note"] {
            #expect(Preflight.execute(["new", "item", "--base", content, "--kind", kind, "--id", "new-\(kind)"]) == 0, "\(kind)")
        }
        #expect(Preflight.execute(["check", "--base", content]) == 0)
        let tip = try String(contentsOfFile: content + "/guidance/tips/new-tip.md", encoding: .utf8)
        #expect(tip.range(of: #"\nreviewed: 20[0-9]{2}-(0[1-9]|1[0-2])\n"#, options: .regularExpression) != nil, "\(tip)")
        #expect(Preflight.execute(["new", "item", "--base", content, "--kind", "tipp", "--id", "x"]) == 2)
        #expect(Preflight.execute(["new", "item", "--base", content, "--kind", "tip", "--id", "../x"]) == 2)
    }

    /// On a terminal, `new profile` asks for what the flags did not give.
    @Test func newProfileAsksOnATerminal() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content").path
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("preflight").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // `script` gives the command a pseudo-terminal, as a person at a shell would have.
        process.arguments = ["-qec", "\(executable) new profile --base \(content)", "/dev/null"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("asked\npg@13\npg@17\n5 GB\n0\nprisma\nonline\n2h\n0\n".utf8))
        process.waitUntilExit()
        let text = try String(contentsOfFile: content + "/profiles/asked.yml", encoding: .utf8)
        #expect(text.contains("window: { mode: online, duration: 2h }"))
        #expect(text.contains("application: { orm: prisma }"))
    }

    /// A fleet build: a progress bar on a terminal only, a summary table always, exit 1 when a row fails.
    @Test func fleetBuildsShowProgressOnATerminalAndSummariseEveryRow() throws {
        let root = try CLITests().makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let inventory = root.appendingPathComponent("fleet.csv").path
        try Data("id,source,target\na,postgresql@12,postgresql@15\nb,postgresql@13,postgresql@16\nc,postgresql@14,nosuchdb@1\n".utf8)
            .write(to: URL(fileURLWithPath: inventory))
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("preflight").path
        let command = "\(executable) build --base \(root.path)/Content --profile \(inventory) --out \(root.path)/Out"

        func run(_ arguments: [String], executable: String) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        let terminal = try run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(terminal.status == 1)
        #expect(terminal.output.contains("█") && terminal.output.contains("3/3"))
        #expect(terminal.output.contains("3 profiles in \(root.path)/Out/: 2 built, 0 up to date, 1 failed"))

        let piped = try run(command.split(separator: " ").dropFirst().map(String.init), executable: executable)
        #expect(piped.status == 1)
        #expect(!piped.output.contains("█"))
        #expect(piped.output.contains("fleet.csv:4:"))
        #expect(piped.output.contains("3 profiles in \(root.path)/Out/: 0 built, 2 up to date, 1 failed"))
        #expect(FileManager.default.fileExists(atPath: root.path + "/Out/b/checklist.md"))
        #expect(!FileManager.default.fileExists(atPath: root.path + "/Out/c"))
    }
}
