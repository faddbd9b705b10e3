/// Where an item (or a probe) of layered content comes from: the layer that defines it, and the
/// definitions with the same id in lower layers that it replaced.
public struct ItemOrigin: Sendable, Hashable {
    /// A definition that a higher layer replaced.
    public struct Definition: Sendable, Hashable {
        public var layer: Int
        public var file: String
    }

    /// Index into `ContentLayers.folders`: 0 is the base.
    public var layer: Int
    /// Lowest first.
    public var replaced: [Definition]

    public init(layer: Int, replaced: [Definition] = []) {
        self.layer = layer
        self.replaced = replaced
    }

    /// "from overlay `team`, replacing `Content/tips/x.md` of the base `Content`".
    public func text(in layers: ContentLayers) -> String {
        var text = "from \(layers.name(of: layer))"
        if let last = replaced.last {
            text += ", replacing `\(last.file)` of \(layers.name(of: last.layer))"
        }
        return text
    }
}
