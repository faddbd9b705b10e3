import ArgumentParser
import PreflightKit

/// Which profiles to use: files, folders, or one quick profile from flags.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A profile file, an inventory CSV (one database per row), or a folder of them; repeat for several. Default: every profile in profiles/ of the base and the overlays.",
                                            valueName: "file|csv|dir"))
    var profile: [String] = []

    @Option(name: .long, help: ArgumentHelp("Quick profile: source engine and version, such as postgresql@12.", valueName: "engine@version"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Quick profile: target engine and version, such as postgresql@15.", valueName: "engine@version"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("Quick profile: total data size, such as 1TB or 500GB.", valueName: "size"))
    var size: String?

    @Option(name: .long, help: ArgumentHelp("Quick profile: number of replicas besides the primary.", valueName: "n"))
    var replicas: String?

    @Option(name: .long, help: ArgumentHelp("Quick profile: ORM or data layer, such as sequelize or prisma.", valueName: "name"))
    var orm: String?

    @Option(name: .long, help: ArgumentHelp("Quick profile: maintenance window, such as 20m or 1h30m.", valueName: "duration"))
    var window: String?

    @Option(name: .long, help: ArgumentHelp("Quick profile: its id, which names the output folder (default: quick).", valueName: "id"))
    var id: String?

    /// The quick-profile flags as profile fields, or nil when none was given.
    var quickFields: [(path: String, value: String)]? {
        let pairs: [(String, String?)] = [("source", source), ("target", target), ("data.size", size),
                                          ("topology.replicas", replicas), ("application.orm", orm),
                                          ("window.duration", window)]
        let given = pairs.compactMap { path, value in value.map { (path: path, value: $0) } }
        return given.isEmpty ? nil : given
    }

    /// The pipeline request these options describe.
    func request(content: ContentOptions, readers: [Role]? = nil, outputRoot: String = "Output") -> BuildRequest {
        let layers = content.layers
        return BuildRequest(base: layers.base, overlays: layers.overlays, profilePaths: profile,
                            quickProfile: quickFields?.map { BuildRequest.QuickField(path: $0.path, value: $0.value) },
                            quickProfileID: id, outputRoot: outputRoot, readers: readers, strict: content.strict)
    }

    /// For commands that work on exactly one profile (explain, prompt, review).
    func requireOne() throws {
        if profile.count > 1 { throw ValidationError("This command takes one --profile.") }
        if profile.isEmpty, quickFields == nil {
            throw ValidationError("Name a profile with --profile FILE, or give a quick profile with --source and --target.")
        }
    }

    func validate() throws {
        if quickFields != nil, source == nil || target == nil {
            throw ValidationError("A quick profile needs both --source and --target (such as --source postgresql@12 --target postgresql@15).")
        }
    }
}
