import ArgumentParser
import Foundation
import PreflightKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and profiles without writing anything.",
        discussion: """
        Reports every problem at once as path:line:col: error: message, with a
        hint. Exits 1 when there are errors (or, with --strict, warnings).

        --stale SPAN also lists the items whose `reviewed:` month is older than
        SPAN before today (SOURCE_DATE_EPOCH when set), grouped by engine, with
        id, file and month. A span is months or years: 12mo, 18mo, 2y, 1y6mo.
        It exits 0 with the list, or 1 with --strict when any item is listed.

        Examples:
          preflight check
          preflight check --strict --profile Content/profiles/
          preflight check --stale 12mo
          preflight check --stale 2y --strict    # fail a job on an overdue review
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Flag(name: .long, help: "Also print how many items there are of each kind, engine folder and tag.")
    var counts = false

    @Option(name: .long, help: ArgumentHelp("List items not reviewed within this span, such as 12mo, 18mo or 2y.",
                                            valueName: "span"))
    var stale: MonthSpan?

    func run() throws {
        let request = profileOptions.request(content: contentOptions)
        let result = Pipeline().check(request, stale: stale)
        let printer = DiagnosticPrinter()
        printer.print(result.summary)
        printer.summary(errors: result.summary.errorCount, warnings: result.summary.warningCount)
        if result.failed { throw ExitCode(1) }
        if let review = result.stale {
            print(Self.report(review))
            if contentOptions.strict, review.count > 0 {
                printer.write("error: \(review.count) item\(review.count == 1 ? " was" : "s were") not reviewed within \(review.span) (--strict)")
                throw ExitCode(1)
            }
        }
        print("ok: \(result.items) items, \(result.profiles) profiles")
        if counts { print(result.counts.map { "  \($0.label): \($0.count)" }.joined(separator: "\n")) }
    }

    /// The stale items by engine, one aligned line each: id, file, month.
    static func report(_ review: StaleReview) -> String {
        let window = "\(review.span) before \(review.today)"
        guard review.count > 0 else { return "every item was reviewed in \(review.oldestFresh) or later (\(window))" }
        let idWidth = review.groups.flatMap(\.entries).map(\.id.count).max() ?? 0
        let fileWidth = review.groups.flatMap(\.entries).map(\.file.count).max() ?? 0
        let items = review.count == 1 ? "1 item" : "\(review.count) items"
        var lines = ["\(items) not reviewed in the \(window) (last reviewed before \(review.oldestFresh), or never):"]
        for group in review.groups {
            lines.append("\(group.engine) (\(group.entries.count))")
            for entry in group.entries {
                let id = entry.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let file = entry.file.padding(toLength: fileWidth, withPad: " ", startingAt: 0)
                lines.append("  \(id)  \(file)  \(entry.reviewed.map(\.description) ?? "never")")
            }
        }
        return lines.joined(separator: "\n")
    }
}
