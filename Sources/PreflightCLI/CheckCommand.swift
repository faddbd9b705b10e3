import ArgumentParser
import PreflightKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and profiles without writing anything.",
        discussion: """
        Reports every problem at once as path:line:col: error: message, with a hint. Exits 1 when
        there are errors (or, with --strict, warnings).

        Examples:
          preflight check
          preflight check --strict --profile Content/profiles/
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Flag(name: .long, help: "Also print how many items there are of each kind, engine folder and tag.")
    var counts = false

    func run() throws {
        let request = profileOptions.request(content: contentOptions)
        let result = Pipeline().check(request)
        let printer = DiagnosticPrinter()
        printer.print(result.diagnostics)
        printer.summary(result.diagnostics)
        if result.failed { throw ExitCode(1) }
        print("ok: \(result.items) items, \(result.profiles) profiles")
        if counts { print(result.counts.map { "  \($0.label): \($0.count)" }.joined(separator: "\n")) }
    }
}
