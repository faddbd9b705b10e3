import Foundation

/// `overlay.yml` at the root of an overlay: the ids of items and probes below it that the overlay
/// takes out of every document.
///
/// ```yaml
/// disable:
///   - pg15-public-schema-create
/// ```
struct OverlayManifest: Sendable {
    static let fileName = "overlay.yml"

    /// Each disabled id with where it is written, for "did you mean" at the entry.
    var disable: [(id: String, location: SourceLocation)] = []

    init() {}

    /// Reads the file; a folder without one disables nothing.
    init(path: String, diagnostics: inout [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let text: String
        switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
        case .success(let data): text = String(decoding: data, as: UTF8.self)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return
        }
        let tree: YAMLTree
        switch YAMLTree.parse(text, file: path, firstLine: 1) {
        case .success(let parsed): tree = parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return
        }
        let hint = "write `disable: [item-id, …]`"
        switch tree {
        case .null: return  // only comments: nothing disabled
        case .mapping(let entries, _):
            for entry in entries {
                guard entry.key == "disable" else {
                    diagnostics.append(.error(.unknownKey, "`overlay.yml` has no key `\(entry.key)`", at: entry.keyLocation,
                                              hint: "it takes `disable:`, a list of the ids to leave out"))
                    continue
                }
                switch entry.value {
                case .null: continue
                case .sequence(let ids, _):
                    for element in ids {
                        guard let id = element.scalar, !id.isEmpty else {
                            diagnostics.append(.error(.invalidValue, "`disable` lists ids, not \(element.shape)", at: element.location, hint: hint))
                            continue
                        }
                        disable.append((id, element.location))
                    }
                default:
                    diagnostics.append(.error(.invalidValue, "`disable` is a list of ids, not \(entry.value.shape)", at: entry.value.location,
                                              hint: hint))
                }
            }
        default:
            diagnostics.append(.error(.frontMatterNotMapping, "`overlay.yml` is not a mapping", at: tree.location, hint: hint))
        }
    }
}
