/// One migration, as its team describes it: typed field values keyed by their dotted path.
///
/// Keeping values in one typed map (rather than a property per field) is what lets conditions,
/// templates and `explain` treat every field alike; typed accessors live in `Profile+Accessors.swift`.
public struct Profile: Sendable {
    public var id: String
    public var name: String
    public var values: [String: FieldValue]
    /// Where each field was written, for diagnostics about the profile itself.
    public var locations: [String: SourceLocation]
    /// The profile file, `file:line` for an inventory row, or `<flags>` for a profile given on the command line.
    public var origin: String
    /// What `preflight inspect` measured on the source, when the build was given its findings
    /// (`--findings`): shown as evidence on the checklist and used to rule strategies out.
    public var measured: InspectReport?
    /// Where the profile as a whole starts (its file, or its inventory row), for problems with no field of their own.
    public var location: SourceLocation

    public init(id: String, name: String, values: [String: FieldValue] = [:],
                locations: [String: SourceLocation] = [:], origin: String) {
        self.id = id
        self.name = name
        self.values = values
        self.locations = locations
        self.origin = origin
        location = SourceLocation(file: origin, line: 1, column: 1)
    }

    public subscript(path: String) -> FieldValue? { values[path] }

    /// Adds the fields that follow from others (engine families, whether the engine changes).
    public mutating func derive(using vocabulary: Vocabulary) {
        if case .engine(let source)? = values["source.engine"] {
            values["source.family"] = .engine(vocabulary.family(of: source))
        }
        if case .engine(let target)? = values["target.engine"] {
            values["target.family"] = .engine(vocabulary.family(of: target))
        }
        if case .engine(let source)? = values["source.family"], case .engine(let target)? = values["target.family"] {
            values["migration.cross_engine"] = .boolean(source != target)
            if source == target, case .version(let from)? = values["source.version"], case .version(let to)? = values["target.version"] {
                // Compared at the shorter precision: 14 → 14.12 is no upgrade, 12.17 → 15 is.
                let precise = from.components.count <= to.components.count ? from : to
                let other = precise == from ? to : from
                let order = other.compare(atPrecisionOf: precise)
                values["migration.upgrade"] = .boolean(precise == from ? order > 0 : order < 0)
            }
        }
    }

    /// Nested dictionaries for Mustache (`{{target.version}}`), values as display strings.
    public func templateContext(vocabulary: Vocabulary) -> [String: Any] {
        var root: [String: Any] = ["id": id, "name": name]
        for (path, value) in values {
            var keys = path.split(separator: ".").map(String.init)
            let last = keys.removeLast()
            let text: Any
            switch value {
            case .engine(let engine): text = vocabulary.displayName(engine)
            case .list(let items): text = items.joined(separator: ", ")
            case .boolean(let flag): text = flag
            default: text = value.description
            }
            root = Self.insert(text, at: keys, last: last, into: root)
        }
        return root
    }

    private static func insert(_ value: Any, at keys: [String], last: String, into dictionary: [String: Any]) -> [String: Any] {
        var dictionary = dictionary
        guard let first = keys.first else {
            dictionary[last] = value
            return dictionary
        }
        let child = dictionary[first] as? [String: Any] ?? [:]
        dictionary[first] = insert(value, at: Array(keys.dropFirst()), last: last, into: child)
        return dictionary
    }
}
