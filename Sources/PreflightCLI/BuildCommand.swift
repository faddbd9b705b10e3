import ArgumentParser
import Foundation
import PreflightKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the documents for one or more profiles into the output folder.",
        discussion: """
        Loads and validates the content and the profiles, then writes Output/<profile-id>/ for each profile, replacing the previous build of that profile in one step. Errors in the content stop the build before anything is written; errors in one profile stop only that profile, and the exit code is 1 if any profile failed. A profile can be a YAML file, a folder of them, or an inventory CSV with one database per row (header: profile fields such as source, target, size, replicas, orm, window, or dotted paths like topology.replicas).

        Builds are incremental: a cache outside the output folder ($XDG_CACHE_HOME/preflight/, or ~/.cache/preflight/, one folder per output; --cache-dir to choose) records what each profile was built from, so an unchanged profile is skipped and unchanged files are not rewritten. Losing it only costs time; --force ignores it and rebuilds everything. The output folder holds documents and an ownership marker only.

        Examples:
          preflight build
          preflight build --profile Content/profiles/ --out site/
          preflight build --profile fleet.csv --out fleet/
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

    @Flag(name: .long, help: "Print the time of each pipeline stage (per-profile stages summed over profiles).")
    var timings = false

    @Option(name: .long, help: ArgumentHelp("Folder for the build cache (default: the user's cache folder).", valueName: "dir"))
    var cacheDir: String?

    @Flag(name: .long, help: "Rebuild every profile, ignoring what earlier builds recorded.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Findings of `preflight inspect --format json`: shown as evidence on the checklist lines they concern; strategies they rule out are ruled out with that reason.",
                                            valueName: "file"))
    var findings: String?

    @Flag(name: .long, help: "No progress bar, even on a terminal.")
    var quiet = false

    func run() throws {
        var request = profileOptions.request(content: contentOptions, readers: audience.readers, outputRoot: out)
        request.unsafeHTML = unsafeHTML
        request.force = force
        request.findingsPath = findings
        request.cacheDirectory = cacheDir
        let bar = quiet ? nil : ProgressBar.forTerminal()
        let clock = StageClock()
        let result = Pipeline().build(request, clock: clock, progress: bar?.callback)
        let printer = DiagnosticPrinter()
        printer.print(result.diagnostics)
        printer.summary(result.diagnostics)
        if !result.profiles.isEmpty {
            print(SummaryTable(result: result, outputRoot: out).render())
        }
        if timings {
            let profiles = result.profiles.count
            for (stage, seconds) in clock.timings {
                let note = StageClock.perProfileStages.contains(stage) ? "  (summed over \(profiles) profiles)" : ""
                print(String(format: "%-9@ %8.1f ms", stage as NSString, seconds * 1000) + note)
            }
        }
        if result.failed {
            if result.built.isEmpty { printer.write("nothing was written") }
            throw ExitCode(1)
        }
    }
}
