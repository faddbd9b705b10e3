import Foundation

/// Writes what `inspect` measured into a profile's YAML text, changing only what it must: a value
/// that agrees with the measurement keeps its line, its form and its comments; one that disagrees is
/// replaced and the old value kept in a comment; a missing one is added. Every written value carries
/// `# measured <when>`.
public struct ProfileMerge: Sendable {
    /// What happened to one field.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable { case agrees, replaced, added, leftAlone = "left alone" }
        public var field: String
        public var measured: String
        public var previous: String?
        public var kind: Kind
    }

    /// The measured values by profile field, in profile syntax (`1.2 GB`, `[pgcrypto, postgis]`).
    public var values: [(field: String, value: String)]
    /// `measured 2026-12-04 10:02 UTC`.
    public var label: String

    /// The profile fields of a report's facts; `server.*` facts are for the report only.
    public init(report: InspectReport) {
        var values: [(String, String)] = [("source.engine", "postgresql")]
        for fact in report.facts where !fact.measures.hasPrefix("server.") {
            if let items = fact.items {
                values.append((fact.measures, "[" + items.map { $0.split(separator: " ").first.map(String.init) ?? $0 }
                    .joined(separator: ", ") + "]"))
            } else if let parts = fact.parts, ProfileSchema.isGroup(fact.measures) {
                for key in parts.keys.sorted() where ProfileSchema.field(fact.measures + "." + key) != nil {
                    values.append((fact.measures + "." + key, parts[key]!))
                }
            } else if !fact.value.isEmpty {
                values.append((fact.measures, fact.value))
            }
        }
        self.values = values
        label = report.measuredLabel
    }

    /// The merged text and what changed. `existing` is the profile (nil for a new one), `current` its
    /// loaded values and where each was written.
    public func merge(into existing: String?, current: Profile?, newID: String) -> (text: String, changes: [Change]) {
        var editor = YAMLLineEditor(text: existing ?? "# Measured by `preflight inspect`; complete the rest by hand, starting with the target:\n# target: { engine: postgresql, version: \"18\" }\nid: \(newID)\n")
        var changes: [Change] = []
        var additions: [(field: String, value: String)] = []
        for (field, value) in values {
            let previous = current?.values[field]
            if let previous, Self.agrees(previous, value) {
                changes.append(Change(field: field, measured: value, previous: previous.description, kind: .agrees))
                continue
            }
            if previous != nil, let location = current?.locations[field] {
                let key = String(field.split(separator: ".").last!)
                let done = editor.replace(key: key, at: location.line, column: location.column, with: value,
                                          label: label, note: "\(key) was \(previous!.description)")
                changes.append(Change(field: field, measured: value, previous: previous!.description, kind: done ? .replaced : .leftAlone))
            } else {
                additions.append((field, value))
                changes.append(Change(field: field, measured: value, previous: nil, kind: .added))
            }
        }
        // Leaves of a group none of whose fields is written go in as one flow mapping
        // (`largest_table: { name: orders, size: 410 GB }`), so no key is written twice.
        var grouped: [String: [(String, String)]] = [:]
        for (field, value) in additions where field.split(separator: ".").count == 3 {
            let group = String(field[..<field.lastIndex(of: ".")!])
            if current?.values.keys.contains(where: { $0.hasPrefix(group + ".") }) != true {
                grouped[group, default: []].append((String(field.split(separator: ".").last!), value))
            }
        }
        let inGroups = Set(grouped.keys)
        for (field, value) in additions {
            let parts = field.split(separator: ".")
            let group = parts.dropLast().joined(separator: ".")
            if parts.count == 3, let leaves = grouped.removeValue(forKey: group) {
                editor.add(field: group, value: "{ " + leaves.map { "\($0): \($1)" }.joined(separator: ", ") + " }", label: label)
            } else if parts.count != 3 || !inGroups.contains(group) {
                editor.add(field: field, value: value, label: label)
            }
        }
        return (editor.text, changes)
    }

    /// Whether a written value and a measurement say the same: versions at the precision written
    /// (`12` agrees with `12.17`), sizes and counts within 10%, lists as sets.
    static func agrees(_ written: FieldValue, _ measured: String) -> Bool {
        switch written {
        case .version(let version):
            guard case .success(let other) = Version.parse(measured) else { return false }
            return other.compare(atPrecisionOf: version) == 0
        case .size(let size):
            guard case .success(let other) = DataSize.parse(measured) else { return false }
            return abs(other.bytes - size.bytes) <= 0.1 * max(size.bytes, 1)
        case .number(let number):
            guard let other = Double(measured) else { return false }
            return abs(other - number) <= 0.1 * max(abs(number), 1)
        case .duration(let span):
            guard case .success(let other) = TimeSpan.parse(measured) else { return false }
            return abs(other.seconds - span.seconds) <= 0.1 * max(span.seconds, 60)
        case .list(let items):
            let measuredItems = measured.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Set(items.map { $0.lowercased() }) == Set(measuredItems.map { $0.lowercased() })
        default:
            return written.description == measured
        }
    }
}
