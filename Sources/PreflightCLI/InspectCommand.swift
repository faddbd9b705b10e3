import ArgumentParser
import Foundation
import PreflightInspect
import PreflightKit

/// `preflight inspect`: measure a live source database and find what would block its migration.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Measure a live PostgreSQL database, read-only, and report what would block or endanger its migration.",
        discussion: """
        Runs the probes under probes/ of the base and the overlays in a read-only session (default_transaction_read_only, \
        statement_timeout, lock_timeout, application_name=preflight): the profile facts it can measure \
        (version, size, tables, the largest table, replicas, extensions, the longest transaction, the write \
        rate) and the findings (tables without a primary key, integer keys near their limit, transaction-ID \
        age, prepared transactions, inactive slots, types pg_upgrade refuses, collation versions, …). \
        With --target-dsn it also compares with the target server (extensions it lacks).

        The password comes from the DSN, PGPASSWORD or ~/.pgpass, and is never printed.
        Exit status: 0 when nothing high or critical was found, 4 when something was, 1 when the \
        database could not be reached or read.

        Examples:
          preflight inspect --dsn postgresql://app@db1:5432/billing
          preflight inspect --dsn 'host=db1 dbname=billing sslmode=verify-full' --profile billing.yml --format json > findings.json
          preflight inspect --dsn postgresql:///billing --profile billing.yml --write billing.yml
        """
    )

    @Option(name: .long, help: ArgumentHelp("The source database: a postgresql:// URL or libpq key=value pairs.", valueName: "dsn"))
    var dsn: String

    @Option(name: .customLong("target-dsn"), help: ArgumentHelp("The target database, for the comparisons that need it.", valueName: "dsn"))
    var targetDSN: String?

    @Option(name: .long, help: ArgumentHelp("The migration's profile: its target version picks the checks for the pair, its id marks the report.",
                                            valueName: "file"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("Write the measured facts into this profile file (merged into --profile when given).",
                                            valueName: "file"))
    var write: String?

    @Option(name: .long, help: "Report format: md for people, json for `preflight build --findings`.")
    var format: ReportFormat = .md

    @OptionGroup var contentOptions: ContentOptions

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case md, json
    }

    func validate() throws {
        if write != nil, profile == nil, FileManager.default.fileExists(atPath: write!) {
            throw ValidationError("\(write!) exists: pass it as --profile to merge into it, or name a new file.")
        }
    }

    func run() throws {
        let request = contentOptions.request(profilePaths: profile.map { [$0] } ?? [])
        let (content, loadedProfile) = try Pipeline().loadForDatabase(request).orExit()
        let source: ConnectionString, target: ConnectionString?
        do throws(ConnectionStringError) {
            source = try ConnectionString.parse(dsn)
            if let targetDSN { target = try ConnectionString.parse(targetDSN) } else { target = nil }
        } catch {
            throw DiagnosticPrinter().fail(DatabaseError(kind: .connection, message: "the DSN cannot be read: \(error.message)",
                                                         hint: error.hint))
        }
        var targetVersion: Version?
        if case .version(let version)? = loadedProfile?["target.version"] { targetVersion = version }
        let inspector = Inspector(probes: content.probes, targetVersion: targetVersion, profileID: loadedProfile?.id)
        let outcome = try runBlocking { () async -> Result<InspectReport, DatabaseError> in
            do throws(DatabaseError) {
                let sourceDatabase = try await Database.connect(source)
                var targetDatabase: Database?
                if let target { targetDatabase = try await Database.connect(target) }
                let report = await inspector.inspect(source: sourceDatabase, target: targetDatabase)
                await sourceDatabase.close()
                await targetDatabase?.close()
                return .success(report)
            } catch {
                return .failure(error)
            }
        }
        let report: InspectReport
        switch outcome {
        case .success(let value): report = value
        case .failure(let error): throw DiagnosticPrinter().fail(error)
        }
        switch format {
        case .md: print(report.markdown, terminator: "")
        case .json: print(String(decoding: try Self.encoder.encode(report), as: UTF8.self))
        }
        if let write {
            try ProfileWrite(report: report, profilePath: profile, outputPath: write, content: content, current: loadedProfile).run()
        }
        if report.hasBlocker { throw ExitCode(4) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
