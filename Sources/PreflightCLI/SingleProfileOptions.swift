import ArgumentParser
import PreflightKit

/// Options of the commands that work on one profile for one audience (explain, prompt).
struct SingleProfileOptions: ParsableArguments {
    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var audience: AudienceOptions

    func validate() throws {
        try profileOptions.requireOne()
    }

    var request: BuildRequest { profileOptions.request(content: contentOptions, readers: audience.readers) }
}
