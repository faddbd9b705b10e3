import Foundation

/// Reads migration profiles from YAML files or from command-line flags into typed `Profile`s.
public struct ProfileLoader: Sendable {
    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// Fields without which no guidance can be selected.
    public static let required = ["source.engine", "target.engine"]

    /// Profiles larger than this are refused: a profile is a page of settings.
    public static let maximumFileSize = 256 << 10

    public func load(path: String) -> (Profile?, [Diagnostic]) {
        let data: Data
        switch FileReader.read(path, limit: Self.maximumFileSize) {
        case .success(let contents): data = contents
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [FileReader.diagnostic(for: FrontMatter.firstInvalidUTF8(bytes), path: path)])
        }
        if text.allSatisfy(\.isWhitespace) {
            return (nil, [FileReader.diagnostic(for: .empty, path: path)])
        }
        switch YAMLTree.parse(text, file: path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let tree):
            guard case .mapping(let entries, let location) = tree else {
                return (nil, [.error(.profileNotMapping, "a profile must be a mapping of fields, found \(tree.shape)", at: tree.location,
                                     hint: "start with `id:`, `source:` and `target:`")])
            }
            var builder = ProfileBuilder(vocabulary: vocabulary, origin: path)
            builder.read(entries, prefix: "")
            let defaultID = String((path.split(separator: "/").last ?? "profile").split(separator: ".").first ?? "profile")
            return builder.finish(defaultID: defaultID, location: location)
        }
    }

    /// A profile from `--source postgresql@12 --size 1TB …`: each flag names a profile field.
    public func load(flags: [(path: String, value: String)], id: String?) -> (Profile?, [Diagnostic]) {
        var builder = ProfileBuilder(vocabulary: vocabulary, origin: "<flags>")
        for (path, value) in flags {
            builder.assign(text: value, to: path, listSeparator: ",", at: SourceLocation(file: "<flags>"))
        }
        return builder.finish(defaultID: id ?? "quick", location: SourceLocation(file: "<flags>"))
    }
}

/// Accumulates typed field values and the problems found while reading them.
struct ProfileBuilder {
    var vocabulary: Vocabulary
    var origin: String
    var values: [String: FieldValue] = [:]
    var locations: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []
    /// Fields written with a bad value; they are not reported again as missing.
    var rejected: Set<String> = []

    init(vocabulary: Vocabulary, origin: String) {
        self.vocabulary = vocabulary
        self.origin = origin
    }

    mutating func read(_ entries: [YAMLTree.Entry], prefix: String) {
        for entry in entries {
            let path = prefix.isEmpty ? entry.key : prefix + "." + entry.key
            if let field = ProfileSchema.field(path), !field.derived {
                switch (field.type, entry.value) {
                case (.list, .sequence(let elements, _)):
                    append(path, elements.compactMap { element in
                        if let text = element.scalar { return text }
                        diagnostics.append(.error(.profileListShape, "`\(path)` holds single values, found \(element.shape)",
                                                  at: element.location, hint: "write `\(entry.key): [a, b]`"))
                        return nil
                    }, at: entry.keyLocation)
                case (.list, .scalar(let text, _)):
                    append(path, [text], at: entry.keyLocation)
                case (_, .scalar(let text, let location)):
                    assign(path, text, at: location, keyLocation: entry.keyLocation)
                case (_, .null):
                    break
                default:
                    diagnostics.append(.error(.profileListShape, "`\(path)` takes \(field.type.phrase), found \(entry.value.shape)",
                                              at: entry.value.location, hint: "write `\(entry.key): value`"))
                }
            } else if ProfileSchema.isGroup(path), case .mapping(let children, _) = entry.value {
                read(children, prefix: path)
            } else if ProfileSchema.isGroup(path) {
                let example = ProfileSchema.paths.first { $0.hasPrefix(path + ".") } ?? path
                diagnostics.append(.error(.profileListShape, "`\(path)` is a group of fields, found \(entry.value.shape)",
                                          at: entry.value.location, hint: "write its fields beneath it, such as `\(example)`"))
            } else {
                let candidates = ProfileSchema.fields.filter { !$0.derived }.map(\.path)
                let hint = Suggestion.closest(to: path, among: candidates).map { "did you mean `\($0)`?" }
                    ?? "see the profile format in the README"
                diagnostics.append(.error(.unknownProfileField, "`\(path)` is not a profile field", at: entry.keyLocation, hint: hint))
            }
        }
    }

    mutating func assign(_ path: String, _ text: String, at location: SourceLocation, keyLocation: SourceLocation? = nil) {
        guard let field = ProfileSchema.field(path), !field.derived else {
            let hint = Suggestion.closest(to: path, among: ProfileSchema.paths).map { "did you mean `\($0)`?" }
            diagnostics.append(.error(.unknownProfileField, "`\(path)` is not a profile field", at: location,
                                      hint: hint ?? "see the profile format in the README"))
            return
        }
        switch field.type.parse(text, vocabulary: vocabulary) {
        case .success(var value):
            if case .text(let word) = value {
                switch accepted(word, path: path, at: location) {
                case .some(let canonical): value = .text(canonical)
                case .none:
                    rejected.insert(path)
                    return
                }
            }
            if let problem = ProfileSchema.outOfRange(value, path: path) {
                diagnostics.append(.error(.unknownProfileValue, "`\(text)` \(problem) (`\(path)`)", at: location,
                                          hint: "check the number and its unit"))
                rejected.insert(path)
                return
            }
            values[path] = value
            locations[path] = keyLocation ?? location
        case .failure(let error):
            diagnostics.append(.error(.unknownProfileValue, "\(error.message) (`\(path)` takes \(field.type.phrase))", at: location,
                                      hint: error.hint))
            rejected.insert(path)
        }
    }

    /// A field written as plain text outside YAML (a flag, an inventory cell): `source` and `target`
    /// as `engine@version`, a list field split at `listSeparator`, anything else as one value.
    mutating func assign(text value: String, to path: String, listSeparator: Character, at location: SourceLocation) {
        if path == "source" || path == "target" {
            let parts = value.split(separator: "@", maxSplits: 1).map(String.init)
            assign(path + ".engine", parts.first ?? "", at: location)
            if parts.count == 2 { assign(path + ".version", parts[1], at: location) }
        } else if ProfileSchema.field(path)?.type == .list {
            append(path, value.split(separator: listSeparator).map { String($0).trimmingSpaces }, at: location)
        } else {
            assign(path, value, at: location)
        }
    }

    mutating func append(_ path: String, _ words: [String], at location: SourceLocation) {
        var words = words
        if vocabulary.values[path] != nil {
            words = words.compactMap { accepted($0, path: path, at: location) }
        }
        var existing: [String] = []
        if case .list(let list)? = values[path] { existing = list }
        existing += words
        values[path] = .list(existing)
        locations[path] = location
    }

    /// The accepted value `word` stands for in a field with a list of values (itself, or what the
    /// vocabulary's aliases say people mean by it), or nil with the problem reported: an ambiguous
    /// word lists its candidates, an unknown one the nearest value.
    mutating func accepted(_ word: String, path: String, at location: SourceLocation) -> String? {
        switch vocabulary.resolve(word, in: path) {
        case nil: return word
        case .value(let canonical)?: return canonical
        case .ambiguous(let candidates)?:
            diagnostics.append(.error(.unknownProfileValue, "`\(word)` is ambiguous for `\(path)`", at: location,
                                      hint: "say which: " + candidates.joined(separator: ", ")))
        case .unknown(let allowed)?:
            let hint = Suggestion.closest(to: word, among: allowed).map { "did you mean `\($0)`?" }
                ?? "accepted values: \(allowed.joined(separator: ", "))"
            diagnostics.append(.error(.unknownProfileValue, "`\(word)` is not a value of `\(path)`", at: location, hint: hint))
        }
        return nil
    }

    mutating func finish(defaultID: String, location: SourceLocation) -> (Profile?, [Diagnostic]) {
        for path in ProfileLoader.required where values[path] == nil && !rejected.contains(path) {
            diagnostics.append(.error(.profileNotMapping, "the profile does not name `\(path)`", at: location,
                                      hint: "add `\(path.split(separator: ".")[0]): { engine: …, version: … }`"))
        }
        var id = defaultID
        if case .text(let written)? = values["id"] { id = written }
        if !ItemSchema.isValidID(id) {
            diagnostics.append(.error(.invalidID, "`\(id)` is not a valid profile id", at: locations["id"] ?? location,
                                      hint: "use lower-case letters, digits, `-`, `_` and `.`; it names the output folder"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var name = id
        if case .text(let written)? = values["name"] { name = written }
        var profile = Profile(id: id, name: name, values: values, locations: locations, origin: origin)
        profile.location = location
        profile.values["id"] = .text(id)
        profile.values["name"] = .text(name)
        profile.derive(using: vocabulary)
        return (profile, diagnostics)
    }
}
