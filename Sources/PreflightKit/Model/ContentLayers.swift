/// The folders a knowledge base is read from: a base, and overlays laid over it in order.
///
/// An overlay holds what a team adds or changes without forking the base: an item with a new id is
/// added, one with the id of an item below replaces it, and `overlay.yml` may disable items below
/// by id. Of two overlays, the later wins.
public struct ContentLayers: Sendable, Hashable {
    /// The knowledge base built on.
    public var base: String
    /// Overlay folders, lowest first.
    public var overlays: [String]

    public init(base: String, overlays: [String] = []) {
        self.base = Self.trimmed(base)
        self.overlays = overlays.map(Self.trimmed)
    }

    /// Every folder, the base first, as given but without a trailing slash.
    public var folders: [String] { [base] + overlays }

    public var count: Int { overlays.count + 1 }

    /// The folder new files go into: the last overlay, or the base when there is none.
    public var top: String { overlays.last ?? base }

    /// How messages name a layer: "the base `Content`", "overlay `team`".
    public func name(of layer: Int) -> String {
        layer == 0 ? "the base `\(base)`" : "overlay `\(folders[layer])`"
    }

    /// The layer a path lies in and the path relative to that folder; when one layer's folder lies
    /// inside another's, the innermost. Nil for a path outside every layer.
    public func locate(_ path: String) -> (layer: Int, relative: String)? {
        var found: (layer: Int, relative: String)?
        for (index, folder) in folders.enumerated() {
            let prefix = folder == "/" ? "/" : folder + "/"
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if found.map({ relative.count < $0.relative.count }) ?? true { found = (index, relative) }
        }
        return found
    }

    /// `Content/` and `Content` name one folder; messages and file paths use the second.
    static func trimmed(_ folder: String) -> String {
        folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }
}
