import ArgumentParser
import PreflightKit

/// Who reads the documents.
struct AudienceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Build for this reader: engineer, dba, devops, product-manager, customer-success or researcher; repeat for several. Default: the profile's roles.",
                                            valueName: "role"))
    var role: [String] = []

    func validate() throws {
        for name in role where Role(rawValue: name) == nil {
            throw ValidationError("Unknown role '\(name)'; use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    var readers: [Role]? { role.isEmpty ? nil : role.compactMap(Role.init(rawValue:)) }
}
