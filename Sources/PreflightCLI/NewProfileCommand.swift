import ArgumentParser
import Foundation
import PreflightKit

struct NewProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Write a new migration profile, asking for each field on a terminal or taking flags.",
        discussion: """
        Flags give the answers; on a terminal, every field not given is asked for (Enter keeps it empty).
        The file is checked with the same loader as `preflight check` before it is written, and an
        existing file is never overwritten.

        Examples:
          preflight new profile --id billing --source postgresql@12 --target postgresql@15 --size 1TB \\
                                --replicas 1 --orm sequelize --window 20m
          preflight new profile --id billing --out profiles/billing.yml
        """
    )

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .long, help: ArgumentHelp("Where to write it (default: profiles/<id>.yml in the last overlay, or in the base; <id>.yml in the current folder when the base is the knowledge base that came with preflight and no overlay is given).",
                                            valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Never ask, even on a terminal: use only the flags.")
    var noInput = false

    func run() throws {
        var answers = profileOptions.quickFields ?? []
        var id = profileOptions.id
        let interactive = !noInput && isatty(STDIN_FILENO) == 1
        if interactive {
            if id == nil { id = ask("Profile id (names the output folder)", example: "billing-pg12-to-15") }
            for (path, prompt, example) in ProfileScaffold.questions where !answers.contains(where: { $0.path == path }) {
                if let value = ask(prompt, example: example), !value.isEmpty { answers.append((path, value)) }
            }
        }
        guard let id, !id.isEmpty else { throw ValidationError("Give the profile an id with --id.") }
        // Checked before anything is written: the id names the file, and `../` would put it elsewhere.
        guard ItemSchema.isValidID(id) else {
            throw ValidationError("'\(id)' is not a valid profile id: use lower-case letters, digits, -, _ and . (it names a file and a folder).")
        }
        guard answers.contains(where: { $0.path == "source" }), answers.contains(where: { $0.path == "target" }) else {
            throw ValidationError("A profile needs --source and --target (such as postgresql@12 and postgresql@15).")
        }
        let intoContent = out == nil && contentOptions.isWritableByDefault
        let path = out ?? (intoContent ? contentOptions.layers.top + "/profiles/\(id).yml" : "\(id).yml")
        let schema = intoContent ? relativeSchemaPath(from: path) : contentOptions.layers.base + "/schemas/profile.schema.json"
        let text = ProfileScaffold(id: id, answers: answers).yaml(schemaPath: schema)
        try NewFile.write(text, to: path) { written in
            let (content, _) = ContentLoader().load(contentOptions.layers)
            return ProfileLoader(vocabulary: content.vocabulary).load(path: written).1.filter { $0.level == .error }
        }
        print("wrote \(path)")
    }

    func ask(_ prompt: String, example: String) -> String? {
        FileHandle.standardError.write(Data("\(prompt) [e.g. \(example)]: ".utf8))
        return readLine()?.trimmingCharacters(in: .whitespaces)
    }

    /// `../schemas/profile.schema.json` from the default location, when that layer has (or, being the
    /// base, should have) the schemas; the base's schema as a path from here otherwise.
    func relativeSchemaPath(from path: String) -> String {
        let layers = contentOptions.layers
        let beside = layers.overlays.isEmpty || FileManager.default.fileExists(atPath: layers.top + "/schemas/profile.schema.json")
        return out == nil && beside ? "../schemas/profile.schema.json" : layers.base + "/schemas/profile.schema.json"
    }
}

/// Writes a new file only if nothing is there, and removes it again if it does not check out.
enum NewFile {
    static func write(_ text: String, to path: String, check: (String) -> [Diagnostic]) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) already exists; choose another id or --out.")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let problems = check(path)
        if !problems.isEmpty {
            try? FileManager.default.removeItem(atPath: path)
            DiagnosticPrinter().print(problems)
            throw ExitCode(1)
        }
    }
}
