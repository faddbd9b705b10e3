import ArgumentParser
import PreflightKit

// Readers and kinds as option values: ArgumentParser parses them, lists them in `--help` and
// offers them to shell completion, so no help text repeats the list.
extension Role: ExpressibleByArgument {}
extension Kind: ExpressibleByArgument {}
