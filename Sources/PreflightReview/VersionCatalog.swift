import Foundation
import PreflightKit

/// Which settings, functions, views and catalog columns exist in which versions of one engine, read
/// from `catalog/<engine>.yml` in the content folder.
///
/// Versions read as written: `since: "13"` is 13 and later, `removed: "13"` is every version before 13,
/// and a range (`"16..18"`) says the change happened somewhere in it, so versions inside are not judged.
public struct VersionCatalog: Sendable {
    public enum Kind: String, Sendable { case setting, function, view, column, command, variable }

    public struct Entry: Sendable {
        public var name: String
        public var kind: Kind
        /// The table or view a column belongs to.
        public var of: String?
        public var since: Span?
        public var removed: Span?
        public var source: String?
    }

    /// A version, or the range a change is known to lie in.
    public struct Span: Sendable {
        public var lowerBound: Version
        public var upperBound: Version
    }

    public enum Presence: Sendable, Equatable {
        case present, unknown
        case absent(String)
    }

    public var engine: String
    public var entries: [Entry]

    public init(engine: String, entries: [Entry]) {
        self.engine = engine
        self.entries = entries
    }

    /// Whether `entry` exists in `version`, with the reason when it does not.
    public static func presence(of entry: Entry, in version: Version) -> Presence {
        if let since = entry.since {
            if version.compare(atPrecisionOf: since.lowerBound) < 0 { return .absent("exists from \(since.lowerBound)") }
            if version.compare(atPrecisionOf: since.upperBound) < 0 { return .unknown }
        }
        if let removed = entry.removed {
            if version.compare(atPrecisionOf: removed.upperBound) >= 0 { return .absent("was removed in \(removed.upperBound)") }
            if version.compare(atPrecisionOf: removed.lowerBound) >= 0 { return .unknown }
        }
        return .present
    }

    /// Every `*.yml` catalog under `folder`, by engine; a missing folder is no catalog, not an error.
    public static func load(folder: String) -> [String: VersionCatalog] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yml") && !$0.contains("-facts") }.sorted()
        var result: [String: VersionCatalog] = [:]
        for file in files {
            guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8),
                  case .success(let tree) = YAMLTree.parse(text, file: file, firstLine: 1),
                  let catalog = parse(tree) else { continue }
            result[catalog.engine] = catalog
        }
        return result
    }

    static func parse(_ tree: YAMLTree) -> VersionCatalog? {
        guard case .mapping(let top, _) = tree,
              let engine = top.first(where: { $0.key == "engine" })?.value.scalar,
              case .sequence(let items, _)? = top.first(where: { $0.key == "entries" })?.value else { return nil }
        let entries = items.compactMap { item -> Entry? in
            guard case .mapping(let fields, _) = item else { return nil }
            let value = { (key: String) in fields.first(where: { $0.key == key })?.value.scalar }
            guard let name = value("name"), let kind = value("kind").flatMap(Kind.init(rawValue:)) else { return nil }
            return Entry(name: name, kind: kind, of: value("of"), since: value("since").flatMap(range),
                         removed: value("removed").flatMap(range), source: value("source"))
        }
        return VersionCatalog(engine: engine, entries: entries)
    }

    /// `"13"` or `"16..18"`.
    static func range(_ text: String) -> Span? {
        let parts = text.components(separatedBy: "..")
        guard case .success(let low)? = parts.first.map(Version.parse),
              case .success(let high)? = parts.last.map(Version.parse) else { return nil }
        return low.compare(atPrecisionOf: high) <= 0 ? Span(lowerBound: low, upperBound: high) : nil
    }
}
