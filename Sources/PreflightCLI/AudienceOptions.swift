import ArgumentParser
import PreflightKit

/// Who reads the documents.
struct AudienceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Build for this reader; repeat for several. Default: the profile's roles.",
                                            valueName: "role"))
    var role: [Role] = []

    var readers: [Role]? { role.isEmpty ? nil : role }
}
