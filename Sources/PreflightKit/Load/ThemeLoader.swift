import Foundation
import Yams

/// Reads `theme/templates/*.mustache`, `theme/static/**` and `theme/strings.yml` of every layer:
/// templates and static files merge by path, the higher layer's winning, and the words of
/// `strings.yml` by key (see `ThemeLoader+Strings.swift`).
struct ThemeLoader {
    /// - Parameter layers: each layer's theme folder and the files in it relative to that folder, the base's first.
    func load(_ layers: [(root: String, files: [String])], diagnostics: inout [Diagnostic]) -> Theme {
        var theme = Theme()
        var strings: [String] = []
        for (root, files) in layers {
            for file in files {
                let path = root + "/" + file
                if file.hasPrefix("templates/"), file.hasSuffix(".mustache") {
                    let name = String(file.dropFirst("templates/".count).dropLast(".mustache".count))
                    switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
                    case .success(let data):
                        guard let source = String(data: data, encoding: .utf8) else {
                            diagnostics.append(FileReader.diagnostic(for: FrontMatter.firstInvalidUTF8([UInt8](data)), path: path))
                            continue
                        }
                        theme.templates[name] = (source, path)
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                } else if file == "strings.yml" {
                    strings.append(path)
                } else if file.hasPrefix("static/") {
                    switch FileReader.read(path, limit: 8 << 20) {
                    case .success(let data): theme.assets[String(file.dropFirst("static/".count))] = [UInt8](data)
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                }
            }
        }
        switch strings.count {
        case 0:
            diagnostics.append(.error(.themeFileMissing, "the theme has no `strings.yml`", at: SourceLocation(file: layers[0].root),
                                      hint: "copy `theme/strings.yml` from the shipped content and reword it"))
        case 1:
            theme.strings = loadStrings(strings[0], diagnostics: &diagnostics) ?? Strings()
        default:
            theme.strings = loadStrings(layers: strings, diagnostics: &diagnostics) ?? Strings()
        }
        return theme
    }

    func loadStrings(_ path: String, diagnostics: inout [Diagnostic]) -> Strings? {
        let text: String
        switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
        case .success(let data): text = String(decoding: data, as: UTF8.self)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        // Syntax errors with their position first; then the shape.
        if case .failure(let diagnostic) = YAMLTree.parse(text, file: path, firstLine: 1) {
            diagnostics.append(diagnostic)
            return nil
        }
        do {
            return try YAMLDecoder().decode(Strings.self, from: text)
        } catch {
            diagnostics.append(.error(.invalidValue, "cannot read `strings.yml`: \(Self.describe(error))", at: SourceLocation(file: path)))
        }
        return nil
    }

    /// A decoding error as the path of keys where it happened and what was wrong there.
    static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "`\(path(context).isEmpty ? key.stringValue : path(context) + "." + key.stringValue)` is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "`\(path(context))`: \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "`\(path(context))`: \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
