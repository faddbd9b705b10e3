import ArgumentParser
import PreflightKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say why one item is included in or excluded from a profile's documents.",
        discussion: """
        Prints each test of the item's `when` with its result and the profile's value, or
        "not stated in profile" when the profile leaves the field out; then the reader check.

        Example:
          preflight explain pg15-public-schema-create --profile Content/profiles/acme-billing-pg12-to-15.yml
        """
    )

    @Argument(help: ArgumentHelp("The id of the item to explain.", valueName: "item-id"))
    var itemID: String

    @OptionGroup var options: SingleProfileOptions

    func run() throws {
        let request = options.request
        print(try Pipeline().explain(itemID, request).orExit().text)
    }
}
