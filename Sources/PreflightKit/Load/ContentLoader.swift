import Foundation

/// Reads a content folder, and the overlays laid over it: items in parallel, then the vocabulary,
/// the theme, the probes and the profile list, each merged over the layers.
///
/// The loader cares about a few names only: `vocabulary.yml`, `risks.yml` at a layer's root,
/// `knowledge-base.yml` at the base's, `overlay.yml` at an overlay's, `theme/`, `profiles/` and
/// `probes/`. Every other `.md` file is an item, wherever it sits; files starting with `_` or `.` and
/// `README.md` files are skipped so that folders can document themselves.
public struct ContentLoader: Sendable {
    /// Files larger than this are refused rather than read (a content item is a page, not a dump).
    public static let maximumFileSize = 1 << 20

    public init() {}

    /// The content under `root` alone and every problem met while reading it.
    public func load(from root: String) -> (ContentSet, [Diagnostic]) {
        load(ContentLayers(base: root))
    }

    /// The content of every layer, laid one over the other, and every problem met while reading it.
    /// Each diagnostic names the file in its own layer.
    public func load(_ layers: ContentLayers) -> (ContentSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for (layer, folder) in layers.folders.enumerated() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.append(layer == 0
                    ? .error(.contentFolderMissing, "content folder `\(folder)` does not exist", at: SourceLocation(file: folder),
                             hint: "pass `--base DIR` or run from the folder that holds `Content/`")
                    : .error(.contentFolderMissing, "overlay folder `\(folder)` does not exist", at: SourceLocation(file: folder),
                             hint: "check `--content` and `PREFLIGHT_CONTENT`; `preflight new overlay DIR` makes one"))
                return (ContentSet(layers: layers, items: [], vocabulary: Vocabulary(), theme: Theme(), profilePaths: []), diagnostics)
            }
        }
        var unreadable: [String] = []
        let files = layers.files(unreadable: &unreadable)
        for folder in unreadable {
            diagnostics.append(.error(.unreadableFile, "cannot read the folder `\(folder)`", at: SourceLocation(file: folder),
                                      hint: "check its permissions; its items would be left out of every document"))
        }
        let vocabulary = VocabularyLoader().load(layers, diagnostics: &diagnostics)
        let decoder = ItemDecoder(vocabulary: vocabulary)
        let itemPaths = layers.folders.indices.flatMap { layer in
            files[layer].filter(Self.isItem).map { (layer: layer, path: layers.folders[layer] + "/" + $0) }
        }
        let decoded = parallelMap(itemPaths) { entry in Self.loadItem(path: entry.path, decoder: decoder) }
        var items = Array(repeating: [Item](), count: layers.count)
        for (entry, (item, problems)) in zip(itemPaths, decoded) {
            if let item { items[entry.layer].append(item) }
            diagnostics += problems
        }
        let probes = layers.folders.indices.map { layer in
            ProbeLoader().load(folder: layers.folders[layer], files: files[layer].filter { $0.hasPrefix("probes/") },
                               diagnostics: &diagnostics)
        }
        let manifests = layers.folders.indices.map { layer in
            layer == 0 ? OverlayManifest()
                : OverlayManifest(path: layers.folders[layer] + "/" + OverlayManifest.fileName, diagnostics: &diagnostics)
        }
        let layered = LayeredContent(items: items, probes: probes, manifests: manifests, layers: layers)
        diagnostics += layered.diagnostics
        let theme = ThemeLoader().load(layers.folders.indices.map { layer in
            (root: layers.folders[layer] + "/theme",
             files: files[layer].filter { $0.hasPrefix("theme/") }.map { String($0.dropFirst("theme/".count)) })
        }, diagnostics: &diagnostics)
        let profiles = layers.folders.indices.flatMap { layer in
            files[layer].filter { $0.hasPrefix("profiles/") && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) }
                .map { layers.folders[layer] + "/" + $0 }
        }
        var content = ContentSet(layers: layers, items: layered.items, vocabulary: vocabulary, theme: theme, profilePaths: profiles)
        content.origins = layered.origins
        content.disabled = layered.disabled
        content.probes = layered.probes
        content.riskRules = RiskRulesLoader(conditions: ConditionParser(vocabulary: vocabulary))
            .load(paths: layers.folders.map { $0 + "/risks.yml" }, diagnostics: &diagnostics)
        content.release = KnowledgeBaseReleaseLoader().load(root: layers.base, diagnostics: &diagnostics)
        return (content, diagnostics)
    }

    /// Whether a file of a layer, relative to its folder, is an item.
    static func isItem(_ path: String) -> Bool {
        guard path.hasSuffix(".md"), !path.hasPrefix("theme/"), !path.hasPrefix("profiles/"), !path.hasPrefix("probes/") else {
            return false
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return !name.hasPrefix("_") && !name.hasPrefix(".") && name != "README.md"
    }

    static func loadItem(path: String, decoder: ItemDecoder) -> (Item?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let data: Data
        switch FileReader.read(path, limit: maximumFileSize) {
        case .success(let contents): data = contents
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let defaultID = String((path.split(separator: "/").last ?? "").dropLast(3))
        switch FrontMatter.split(data) {
        case .failure(let error):
            return (nil, [FileReader.diagnostic(for: error, path: path)])
        case .success(let split):
            switch YAMLTree.parse(split.yaml, file: path, firstLine: split.yamlLine) {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let tree):
                let item = decoder.decode(tree, body: split.body, bodyLine: split.bodyLine, file: path,
                                          defaultID: defaultID, diagnostics: &diagnostics)
                return (item, diagnostics)
            }
        }
    }
}
