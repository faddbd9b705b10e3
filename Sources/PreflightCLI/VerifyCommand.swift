import ArgumentParser
import Foundation
import PreflightInspect
import PreflightKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare two databases after a copy or a cutover: schema, row counts, content hashes and sequences.",
        discussion: """
        Reads both databases in read-only sessions. Compares the user schemas' tables, columns and their \
        types, indexes, constraints, sequences, functions and extensions; counts and hashes every table's \
        rows on the servers themselves, in primary-key order (whole-row order for a table without one); \
        and checks that no sequence on the target is behind the source's. Each difference is reported by \
        table and kind: missing-table, extra-table, column, index, constraint, sequence, function, \
        extension, row-count, content.

        Tables are compared in parallel with --jobs sessions on each side. A DSN is a postgresql:// URL \
        or libpq key/value pairs; the password may come from the DSN, PGPASSWORD or ~/.pgpass, and is \
        never printed.

        Exit codes: 0 the databases are equal, 4 a difference was found, 1 a server could not be \
        reached or read, 2 usage errors.

        Examples:
          preflight verify --source postgresql://app@old-db/app --target postgresql://app@new-db/app
          preflight verify --source "host=old dbname=app" --target "host=new dbname=app" --tables 'public.order*' --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json
    }

    @Option(name: .long, help: ArgumentHelp("The database copied from.", valueName: "dsn"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("The database copied to.", valueName: "dsn"))
    var target: String

    @Option(name: .long, help: ArgumentHelp("The migration's profile, to name it in the report.", valueName: "file"))
    var profile: String?

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Compare only tables whose schema.table matches this glob (such as 'public.order*'); repeat for several.",
                                            valueName: "pattern"))
    var tables: [String] = []

    @Option(name: .long, help: ArgumentHelp("Sessions per database for comparing tables in parallel.", valueName: "n"))
    var jobs = 4

    @Option(name: .long, help: ArgumentHelp("Report format: md (Markdown), html (one page) or json.", valueName: "format"))
    var format: Format = .md

    @Flag(name: .long, help: "No progress bar, even on a terminal.")
    var quiet = false

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs takes a number from 1 to 64.") }
    }

    func run() throws {
        let source = try Self.address(self.source, option: "--source")
        let target = try Self.address(self.target, option: "--target")
        let verifier = Verifier(source: source, target: target, patterns: tables.map(TablePattern.init), jobs: jobs,
                                profileID: try profileID())
        let bar = quiet ? nil : ProgressBar.forTerminal()
        let report: VerifyReport
        do {
            report = try runBlocking {
                try await verifier.verify { table, done, total in bar?.step(table, done: done, total: total) }
            }
        } catch let error as DatabaseError {
            DiagnosticPrinter().write(Self.message(for: error))
            throw ExitCode(1)
        }
        switch format {
        case .md: print(report.markdown(), terminator: "")
        case .html: print(report.html(), terminator: "")
        case .json: print(report.json(), terminator: "")
        }
        if !report.isEqual { throw ExitCode(4) }
    }

    /// What the person at the terminal reads when a server cannot be used: the error and what to check.
    /// `DatabaseError` names servers without their passwords.
    static func message(for error: DatabaseError) -> String {
        "error: " + error.message + (error.hint.map { "\nhint: " + $0 } ?? "")
    }

    /// A DSN that cannot be read is a usage error, worded with the parser's hint.
    private static func address(_ dsn: String, option: String) throws -> ConnectionString {
        do {
            return try ConnectionString.parse(dsn)
        } catch {
            throw ValidationError("\(option): \(error.message)" + (error.hint.map { " (\($0))" } ?? ""))
        }
    }

    /// The profile's id when --profile names one; loading it checks it like every other command does.
    private func profileID() throws -> String? {
        guard let profile else { return nil }
        var request = contentOptions.request(profilePaths: [profile], outputRoot: "Output")
        request.strict = contentOptions.strict
        let (_, loaded) = try Pipeline().loadForDatabase(request).orExit()
        return loaded?.id
    }
}
