import ArgumentParser
import Foundation
import PreflightKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the documents for one or more profiles into the output folder.",
        discussion: """
        Loads and validates the content and the profiles, then writes Output/<profile-id>/ for each profile, replacing the previous build of that profile in one step. Errors in the content stop the build before anything is written; errors in one profile stop only that profile, and the exit code is 1 if any profile failed. A profile can be a YAML file, a folder of them, or an inventory CSV with one database per row (header: profile fields such as source, target, size, replicas, orm, window, or dotted paths like topology.replicas).

        --format also writes the checklist for where the team tracks its work, beside the other documents of each profile: github-issue (checklist.github-issue.md, an issue body for GitHub or GitLab), jira-csv (checklist.jira.csv, a Jira CSV import), confluence (checklist.confluence.xml, a page in Confluence storage format), single-html (checklist.single.html, one self-contained printable file).

        --shard K/N builds every N-th profile (by sorted id), starting with the K-th, for a fleet built by N machines into one output; a shard writes its profile folders only. When all are in one folder, --index-only writes the site index over them.

        Builds are incremental: a cache outside the output folder ($XDG_CACHE_HOME/preflight/, or ~/.cache/preflight/, one folder per output; --cache-dir to choose) records what each profile was built from, so an unchanged profile is skipped and unchanged files are not rewritten. Losing it only costs time; --force ignores it and rebuilds everything. The output folder holds documents and an ownership marker only.

        Examples:
          preflight build
          preflight build --profile Content/profiles/ --out site/
          preflight build --profile fleet.csv --out fleet/
          preflight build --format github-issue,jira-csv --format single-html
          preflight build --profile fleet.csv --out fleet/ --shard 2/3
          preflight build --index-only --out fleet/
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

    @Option(name: .long, help: ArgumentHelp("Also write the checklist in this form beside the documents; repeat, or separate with commas.",
                                            valueName: "format"))
    var format: [ExportFormats] = []

    @Option(name: .long, help: ArgumentHelp("Build only the K-th of every N profiles (sorted by id), for N machines building one fleet; the site index is left to --index-only.",
                                            valueName: "k/n"),
            transform: { text in try Shard(parsing: text) })
    var shard: Shard?

    @Flag(name: .long, help: "Build no profile: write the site index over the profile folders already in --out.")
    var indexOnly = false

    func validate() throws {
        if indexOnly, shard != nil || !format.isEmpty || !profileOptions.profile.isEmpty || profileOptions.quickFields != nil {
            throw ValidationError("--index-only builds no profile; leave out --shard, --format and the profile options.")
        }
        if indexOnly, !FileManager.default.fileExists(atPath: out) {
            throw ValidationError("--index-only indexes the profile folders in `\(out)`, which does not exist; build the shards into it first.")
        }
    }

    func run() throws {
        if indexOnly { return try runIndexOnly() }
        var request = profileOptions.request(content: contentOptions, readers: audience.readers, outputRoot: out)
        request.unsafeHTML = unsafeHTML
        request.force = force
        request.findingsPath = findings
        request.cacheDirectory = cacheDir
        request.exports = format.flatMap(\.formats)
        request.shard = shard
        let bar = quiet ? nil : ProgressBar.forTerminal()
        let clock = StageClock()
        let result = Pipeline().build(request, clock: clock, progress: bar?.callback)
        let printer = DiagnosticPrinter()
        printer.print(result.diagnostics)
        printer.summary(result.diagnostics)
        if !result.profiles.isEmpty {
            print(SummaryTable(result: result, outputRoot: out).render())
        } else if let shard, !result.failed {
            print("shard \(shard): no profile falls to this shard (the profiles are fewer than \(shard.count))")
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

    /// `--index-only`: the site index over the profile folders in the output, nothing built.
    func runIndexOnly() throws {
        let layers = contentOptions.layers
        let request = BuildRequest(base: layers.base, overlays: layers.overlays, outputRoot: out, strict: contentOptions.strict,
                                   unsafeHTML: unsafeHTML)
        let result = Pipeline().buildIndex(request)
        let printer = DiagnosticPrinter()
        printer.print(result.diagnostics)
        printer.summary(result.diagnostics)
        if result.failed { throw ExitCode(1) }
        print("\(result.indexed.count) profile\(result.indexed.count == 1 ? "" : "s") indexed in \(out)/")
    }
}
