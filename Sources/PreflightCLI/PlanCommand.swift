import ArgumentParser
import PreflightKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the plan for one profile: the strategy, its steps by phase with their clocks, and what stops it.",
        discussion: """
        The plan is what every document shows: the recommended strategy's procedure, the steps every \
        migration of this kind needs, the due dates before the window, the cutover and rollback clocks, \
        and the one point of no return. Findings of the consistency rules are printed as warnings.

        Examples:
          preflight plan --profile Content/profiles/acme-billing-pg12-to-15.yml
          preflight plan --source postgresql@12 --target postgresql@16 --size 200GB --window 1h
        """
    )

    @OptionGroup var options: SingleProfileOptions

    func run() throws {
        let (plan, findings) = try Pipeline().plan(options.request).orExit()
        print(plan.text, terminator: "")
        DiagnosticPrinter().print(findings)
        if options.contentOptions.strict, !findings.isEmpty { throw ExitCode(1) }
    }
}
