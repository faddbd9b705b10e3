import ArgumentParser
import Foundation
import PreflightKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the documents for one or more profiles into the output folder.",
        discussion: """
        Loads and validates the content and the profiles; if anything is wrong, prints every problem
        and writes nothing. Otherwise writes Output/<profile-id>/ for each profile, replacing the
        previous build of that profile in one step.

        Examples:
          preflight build
          preflight build --profile Content/profiles/ --out site/
          preflight build --source postgresql@12 --target postgresql@15 --size 1TB --replicas 1 \\
                          --orm sequelize --window 20m --role devops
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var audience: AudienceOptions

    @Option(name: .long, help: ArgumentHelp("Output folder; each profile gets a folder inside it.", valueName: "dir"))
    var out = "Output"

    @Flag(name: .long, help: "Keep raw HTML written in Markdown bodies (dropped by default).")
    var unsafeHTML = false

    @Flag(name: .long, help: "Print the wall time of each pipeline stage.")
    var timings = false

    func run() throws {
        var request = profileOptions.request(content: contentOptions, readers: audience.readers, outputRoot: out)
        request.unsafeHTML = unsafeHTML
        let result = Pipeline().build(request)
        let printer = DiagnosticPrinter()
        printer.print(result.diagnostics)
        printer.summary(result.diagnostics)
        for (profile, files) in result.built {
            print("built \(out)/\(profile)/ (\(files) files)")
        }
        if timings {
            for (stage, seconds) in result.timings {
                print(String(format: "%-9@ %8.1f ms", stage as NSString, seconds * 1000))
            }
        }
        if result.failed {
            if result.built.isEmpty { printer.write("nothing was written") }
            throw ExitCode(1)
        }
    }
}
