/// The items and probes of every layer laid one over the other, lowest first, each overlay's
/// `disable` applied to what lies below it before its own items are added.
struct LayeredContent {
    var items: [Item] = []
    var probes: [Probe] = []
    var origins: [String: ItemOrigin] = [:]
    /// Disabled ids that no higher layer defines again, with the entry that disabled them.
    var disabled: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - items: each layer's items, the base's first.
    ///   - probes: each layer's probes, the base's first.
    ///   - manifests: each layer's `overlay.yml` (the base's is never read).
    init(items: [[Item]], probes: [[Probe]], manifests: [OverlayManifest], layers: ContentLayers) {
        var itemLayers = LayerMerge<Item>(id: \.id, file: \.file)
        var probeLayers = LayerMerge<Probe>(id: \.id, file: \.location.file)
        for layer in 0..<layers.count {
            for (id, location) in manifests[layer].disable {
                let wasItem = itemLayers.disable(id), wasProbe = probeLayers.disable(id)
                if wasItem || wasProbe {
                    disabled[id] = location
                    continue
                }
                let known = Array(itemLayers.known.union(probeLayers.known)).sorted()
                let below = layer == 1 ? "the base" : "the layers below it"
                diagnostics.append(.error(.unknownDisabled, "`disable` names `\(id)`, which no item or probe of \(below) has",
                                          at: location,
                                          hint: Suggestion.closest(to: id, among: known).map { "did you mean `\($0)`?" }
                                            ?? "ids are file names unless the item's `id:` says otherwise"))
            }
            itemLayers.add(items[layer], layer: layer)
            probeLayers.add(probes[layer], layer: layer)
            for item in items[layer] { disabled[item.id] = nil }
            for probe in probes[layer] { disabled[probe.id] = nil }
        }
        self.items = itemLayers.elements
        self.probes = probeLayers.elements
        origins = itemLayers.origins.merging(probeLayers.origins) { item, _ in item }
    }
}
