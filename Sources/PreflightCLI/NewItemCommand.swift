import ArgumentParser
import Foundation
import PreflightKit

struct NewItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Write a new content item with the front-matter keys its kind takes.",
        discussion: """
        The file goes into the folder authors use for the kind (guidance/tips, steps/plan, strategies, …)
        of the last overlay, or of the base when there is none, unless --out says otherwise; it is
        checked with every layer after writing and never overwrites a file.

        Example:
          preflight new item --kind step --id step-check-free-space --title "Check free space on the target"
        """
    )

    @OptionGroup var contentOptions: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The kind of item.", valueName: "kind"))
    var kind: Kind

    @Option(name: .long, help: ArgumentHelp("The item's id: lower-case letters, digits, - _ and .", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Its title (default: the id).", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("Where to write it (default: a folder for the kind in the last overlay, or in the base).", valueName: "file"))
    var out: String?

    func validate() throws {
        guard ItemSchema.isValidID(id) else { throw ValidationError("'\(id)' is not a valid id: use lower-case letters, digits, -, _ and .") }
        if out == nil, !contentOptions.isWritableByDefault {
            throw ValidationError("""
                \(contentOptions.layers.base) is the knowledge base that came with preflight, not a folder of your own \
                (an install replaces it): write into an overlay of your own with --content DIR (`preflight new overlay DIR` \
                makes one), or name the file with --out.
                """)
        }
    }

    func run() throws {
        let scaffold = ItemScaffold(kind: kind, id: id, title: title ?? id)
        let path = out ?? contentOptions.layers.top + "/" + scaffold.relativePath
        try NewFile.write(scaffold.text(), to: path) { written in
            let (content, diagnostics) = ContentLoader().load(contentOptions.layers)
            let mine = (diagnostics + ContentValidator().validate(content)).filter { $0.location.file.hasSuffix(written) }
            return mine.filter { $0.level == .error }
        }
        print("wrote \(path)")
    }
}
