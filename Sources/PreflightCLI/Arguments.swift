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

extension ExportFormat: ExpressibleByArgument {}

/// `--format github-issue,jira-csv`: export formats as a comma list, each one checked; a wrong one
/// is a usage error that lists the formats.
struct ExportFormats: ExpressibleByArgument {
    var formats: [ExportFormat]

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { ExportFormat(rawValue: String($0).trimmingSpaces) }
        guard !parts.isEmpty, !parts.contains(nil) else { return nil }
        formats = parts.compactMap { $0 }
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
