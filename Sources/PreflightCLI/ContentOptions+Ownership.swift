import Foundation

extension ContentOptions {
    /// Whether a command may write into the content folder when not told where to write: yes for a
    /// folder named with `--content` or inside the current folder (a checkout, a team's own knowledge
    /// base); no for the knowledge base that came with the tool, which the next install replaces and
    /// which is often not the user's to change.
    var isWritableByDefault: Bool {
        if content != ShippedContent.locate() { return true }
        let here = FileManager.default.currentDirectoryPath
        let folder = content.hasPrefix("/") ? content : here + "/" + content
        return folder == here || folder.hasPrefix(here.hasSuffix("/") ? here : here + "/")
    }
}
