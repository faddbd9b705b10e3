import Foundation

/// JSON Schemas for profiles and for each kind of item's front matter, generated from the same
/// tables the loader checks against (`ProfileSchema`, `ItemSchema`, the enums, `KindRules`), so that
/// editors and the loader cannot disagree. Written to `Content/schemas/` by `preflight schema`.
public struct JSONSchemaGenerator: Sendable {
    public var vocabulary: Vocabulary

    /// The channels a notice may name (from the theme's words).
    public var channels: [String]

    public init(vocabulary: Vocabulary, channels: [String] = []) {
        self.vocabulary = vocabulary
        self.channels = channels.sorted()
    }

    static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// File name → schema, for every schema Preflight ships.
    public func all() -> [String: [String: Any]] {
        var schemas = ["profile.schema.json": profile()]
        for kind in Kind.allCases { schemas["item.\(kind.rawValue).schema.json"] = item(kind) }
        return schemas
    }

    /// Pretty, key-sorted JSON, ending in a newline.
    public static func text(_ schema: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: Profiles

    public func profile() -> [String: Any] {
        var root = nested(ProfileSchema.fields.filter { !$0.derived }) { self.valueSchema($0) }
        root["$schema"] = Self.draft
        root["$id"] = "https://preflight.invalid/schemas/profile.schema.json"
        root["title"] = "Preflight migration profile"
        root["required"] = ["source", "target"]
        return root
    }

    /// An object schema with nested properties for dotted paths, closed to unknown keys.
    func nested(_ fields: [FieldSpec], leaf: (FieldSpec) -> [String: Any]) -> [String: Any] {
        var properties: [String: Any] = [:]
        var groups: [String: [FieldSpec]] = [:]
        for field in fields {
            let parts = field.path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 1 {
                var schema = leaf(field)
                schema["description"] = field.help
                properties[parts[0]] = schema
            } else {
                groups[parts[0], default: []].append(FieldSpec(parts[1], field.type, field.help))
            }
        }
        for (name, children) in groups { properties[name] = nested(children, leaf: leaf) }
        return ["type": "object", "properties": properties, "additionalProperties": false]
    }

    /// What a profile may write for a field of this type (YAML numbers and strings both appear).
    func valueSchema(_ field: FieldSpec) -> [String: Any] {
        let unit = #"^\s*[0-9][0-9,_]*(\.[0-9]+)?\s*"#
        switch field.type {
        case .engine:
            return ["type": "string", "enum": vocabulary.engineNamesAndAliases]
        case .version:
            return ["type": ["string", "number"], "pattern": #"^v?[0-9]+(\.[0-9]+)*[A-Za-z0-9-]*$"#]
        case .size:
            return ["type": ["string", "integer"], "pattern": unit + #"([KMGTP]i?B|B|bytes?|[kmgtp]i?b|[KMGTPkmgtp])?\s*$"#]
        case .duration:
            return ["type": ["string", "integer"], "pattern": #"^\s*(0|([0-9]+(\.[0-9]+)?\s*[A-Za-z]+\s*,?\s*)+)$"#]
        case .percentage:
            return ["type": ["string", "number"], "pattern": unit + "%?$"]
        case .throughput:
            return ["type": "string", "pattern": unit + #"[A-Za-z]+(/[A-Za-z]+|ps)$"#]
        case .number:
            return ["type": "number", "minimum": 0]
        case .boolean:
            return ["type": "boolean"]
        case .text, .timeZone:
            if let values = vocabulary.values[field.path] { return ["type": "string", "enum": values] }
            return ["type": "string"]
        case .dateTime:
            return ["type": "string", "pattern": #"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$"#]
        case .list:
            let element: [String: Any] = vocabulary.values[field.path].map { ["type": "string", "enum": $0] } ?? ["type": "string"]
            return ["anyOf": [["type": "array", "items": element], element]]
        }
    }
}
