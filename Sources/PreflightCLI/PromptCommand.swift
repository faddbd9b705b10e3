import ArgumentParser
import PreflightKit

struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Print the tailored prompt for an AI assistant.",
        discussion: """
        Assembles the prompt from the content's prompt rules and the profile: role, context with exact
        versions, volume, topology, ORM and window, numbered deliverables, constraints, what to include,
        the tools available and not, the rollback triggers, and the output format. `build` writes the
        same prompt to Output/<profile-id>/prompt.md.

        Examples:
          preflight prompt --profile Content/profiles/acme-billing-pg12-to-15.yml
          preflight prompt --profile Content/profiles/acme-billing-pg12-to-15.yml --role devops | pbcopy
        """
    )

    @OptionGroup var options: SingleProfileOptions

    func run() throws {
        let request = options.request
        print(try Pipeline().prompt(request).orExit(), terminator: "")
    }
}
