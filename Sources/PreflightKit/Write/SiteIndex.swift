import Foundation

/// `Output/index.html` and `Output/README.md`: every profile folder Preflight owns, by name.
///
/// It lists what is on disk (read from each folder's `profile.json`), so a build of one profile
/// keeps the others in the list. Each file is written beside its place and renamed over it.
public struct SiteIndex: Sendable {
    public var root: String

    public init(root: String) { self.root = root }

    public func cards() -> [ProfileCard] {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return names.compactMap { name in
            let folder = root + "/" + name
            guard manager.fileExists(atPath: folder + "/" + OutputWriter.marker),
                  let data = manager.contents(atPath: folder + "/profile.json") else { return nil }
            return try? JSONDecoder().decode(ProfileCard.self, from: data)
        }
    }

    public func write(renderer: HTMLRenderer, theme: Theme) throws(WriteError) {
        let cards = cards()
        let list = cards.map { "- [\(ProfileSummary.escape($0.name))](\($0.id)/index.html)" }.joined(separator: "\n")
        let document = Document(path: "index", title: "Migration profiles",
                                summary: "Every profile built into this folder by Preflight.",
                                sections: [Section(id: "profiles", title: "Profiles", blocks: [
                                    .markdown(cards.isEmpty ? "_No profiles built yet._" : list),
                                ])], formats: [.html, .markdown])
        let html = renderer.render(document, site: ["profile_name": "Preflight", "profile_id": "all profiles"],
                                   navigation: [], inProfile: false)
        let markdown = MarkdownRenderer().render(document).replacingOccurrences(of: "/index.html)", with: "/README.md)")
        var files = [OutputFile(path: "index.html", text: html), OutputFile(path: "README.md", text: markdown)]
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, bytes: bytes))
        }
        for file in files { try replace(file) }
    }

    private func replace(_ file: OutputFile) throws(WriteError) {
        let path = root + "/" + file.path
        // An unchanged index keeps its file (and its time stamp), like every other unchanged output.
        if let existing = FileReader.readAll(path), existing.elementsEqual(file.bytes) { return }
        let temporary = root + "/.preflight-tmp-" + file.path.replacingOccurrences(of: "/", with: "_")
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(file.bytes)),
              rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(code: "PF602", message: "cannot write `\(path)`", hint: "check free space and permissions")
        }
    }
}
