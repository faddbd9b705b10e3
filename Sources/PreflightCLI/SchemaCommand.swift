import ArgumentParser
import Foundation
import PreflightKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schemas for profiles and for each kind of item's front matter.",
        discussion: """
        The schemas are generated from the same model the loader checks against, so an editor that uses
        them (the YAML language server, for instance) agrees with `preflight check`. The shipped copies
        live in Content/schemas/; regenerate them after changing the model or the vocabulary. With
        overlays, the schemas take in their vocabulary and go into the last overlay's schemas/.

        Examples:
          preflight schema                      write Content/schemas/*.schema.json
          preflight schema --out /tmp/schemas
        """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Folder to write the schemas into (default: schemas/ of the last overlay, or of the base; schemas/ in the current folder when the base is the knowledge base that came with preflight and no overlay is given).",
                                            valueName: "dir"))
    var out: String?

    func run() throws {
        let (content, diagnostics) = ContentLoader().load(contentOptions.layers)
        if diagnostics.hasErrors {
            DiagnosticPrinter().print(diagnostics.filter { $0.level == .error })
            throw ExitCode(1)
        }
        let folder = out ?? (contentOptions.isWritableByDefault ? contentOptions.layers.top + "/schemas" : "schemas")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, schema) in JSONSchemaGenerator(vocabulary: content.vocabulary, channels: Array(content.theme.strings.channels.keys)).all().sorted(by: { $0.key < $1.key }) {
            try Data(JSONSchemaGenerator.text(schema).utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            print("wrote \(folder)/\(name)")
        }
    }
}
