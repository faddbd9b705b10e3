import ArgumentParser
import Foundation
import PreflightInspect
import PreflightKit

/// `preflight rehearse`: run the plan's commands against named servers, in order, with a clock,
/// and write a log a team can attach to its change ticket.
struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Run the plan's runbook on real servers, step by step, and write a timed log.",
        discussion: """
        Each step's commands run in the plan's order: shell through /bin/sh -e with the environment \
        variables the runbook lists (SOURCE_URL, TARGET_URL, SOURCE_BINDIR, …), SQL through the driver on \
        the side the command names. The first command that fails stops the rehearsal with its step, command \
        and output. Manual steps ask for confirmation on a terminal; elsewhere they fail unless \
        --assume-manual is given. The log (Markdown and JSON) holds each action's start, duration, exit \
        status and the last lines of its output, with the plan's estimate beside the measured time.

        Exit status: 0 every step passed, 1 a step failed or could not start, 4 the closing verify found a difference.

        Examples:
          preflight rehearse --profile billing.yml --dry-run
          SOURCE_URL=postgresql:///billing?host=/run/pg15 TARGET_URL=… preflight rehearse --profile billing.yml --log rehearsal.md
          preflight rehearse --profile billing.yml --from step-pg-logical-lag-gate --until step-sync-sequences --assume-manual
        """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The migration's profile.", valueName: "file"))
    var profile: String

    @Flag(name: .customLong("dry-run"), help: "Print what would run, with the environment's values (secrets masked); run nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("The Markdown log; the JSON log goes beside it (default: rehearsal-<profile>.md).", valueName: "file"))
    var log: String?

    @Option(name: .long, help: ArgumentHelp("Start at this step id.", valueName: "step"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Stop after this step id.", valueName: "step"))
    var until: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Phases to run (default: staging before-cutover cutover after-cutover).", valueName: "phase"))
    var phases: [Phase] = RehearsalScript.defaultPhases

    @Flag(name: .long, help: "Count manual steps as done without asking.")
    var assumeManual = false

    @Flag(name: .customLong("no-verify"), help: "Skip the closing comparison of SOURCE_URL and TARGET_URL.")
    var skipVerify = false

    @Option(name: .customLong("as-user"), help: ArgumentHelp("Run the shell commands as this operating-system user, the owner of the data folders (pg_ctl and pg_upgrade refuse root).",
                                                              valueName: "user"))
    var asUser: String?

    func run() throws {
        let request = contentOptions.request(profilePaths: [profile])
        let (plan, _) = try Pipeline().plan(request).orExit()
        let (content, _) = try Pipeline().loadForDatabase(request).orExit()
        let script: RehearsalScript
        do { script = try RehearsalScript(plan: plan, content: content, phases: phases, from: from, until: until) } catch {
            DiagnosticPrinter().write("preflight: error: \(error.message)" + (error.hint.map { "\n  hint: \($0)" } ?? ""))
            throw ExitCode(1)
        }
        let environment = ProcessInfo.processInfo.environment
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
        let ask: @Sendable (String) -> Bool = { prompt in
            FileHandle.standardError.write(Data(prompt.utf8))
            return readLine()?.lowercased().hasPrefix("y") == true
        }
        let report: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        var rehearsal = Rehearsal(script: script, environment: environment, assumeManual: assumeManual,
                                  confirm: interactive ? ask : nil, report: report)
        rehearsal.shellUser = asUser
        let unset = rehearsal.unsetVariables
        if dryRun {
            print(Self.environmentTable(script.variables.sorted(), environment: environment, help: content.vocabulary.environment))
        } else if !unset.isEmpty {
            DiagnosticPrinter().write("preflight: error: the runbook reads variables that are not set: " + unset.joined(separator: ", ")
                                      + "\n  hint: " + unset.map { "\($0): \(content.vocabulary.environment[$0] ?? "not a documented variable")" }
                                        .joined(separator: "\n        "))
            throw ExitCode(1)
        }
        let (verify, ready) = (!skipVerify, rehearsal)
        let result = try runBlocking { await ready.run(dryRun: dryRun, verify: verify) }
        if dryRun {
            for entry in result.entries {
                print("\n## \(entry.number). \(entry.title) — \(entry.action) [\(entry.kind)]\n\(entry.command)")
            }
        }
        let markdownPath = log ?? "rehearsal-\(script.profileID).md"
        let jsonPath = (markdownPath.hasSuffix(".md") ? String(markdownPath.dropLast(3)) : markdownPath) + ".json"
        try Data(result.markdown.utf8).write(to: URL(fileURLWithPath: markdownPath))
        try Data(InspectCommand.encoder.encode(result)).write(to: URL(fileURLWithPath: jsonPath))
        DiagnosticPrinter().write("log: \(markdownPath), \(jsonPath)")
        if result.failedStep != nil || result.differences == -1 { throw ExitCode(1) }
        if (result.differences ?? 0) > 0 { throw ExitCode(4) }
    }

    /// The variables the runbook reads, their values (secrets masked) and what each should hold.
    static func environmentTable(_ names: [String], environment: [String: String], help: [String: String]) -> String {
        var lines = ["Environment the runbook reads:"]
        for name in names {
            let value = environment[name].map { Masking.mask($0, environment: environment) } ?? "(not set)"
            lines.append("  \(name)=\(value)" + (help[name].map { "    # \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}

extension Phase: ExpressibleByArgument {}
