import Foundation

/// Reads a content folder: items in parallel, then the vocabulary, the theme and the profile list.
///
/// The loader cares about a few names only: `vocabulary.yml`, `risks.yml` and `knowledge-base.yml` at
/// the root, `theme/`, `profiles/` and `probes/`.
/// Every other `.md` file is an item, wherever it sits; files starting with `_` or `.` and
/// `README.md` files are skipped so that folders can document themselves.
public struct ContentLoader: Sendable {
    /// Files larger than this are refused rather than read (a content item is a page, not a dump).
    public static let maximumFileSize = 1 << 20

    public init() {}

    /// The content under `root` and every problem met while reading it.
    public func load(from root: String) -> (ContentSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error(.contentFolderMissing, "content folder `\(base)` does not exist", at: SourceLocation(file: base),
                                      hint: "pass `--content DIR` or run from the folder that holds `Content/`"))
            return (ContentSet(root: base, items: [], vocabulary: Vocabulary(), theme: Theme(), profilePaths: []), diagnostics)
        }
        var unreadable: [String] = []
        let all = Self.walk(base, unreadable: &unreadable)
        for folder in unreadable {
            diagnostics.append(.error(.unreadableFile, "cannot read the folder `\(folder)`", at: SourceLocation(file: base + "/" + folder),
                                      hint: "check its permissions; its items would be left out of every document"))
        }
        let vocabulary = VocabularyLoader().load(path: base + "/vocabulary.yml", diagnostics: &diagnostics)
        let itemFiles = all.filter { !$0.hasPrefix("theme/") && !$0.hasPrefix("profiles/") && !$0.hasPrefix("probes/") && $0.hasSuffix(".md") }
            .filter { path in
                let name = path.split(separator: "/").last.map(String.init) ?? path
                return !name.hasPrefix("_") && !name.hasPrefix(".") && name != "README.md"
            }
        let decoder = ItemDecoder(vocabulary: vocabulary)
        let files = parallelMap(itemFiles) { relative in Self.loadItem(path: base + "/" + relative, decoder: decoder) }
        var items: [Item] = []
        for (item, problems) in files {
            if let item { items.append(item) }
            diagnostics += problems
        }
        let theme = ThemeLoader().load(root: base + "/theme", files: all.filter { $0.hasPrefix("theme/") }
            .map { String($0.dropFirst("theme/".count)) }, diagnostics: &diagnostics)
        let profiles = all.filter { $0.hasPrefix("profiles/") && ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) }
            .map { base + "/" + $0 }
        var content = ContentSet(root: base, items: items, vocabulary: vocabulary, theme: theme, profilePaths: profiles)
        content.riskRules = RiskRulesLoader(conditions: ConditionParser(vocabulary: vocabulary))
            .load(path: base + "/risks.yml", diagnostics: &diagnostics)
        content.probes = ProbeLoader().load(folder: base, files: all.filter { $0.hasPrefix("probes/") }, diagnostics: &diagnostics)
        content.release = KnowledgeBaseReleaseLoader().load(root: base, diagnostics: &diagnostics)
        return (content, diagnostics)
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

    /// Regular files below `root`, relative and sorted, so that every build sees them in one order.
    /// Symbolic links are not followed: content must not reach outside its folder.
    package static func walk(_ root: String) -> [String] {
        var unreadable: [String] = []
        return walk(root, unreadable: &unreadable)
    }

    /// The files below `root`, and in `unreadable` every folder below it that could not be opened,
    /// so that a folder of content is never skipped in silence.
    package static func walk(_ root: String, unreadable: inout [String]) -> [String] {
        var files: [String] = []
        walk(root, relative: "", into: &files, unreadable: &unreadable)
        return files.sorted()
    }

    /// `readdir` with the entry type it reports (falling back to `lstat`): the URL enumerator with
    /// resource values cost a tenth of a 10,000-item build.
    private static func walk(_ folder: String, relative: String, into files: inout [String], unreadable: inout [String]) {
        guard let directory = opendir(folder) else {
            if !relative.isEmpty { unreadable.append(relative) }
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
            }
            if type == UInt8(DT_DIR) {
                walk(path, relative: child, into: &files, unreadable: &unreadable)
            } else if type == UInt8(DT_REG) {
                files.append(child)
            }
        }
    }
}
