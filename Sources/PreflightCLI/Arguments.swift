import ArgumentParser
import PreflightKit

// Readers and kinds as option values: ArgumentParser parses them, lists them in `--help` and
// offers them to shell completion, so no help text repeats the list.
extension Role: ExpressibleByArgument {}
extension Kind: ExpressibleByArgument {}

// `--stale 12mo`: a malformed span is a usage error, with the forms the help text shows.
extension MonthSpan: ExpressibleByArgument {
    public init?(argument: String) {
        guard let span = MonthSpan.parse(argument) else { return nil }
        self = span
    }
}
