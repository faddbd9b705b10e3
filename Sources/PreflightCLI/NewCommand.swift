import ArgumentParser

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a profile, a content item or an overlay from a template.",
        discussion: """
        Examples:
          preflight new profile --id billing --source postgresql@12 --target postgresql@15 --size 1TB
          preflight new profile                     (asks for each field on a terminal)
          preflight new item --kind tip --id tip-check-extensions --title "Check extensions first"
          preflight new overlay team-guidance       (a folder of a team's own items over the shipped ones)
        """,
        subcommands: [NewProfileCommand.self, NewItemCommand.self, NewOverlayCommand.self]
    )
}
