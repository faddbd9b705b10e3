import ArgumentParser
import PreflightKit
import Foundation

/// The `preflight` command: a thin layer over `PreflightKit` that parses arguments and prints.
public struct Preflight: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Compile curated database-migration guidance into checklists, runbooks and wiki pages for one migration.",
        discussion: """
        Describe a migration in a profile (engines and versions, data volume, topology, ORM, window, …);
        Preflight selects the guidance in Content/ that applies and writes documents into Output/<profile-id>/.

        Examples:
          preflight build                                   build every example profile in Content/profiles/
          preflight build --profile Content/profiles/acme-billing-pg12-to-15.yml
          preflight check                                   validate content and profiles, write nothing
          preflight explain pg15-public-schema-create --profile Content/profiles/acme-billing-pg12-to-15.yml
          preflight build --content team-guidance           lay a team's overlay over the shipped content

        Exit codes: 0 success, 1 content or profile errors (or, for inspect and verify, a server that cannot
        be used), 2 usage errors, 4 inspect found a blocker or verify a difference.
        """,
        version: PreflightVersion.current,
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
