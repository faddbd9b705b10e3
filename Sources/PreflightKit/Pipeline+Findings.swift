import Foundation

extension Pipeline {
    /// Reads the findings file once and hands it to the profiles it concerns: the one it names, or
    /// every profile when it names none. A file that cannot be read fails every profile, positioned.
    func attachFindings(_ path: String, to loaded: inout [ProfileLoader.Loaded]) {
        let report: InspectReport
        do {
            switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
            case .success(let data): report = try JSONDecoder().decode(InspectReport.self, from: data)
            case .failure(let diagnostic):
                for index in loaded.indices { loaded[index].diagnostics.append(diagnostic) }
                return
            }
        } catch {
            let diagnostic = Diagnostic.error(.invalidFindings, "the findings cannot be read: \(Self.reason(error))",
                                              at: SourceLocation(file: path, line: 1, column: 1))
            for index in loaded.indices {
                loaded[index].diagnostics.append(diagnostic)
                loaded[index].profile = nil
            }
            return
        }
        var matched = false
        for index in loaded.indices where report.profile == nil || loaded[index].profile?.id == report.profile {
            loaded[index].profile?.measured = report
            matched = matched || loaded[index].profile != nil
        }
        if !matched, let first = loaded.indices.first, let name = report.profile {
            loaded[first].diagnostics.append(.warning(.invalidFindings, "the findings are for the profile `\(name)`, which this build does not include",
                                                      at: SourceLocation(file: path, line: 1, column: 1),
                                                      hint: "build that profile, or run `preflight inspect` with this one's --profile"))
        }
    }

    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "`\(key.stringValue)` is missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "`\(path)`: ") + context.debugDescription
        default: return "\(error)"
        }
    }
}
