import ArgumentParser
import PreflightKit
import Foundation

/// The `preflight` command: a thin layer over `PreflightKit` that parses arguments and prints.
public struct Preflight: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Compile curated database-migration guidance into checklists, runbooks and wiki pages for one migration.",
        discussion: """
        Describe a migration in a profile (engines and versions, data volume, topology,
        ORM, window, …); Preflight selects the guidance of its knowledge base that
        applies and writes documents into Output/<profile-id>/. The knowledge base is
        the one installed with the tool unless --content names another;
        `preflight --version` says which one it is.

        Examples:
          preflight build                  every example profile of the knowledge base
          preflight build --profile billing.yml --out site/
          preflight check                  validate content and profiles, write nothing
          preflight explain pg15-public-schema-create --profile billing.yml
          preflight build --content team-guidance  lay a team's overlay over the knowledge base

        Exit codes:
          0  success
          1  content or profile errors; inspect, verify: a server that cannot be used
          2  usage errors
          3  review: the score is below --min-score
          4  inspect: a high or critical finding; verify: a difference

        Environment:
          NO_COLOR           no colour in diagnostics, even on a terminal
          TERM               `dumb`: no colour and no progress bar
          XDG_CACHE_HOME     the build cache is $XDG_CACHE_HOME/preflight/
                             (default: ~/.cache/preflight/)
          SOURCE_DATE_EPOCH  the date documents are stamped with (reproducible builds)
          PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE, PGPASSFILE
                             inspect, verify: what a DSN leaves out, as libpq does
          SOURCE_URL, TARGET_URL
                             rehearse: the servers the runbook's commands run against

        Files:
          PREFIX/share/preflight/  the knowledge base installed with the tool
          Output/<profile-id>/     the documents of one profile (--out to choose)
          ~/.cache/preflight/      the build cache (--cache-dir to choose)
        """,
        version: versionText(),
        subcommands: [BuildCommand.self, CheckCommand.self, PlanCommand.self, InspectCommand.self, VerifyCommand.self, RehearseCommand.self, ExplainCommand.self, PromptCommand.self, ReviewCommand.self, LinksCommand.self, SchemaCommand.self, NewCommand.self, ServeCommand.self]
    )

    public init() {}

    /// Parses the process arguments, runs the command and exits with its code.
    public static func run(arguments: [String]? = nil) -> Never {
        Foundation.exit(execute(arguments))
    }

    /// Runs one command line and returns Preflight's exit code: 0 success, 1 content or profile
    /// errors, 2 usage errors (argument-parser's own usage code, 64, becomes 2), 4 differences
    /// found by `verify`.
    public static func execute(_ arguments: [String]?) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            if let exit = error as? ExitCode { return exit.rawValue }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}
