import Foundation

/// Reads `theme/templates/*.mustache` and `theme/static/**`.
struct ThemeLoader {
    func load(root: String, files: [String], diagnostics: inout [Diagnostic]) -> Theme {
        var theme = Theme()
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
            } else if file.hasPrefix("static/") {
                switch FileReader.read(path, limit: 8 << 20) {
                case .success(let data): theme.assets[String(file.dropFirst("static/".count))] = [UInt8](data)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        return theme
    }
}
