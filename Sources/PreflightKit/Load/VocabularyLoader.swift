import Foundation

/// Reads `vocabulary.yml`: engines with names, families and aliases, and accepted field values.
///
/// ```yaml
/// engines:
///   postgresql: { name: PostgreSQL, family: postgresql, aliases: [postgres, pg] }
/// values:
///   window.mode: [read-only, offline, online]
/// ```
struct VocabularyLoader {
    func load(path: String, diagnostics: inout [Diagnostic]) -> Vocabulary {
        let roles = ["roles": Role.allCases.map(\.rawValue)]
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(.warning(.vocabularyMissing, "no vocabulary file; engine names will not be recognised",
                                        at: SourceLocation(file: path), hint: "add `vocabulary.yml` with an `engines:` mapping"))
            return Vocabulary(values: roles)
        }
        let data: Data
        switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
        case .success(let contents): data = contents
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return Vocabulary(values: roles)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(FileReader.diagnostic(for: FrontMatter.firstInvalidUTF8([UInt8](data)), path: path))
            return Vocabulary(values: roles)
        }
        let tree: YAMLTree
        switch YAMLTree.parse(text, file: path, firstLine: 1) {
        case .success(let parsed): tree = parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return Vocabulary(values: roles)
        }
        var engines: [Vocabulary.Engine] = []
        var values = roles
        var terms: [String: [String]] = [:]
        var languages: [String: String] = [:]
        var families: [String: [String]] = [:]
        var environment: [String: String] = [:]
        guard case .mapping(let sections, _) = tree else { return Vocabulary(values: roles) }
        for section in sections {
            switch (section.key, section.value) {
            case ("engines", .mapping(let entries, _)):
                for entry in entries { engines.append(engine(entry, diagnostics: &diagnostics)) }
            case ("values", .mapping(let entries, _)):
                for entry in entries {
                    if ProfileSchema.field(entry.key) == nil {
                        let hint = Suggestion.closest(to: entry.key, among: ProfileSchema.paths).map { "did you mean `\($0)`?" }
                        diagnostics.append(.error(.unknownField, "`\(entry.key)` is not a profile field", at: entry.keyLocation,
                                                  hint: hint ?? "see the profile format in the README"))
                    }
                    if case .sequence(let list, _) = entry.value { values[entry.key] = list.compactMap(\.scalar) }
                }
            case ("terms", .mapping(let entries, _)):
                for entry in entries {
                    if case .sequence(let list, _) = entry.value { terms[entry.key] = list.compactMap(\.scalar) }
                }
            case ("languages", .mapping(let entries, _)):
                for entry in entries { languages[entry.key] = entry.value.scalar }
            case ("environment", .mapping(let entries, _)):
                for entry in entries { environment[entry.key] = entry.value.scalar }
            case ("families", .mapping(let entries, _)):
                for entry in entries {
                    if case .sequence(let list, _) = entry.value { families[entry.key] = list.compactMap(\.scalar) }
                }
            default:
                diagnostics.append(.error(.unknownKey, "unknown vocabulary section `\(section.key)`", at: section.keyLocation,
                                          hint: "the vocabulary has `engines:`, `values:`, `terms:`, `languages:`, `families:` and `environment:` mappings"))
            }
        }
        var vocabulary = Vocabulary(engines: engines, values: values, terms: terms)
        vocabulary.languages = languages
        vocabulary.familyWords = families
        vocabulary.environment = environment
        return vocabulary
    }

    private func engine(_ entry: YAMLTree.Entry, diagnostics: inout [Diagnostic]) -> Vocabulary.Engine {
        var name = entry.key, family = entry.key, aliases: [String] = [], path: [Version] = [], source: String?
        if case .mapping(let fields, _) = entry.value {
            for field in fields {
                switch field.key {
                case "name": name = field.value.scalar ?? name
                case "family": family = field.value.scalar ?? family
                case "aliases":
                    if case .sequence(let list, _) = field.value { aliases = list.compactMap(\.scalar) }
                case "upgrade_path":
                    guard case .sequence(let list, _) = field.value else { continue }
                    for element in list {
                        switch element.scalar.map(Version.parse) {
                        case .success(let version)?: path.append(version)
                        default:
                            diagnostics.append(.error(.unreadableValue, "`upgrade_path` holds versions", at: element.location,
                                                      hint: "write `upgrade_path: [\"4.4\", \"5.0\", \"6.0\"]`"))
                        }
                    }
                case "upgrade_source": source = field.value.scalar
                default:
                    diagnostics.append(.error(.unknownKey, "unknown engine key `\(field.key)`", at: field.keyLocation,
                                              hint: "an engine has `name`, `family`, `aliases`, `upgrade_path` and `upgrade_source`"))
                }
            }
        }
        return Vocabulary.Engine(id: entry.key, name: name, family: family, aliases: aliases, upgradePath: path,
                                 upgradeSource: source)
    }
}
