import ArgumentParser
import Foundation
import PreflightKit
import PreflightReview

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Score an AI-generated migration plan against the rubric for a profile.",
        discussion: """
        Reads the plan (Markdown, or HTML for .html/.htm files), splits it into sections by heading,
        and runs every evaluation criterion in the content that applies to the profile: deliverables
        present, commands in code blocks using the profile's tools and none it lacks, matching versions,
        the ORM addressed, replica steps, rollback triggers with thresholds, risks with mitigations,
        timings tied to the data volume, and red flags such as placeholders.

        --format sarif writes SARIF 2.1.0: one result per failed criterion, on its line, for
        code-scanning annotations on a pull request.

        Exit codes: 0 reviewed, 1 content or profile errors, 2 usage errors, 3 score below --min-score.

        Examples:
          preflight review plan.md --profile Content/profiles/acme-billing-pg12-to-15.yml
          preflight review plan.html --profile prod.yml --format json --min-score 80
          preflight review plan.md --profile prod.yml --format sarif > review.sarif
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @Argument(help: ArgumentHelp("The plan to review: Markdown, or HTML (.html, .htm).", valueName: "plan"))
    var plan: String

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .long, help: ArgumentHelp("Report format: text for a terminal, json for scripts, sarif (2.1.0) for code-scanning annotations.",
                                            valueName: "format"))
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Exit with 3 when the score is below this (0–100).", valueName: "n"))
    var minScore: Int?

    func validate() throws {
        try profileOptions.requireOne()
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score takes a number from 0 to 100.") }
    }

    func run() throws {
        let request = profileOptions.request(content: contentOptions)
        let report = try Pipeline().review(planPath: plan, request).orExit()
        let colour = isatty(STDOUT_FILENO) == 1 && DiagnosticPrinter().colour
        switch format {
        case .text: print(report.text(colour: colour), terminator: "")
        case .json: print(report.json(), terminator: "")
        case .sarif: print(report.sarif(), terminator: "")
        }
        if let minScore, report.score < minScore { throw ExitCode(3) }
    }
}
