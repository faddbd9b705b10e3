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
    static let roles = ["roles": Role.allCases.map(\.rawValue)]

    /// The vocabulary of the base laid under each overlay's, by key (see `lay(_:over:)`). The base
    /// must have one; an overlay may leave it out.
    func load(_ layers: ContentLayers, diagnostics: inout [Diagnostic]) -> Vocabulary {
        var merged: YAMLTree?
        for (layer, folder) in layers.folders.enumerated() {
            let path = folder + "/vocabulary.yml"
            guard FileManager.default.fileExists(atPath: path) else {
                if layer > 0 { continue }
                diagnostics.append(.error(.vocabularyMissing, "the content folder has no `vocabulary.yml`",
                                          at: SourceLocation(file: path),
                                          hint: "every content folder needs one (engines, accepted values); copy the shipped one to start from"))
                return Vocabulary(values: Self.roles)
            }
            guard let tree = read(path, diagnostics: &diagnostics) else {
                if layer > 0 { continue }
                return Vocabulary(values: Self.roles)
            }
            merged = merged.map { Self.lay(tree, over: $0) } ?? tree
        }
        return merged.map { decode($0, diagnostics: &diagnostics) } ?? Vocabulary(values: Self.roles)
    }

    /// One file's tree, or nil after reporting why it cannot be read.
    private func read(_ path: String, diagnostics: inout [Diagnostic]) -> YAMLTree? {
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
        case .success(let parsed): return parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The vocabulary a (merged) tree states. Every node keeps the file it was written in, so a
    /// problem is reported in the layer that has it.
    func decode(_ tree: YAMLTree, diagnostics: inout [Diagnostic]) -> Vocabulary {
        let roles = Self.roles
        var engines: [Vocabulary.Engine] = []
        var values = roles
        var terms: [String: [String]] = [:]
        var languages: [String: String] = [:]
        var families: [String: [String]] = [:]
        var environment: [String: String] = [:]
        var valueAliases: [String: [String: [String]]] = [:]
        var aliasLocations: [String: [String: SourceLocation]] = [:]
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
            case ("aliases", .sequence(let groups, _)):
                for group in groups { aliases(group, into: &valueAliases, locations: &aliasLocations, diagnostics: &diagnostics) }
            case ("environment", .mapping(let entries, _)):
                for entry in entries { environment[entry.key] = entry.value.scalar }
            case ("families", .mapping(let entries, _)):
                for entry in entries {
                    if case .sequence(let list, _) = entry.value { families[entry.key] = list.compactMap(\.scalar) }
                }
            default:
                diagnostics.append(.error(.unknownKey, "unknown vocabulary section `\(section.key)`", at: section.keyLocation,
                                          hint: "the vocabulary has `engines:`, `values:`, `terms:`, `languages:`, `families:` and `environment:` mappings and an `aliases:` list"))
            }
        }
        var vocabulary = Vocabulary(engines: engines, values: values, terms: terms)
        vocabulary.languages = languages
        vocabulary.familyWords = families
        vocabulary.environment = environment
        vocabulary.valueAliases = valueAliases
        for (field, words) in valueAliases.sorted(by: { $0.key < $1.key }) {
            for (word, targets) in words.sorted(by: { $0.key < $1.key }) {
                for target in targets where !(values[field] ?? []).contains(target) {
                    diagnostics.append(.error(.unknownValue, "the alias `\(word)` of `\(field)` names `\(target)`, which is not one of its values",
                                              at: aliasLocations[field]?[word] ?? tree.location,
                                              hint: Suggestion.closest(to: target, among: values[field] ?? []).map { "did you mean `\($0)`?" }))
                }
            }
        }
        return vocabulary
    }

    /// `- { fields: [source.hosting, target.hosting], words: { aws-rds: rds, azure: [azure-vm, azure-sql-database] } }`
    private func aliases(_ group: YAMLTree, into result: inout [String: [String: [String]]],
                         locations: inout [String: [String: SourceLocation]], diagnostics: inout [Diagnostic]) {
        guard case .mapping(let pairs, _) = group,
              case .sequence(let fields, _)? = pairs.first(where: { $0.key == "fields" })?.value,
              case .mapping(let words, _)? = pairs.first(where: { $0.key == "words" })?.value else {
            diagnostics.append(.error(.invalidValue, "an alias group is `{ fields: [field, …], words: { word: value } }`", at: group.location))
            return
        }
        for field in fields.compactMap(\.scalar) {
            for word in words {
                let targets: [String]
                switch word.value {
                case .scalar(let value, _): targets = [value]
                case .sequence(let list, _): targets = list.compactMap(\.scalar)
                default: targets = []
                }
                result[field, default: [:]][word.key.lowercased()] = targets
                locations[field, default: [:]][word.key.lowercased()] = word.keyLocation
            }
        }
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
