import Foundation

/// Reads `knowledge-base.yml` at the root of the content, when there is one:
///
/// ```yaml
/// version: 2026.12.1
/// date: 2026-12-05
/// ```
///
/// The file is optional (a team's own content folder may have none); when it is there, both keys are
/// required and nothing else is allowed, so that a typo cannot leave the version unreported.
public struct KnowledgeBaseReleaseLoader: Sendable {
    /// The file's name at the root of a content folder.
    public static let fileName = "knowledge-base.yml"

    public init() {}

    /// The release that `root` holds: nil when it has no file or the file has errors (reported in
    /// `diagnostics`).
    public func load(root: String, diagnostics: inout [Diagnostic]) -> KnowledgeBaseRelease? {
        let path = root + "/" + Self.fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
        case .success(let contents): data = contents
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(FileReader.diagnostic(for: FrontMatter.firstInvalidUTF8([UInt8](data)), path: path))
            return nil
        }
        switch YAMLTree.parse(text, file: path, firstLine: 1) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let tree):
            return release(tree, path: path, diagnostics: &diagnostics)
        }
    }

    private func release(_ tree: YAMLTree, path: String, diagnostics: inout [Diagnostic]) -> KnowledgeBaseRelease? {
        guard case .mapping(let entries, _) = tree else {
            diagnostics.append(.error(.frontMatterNotMapping, "`\(Self.fileName)` is \(tree.shape), not a mapping",
                                      at: tree.location, hint: "write `version: 2026.12.1` and `date: 2026-12-05`"))
            return nil
        }
        let keys = ["version", "date"]
        var version: String?, date: CalendarDate?
        for entry in entries {
            switch entry.key {
            case "version":
                guard let text = entry.value.scalar, Self.isVersion(text) else {
                    diagnostics.append(.error(.invalidValue, "`version` is not numbers separated by dots", at: entry.value.location,
                                              hint: "such as `2026.12.1`: the year, the month and the release within it"))
                    continue
                }
                version = text
            case "date":
                guard let text = entry.value.scalar, let day = CalendarDate.parse(text, allowDay: true), day.day != nil else {
                    diagnostics.append(.error(.invalidValue, "`date` is not a day in the form YYYY-MM-DD", at: entry.value.location,
                                              hint: "the day of the release, such as `2026-12-05`"))
                    continue
                }
                date = day
            default:
                let suggestion = Suggestion.closest(to: entry.key, among: keys).map { "did you mean `\($0)`?" }
                diagnostics.append(.error(.unknownKey, "`\(Self.fileName)` has no key `\(entry.key)`", at: entry.keyLocation,
                                          hint: suggestion ?? "it has `version` and `date`"))
            }
        }
        for key in keys where !entries.contains(where: { $0.key == key }) {
            diagnostics.append(.error(.missingKey, "`\(Self.fileName)` has no `\(key)`", at: SourceLocation(file: path),
                                      hint: "write `version: 2026.12.1` and `date: 2026-12-05`"))
        }
        guard let version, let date else { return nil }
        return KnowledgeBaseRelease(version: version, date: date)
    }

    /// One or more runs of ASCII digits joined by single dots.
    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
