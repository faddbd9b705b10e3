/// `index.html` and `README.md` at the top of the output: every profile folder Preflight owns, by
/// name, with the theme's assets beside them.
///
/// It lists what is on disk (`OutputWriter.profileCards()`), so a build of one profile keeps the
/// others in the list.
public struct SiteIndex: Sendable {
    public var cards: [ProfileCard]

    public init(cards: [ProfileCard]) { self.cards = cards }

    public func files(renderer: HTMLRenderer, theme: Theme) -> [OutputFile] {
        let list = cards.map { "- [\(ProfileSummary.escape($0.name))](\($0.id)/index.html)" }.joined(separator: "\n")
        let document = Document(path: "index", title: "Migration profiles",
                                summary: theme.strings.summary(of: "site-index"),
                                sections: [Section(id: "profiles", title: "Profiles", blocks: [
                                    .markdown(cards.isEmpty ? "_No profiles built yet._" : list),
                                ])], formats: [.html, .markdown])
        let html = renderer.render(document, site: ["profile_name": "Preflight", "profile_id": "all profiles"],
                                   navigation: [], inProfile: false)
        let markdown = MarkdownRenderer().render(document).replacingOccurrences(of: "/index.html)", with: "/README.md)")
        return [OutputFile(path: "index.html", text: html), OutputFile(path: "README.md", text: markdown)]
            + theme.assets.sorted(by: { $0.key < $1.key }).map { OutputFile(path: "assets/" + $0.key, bytes: $0.value) }
    }
}
