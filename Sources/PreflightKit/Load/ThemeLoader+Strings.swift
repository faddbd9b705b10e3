import Yams

/// The words of several layers' `strings.yml`, merged by key.
extension ThemeLoader {
    /// The words of `paths` (the base's first), each laid over those before it key by key at every
    /// depth, so that an overlay can reword one kind's title (`kinds: { tip: { title: … } }`) and
    /// keep the rest. A problem is reported in the first file whose words do not read.
    func loadStrings(layers paths: [String], diagnostics: inout [Diagnostic]) -> Strings? {
        var nodes: [(path: String, node: Node)] = []
        for path in paths {
            let text: String
            switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
            case .success(let data): text = String(decoding: data, as: UTF8.self)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
            if case .failure(let diagnostic) = YAMLTree.parse(text, file: path, firstLine: 1) {
                diagnostics.append(diagnostic)
                return nil
            }
            // An empty file (or one of comments only) adds nothing.
            guard let node = try? Yams.compose(yaml: text) else { continue }
            nodes.append((path, node))
        }
        var merged: Node?
        var failure: (path: String, error: any Error)?
        for (path, node) in nodes {
            merged = merged.map { Self.lay(node, over: $0) } ?? node
            // The first file with which the words stop reading is where the problem is.
            if failure == nil, let merged, case .failure(let error) = Result(catching: { try YAMLDecoder().decode(Strings.self, from: merged) }) {
                failure = (path, error)
            }
        }
        guard let merged else { return nil }
        do {
            return try YAMLDecoder().decode(Strings.self, from: merged)
        } catch {
            let (path, first) = failure ?? (paths[paths.count - 1], error)
            diagnostics.append(.error(.invalidValue, "cannot read `strings.yml`: \(Self.describe(first))", at: SourceLocation(file: path)))
            return nil
        }
    }

    /// `upper` over `lower`: two mappings merge key by key, recursively; anything else is replaced.
    static func lay(_ upper: Node, over lower: Node) -> Node {
        guard case .mapping(let below) = lower, case .mapping(let above) = upper else { return upper }
        var pairs = below.map { ($0.key, $0.value) }
        for (key, value) in above {
            if let index = pairs.firstIndex(where: { $0.0.string == key.string }) {
                pairs[index].1 = lay(value, over: pairs[index].1)
            } else {
                pairs.append((key, value))
            }
        }
        return .mapping(Node.Mapping(pairs, below.tag, below.style, below.mark))
    }
}
