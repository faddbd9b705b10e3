import Foundation
import Testing
@testable import PreflightCLI

/// The layers on the command line: `--base`, `--content` (repeated) and `PREFLIGHT_CONTENT`, and
/// `new overlay`.
@Suite("Overlays on the command line")
struct OverlayCommandTests {
    /// A tip with the id `team-tip` whose body names the overlay it is in.
    static func overlay(_ root: URL, _ name: String) throws -> String {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("---\nid: team-tip\nkind: tip\ntitle: From \(name)\nreviewed: 2026-11\n---\nWritten in \(name).\n".utf8)
            .write(to: folder.appendingPathComponent("team-tip.md"))
        return folder.path
    }

    /// Runs the built executable with `environment` laid over this process's, without the
    /// variable unless given: setting it in this process would reach the suites running beside this one.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("preflight")
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables[ContentOptions.environmentVariable] = nil
        process.environment = variables.merging(environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theVariableListsOverlaysWhenNoContentFlagIsGiven() throws {
        let root = try CLITests().makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let (first, second) = (try Self.overlay(root, "First"), try Self.overlay(root, "Second"))
        let explain = ["explain", "team-tip", "--base", root.path + "/Content", "--profile", root.path + "/Content/profiles/p.yml"]

        let listed = try Self.run(explain, environment: ["PREFLIGHT_CONTENT": "\(first):\(second)"])
        #expect(listed.status == 0, "\(listed.output)")
        #expect(listed.output.contains("From Second"))
        #expect(listed.output.contains("from overlay `\(second)`, replacing `\(first)/team-tip.md` of overlay `\(first)`"))

        let flagged = try Self.run(explain + ["--content", first], environment: ["PREFLIGHT_CONTENT": second])
        #expect(flagged.output.contains("from overlay `\(first)`\n"), "--content wins over the variable: \(flagged.output)")

        let twice = try Self.run(explain + ["--content", second, "--content", first])
        #expect(twice.output.contains("From First"), "the later --content wins")

        let none = try Self.run(explain)
        #expect(none.status == 1, "without overlays there is no such item: \(none.output)")
    }

    @Test func aNewOverlayPassesCheckAndIsNeverWrittenOverAFolderInUse() throws {
        let root = try CLITests().makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.path + "/Content", team = root.path + "/team-guidance"
        // Reviewed, so that `--strict` below fails only for what the overlay brings.
        try Data("---\nkind: tip\ntitle: T\nreviewed: 2026-11\n---\nBody\n".utf8).write(to: URL(fileURLWithPath: base + "/tip.md"))
        #expect(Preflight.execute(["new", "overlay", team, "--base", base]) == 0)
        for file in ["overlay.yml", "README.md", "guidance/tips/team-guidance-example-tip.md"] {
            #expect(FileManager.default.fileExists(atPath: team + "/" + file), "\(file)")
        }
        let manifest = try String(contentsOfFile: team + "/overlay.yml", encoding: .utf8)
        #expect(manifest.contains("\n# disable:\n"))
        #expect(Preflight.execute(["check", "--base", base, "--content", team, "--strict"]) == 0)
        #expect(Preflight.execute(["build", "--base", base, "--content", team, "--out", root.path + "/Out"]) == 0)
        #expect(try String(contentsOfFile: root.path + "/Out/p/wiki/Pro-Tips.md", encoding: .utf8)
            .contains("Example: replace this with your team's own guidance"))

        #expect(Preflight.execute(["new", "overlay", team, "--base", base]) == 2, "the folder is not empty")
        // The check reads the overlay: a broken item in it fails.
        try Data("---\nkind: tip\ntitle: T\nwhen: { target.engine: \">=1\" }\n---\n".utf8).write(to: URL(fileURLWithPath: team + "/broken.md"))
        #expect(Preflight.execute(["check", "--base", base, "--content", team]) == 1)
    }
}
