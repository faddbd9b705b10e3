import Foundation
import PreflightKit

/// Runs a rehearsal script against real servers: shell actions through `/bin/sh -e` with the
/// environment given, SQL through the driver on the side it names, manual actions by confirmation.
/// Stops at the first action that fails.
public struct Rehearsal: Sendable {
    public var script: RehearsalScript
    public var environment: [String: String]
    /// Manual actions count as done without asking (a non-interactive run).
    public var assumeManual: Bool
    /// Asks a person to confirm a manual action; nil when no one can be asked.
    public var confirm: (@Sendable (String) -> Bool)?
    /// Progress lines for the terminal.
    public var report: @Sendable (String) -> Void
    /// Where shell commands run (and write the logs they keep); nil for the current folder.
    public var directory: String?
    /// The operating-system user shell commands run as (through `runuser` as root, `sudo -n`
    /// otherwise); nil for the current user. PostgreSQL's server programs refuse to run as root.
    public var shellUser: String?

    public init(script: RehearsalScript, environment: [String: String], assumeManual: Bool,
                confirm: (@Sendable (String) -> Bool)?, report: @escaping @Sendable (String) -> Void) {
        self.script = script
        self.environment = environment
        self.assumeManual = assumeManual
        self.confirm = confirm
        self.report = report
    }

    /// The variables the script reads that the environment does not set.
    public var unsetVariables: [String] { script.requiredVariables.filter { (environment[$0] ?? "").isEmpty }.sorted() }

    /// Runs the script; then, unless a step failed or `verify` is false, compares SOURCE_URL with
    /// TARGET_URL as `preflight verify` does and puts the result in the log.
    public func run(dryRun: Bool = false, verify: Bool = true) async -> RehearsalLog {
        let clock = ContinuousClock(), begin = clock.now
        var log = RehearsalLog(profile: script.profileID, started: Inspector.timestamp(Date()), dryRun: dryRun)
        let total = script.steps.count
        steps: for (index, step) in script.steps.enumerated() {
            for (number, action) in step.actions.enumerated() {
                let elapsed = Self.clock(begin.duration(to: clock.now))
                report("[\(elapsed)] \(index + 1)/\(total) \(step.number). \(step.title)" + (step.actions.count > 1 ? " — \(action.title)" : ""))
                let started = Inspector.timestamp(Date()), start = clock.now
                let (status, output) = dryRun ? (0, Masking.mask(action.code, environment: environment))
                    : await perform(action)
                let seconds = Double(start.duration(to: clock.now).components.attoseconds) / 1e18
                    + Double(start.duration(to: clock.now).components.seconds)
                log.entries.append(.init(step: step.id, number: step.number, title: step.title, action: action.title,
                                         kind: Self.kind(action.kind), command: Masking.mask(action.code, environment: environment),
                                         started: started, seconds: seconds, status: status,
                                         outputTail: Self.tail(Masking.mask(output, environment: environment)),
                                         estimateSeconds: number == 0 ? step.estimate?.seconds : nil))
                if status != 0 {
                    log.failedStep = step.id
                    report("FAILED at \(step.number). \(step.title) (exit \(status))\n\(Self.tail(output))")
                    break steps
                }
            }
            if let (field, size) = step.measures, !dryRun {
                let seconds = log.entries.filter { $0.step == step.id }.map(\.seconds).reduce(0, +)
                if seconds > 0 { log.rates.append(.init(field: field, step: step.number, bytes: size.bytes, seconds: seconds)) }
            }
        }
        if verify, !dryRun, log.failedStep == nil {
            await closingVerify(&log)
        }
        log.finished = Inspector.timestamp(Date())
        return log
    }

    private func closingVerify(_ log: inout RehearsalLog) async {
        guard let source = environment["SOURCE_URL"], let target = environment["TARGET_URL"] else {
            log.verify = "not run: SOURCE_URL and TARGET_URL are not both set"
            return
        }
        report("verify: comparing \(Masking.mask(source, environment: environment)) with \(Masking.mask(target, environment: environment))")
        do {
            let verifier = Verifier(source: try ConnectionString.parse(source, environment: environment),
                                    target: try ConnectionString.parse(target, environment: environment), profileID: script.profileID)
            let result = try await verifier.verify()
            log.differences = result.differences.count
            log.verify = result.isEqual
                ? "equal: \(result.figures.tablesCompared) tables, \(result.figures.rows) rows compared"
                : "\(result.differences.count) difference(s): " + result.differences.prefix(5).map { "\($0.table ?? $0.object) \($0.kind.rawValue): \($0.message)" }
                    .joined(separator: "; ")
            report("verify: \(log.verify!)")
        } catch let error as DatabaseError {
            log.verify = "could not run: \(error.message)"
            log.differences = -1
        } catch {
            log.verify = "could not run: \(error)"
            log.differences = -1
        }
    }

    private func perform(_ action: RehearsalScript.Action) async -> (Int32, String) {
        switch action.kind {
        case .manual(let what):
            if assumeManual { return (0, "assumed done (--assume-manual): \(what)") }
            guard let confirm else { return (3, "manual step in a non-interactive run: \(what); pass --assume-manual once it is done") }
            return confirm("\(action.title)\n  \(what)\n  Done? [y/N] ") ? (0, "confirmed: \(what)") : (3, "not confirmed: \(what)")
        case .shell:
            // A command can run for hours: on a thread of its own, not one of the few the
            // concurrency pool has (the driver's and verify's work needs them meanwhile).
            let (code, environment, directory, user) = (action.code, environment, directory, shellUser)
            return await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(returning: Self.shell(code, environment: environment, directory: directory, user: user))
                }
            }
        case .sql(let side):
            let variable = side == .source ? "SOURCE_URL" : "TARGET_URL"
            do {
                let address = try ConnectionString.parse(environment[variable] ?? "", environment: environment)
                let database = try await Database.connect(address, session: .init(readOnly: false, statementTimeout: "0", lockTimeout: "60s"))
                defer { Task { await database.close() } }
                return (0, try await database.run(script: action.code))
            } catch let error as DatabaseError {
                return (1, error.message + (error.hint.map { "\nhint: \($0)" } ?? ""))
            } catch {
                return (1, "\(variable): \(error)")
            }
        }
    }

    /// Runs `code` with `/bin/sh -e` (as `user` when given), output and errors together.
    static func shell(_ code: String, environment: [String: String], directory: String? = nil, user: String? = nil) -> (Int32, String) {
        let shell = ["/bin/sh", "-e", "-c", code]
        let command = user.map { getuid() == 0 ? ["/usr/sbin/runuser", "-u", $0, "--"] + shell
                                              : ["/usr/bin/sudo", "-n", "-E", "-u", $0, "--"] + shell } ?? shell
        let result = Subprocess.run(command, environment: environment, directory: directory)
        return (result.status, result.output)
    }

    static func kind(_ kind: RehearsalScript.Action.Kind) -> String {
        switch kind {
        case .shell: "shell"
        case .sql(let side): "sql on \(side.rawValue)"
        case .manual: "manual"
        }
    }

    static func tail(_ output: String, lines: Int = 30) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func clock(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return String(format: "T+%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
