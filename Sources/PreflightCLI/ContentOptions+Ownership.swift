import Foundation

extension ContentOptions {
    /// Whether a command may write into the top layer when not told where to write: yes for an
    /// overlay, for a base named with `--base`, or for one inside the current folder (a checkout, a
    /// team's own knowledge base); no for the knowledge base that came with the tool, which the next
    /// install replaces and which is often not the user's to change.
    var isWritableByDefault: Bool {
        let layers = self.layers
        if !layers.overlays.isEmpty || base != nil { return true }
        let here = FileManager.default.currentDirectoryPath
        let folder = layers.base.hasPrefix("/") ? layers.base : here + "/" + layers.base
        return folder == here || folder.hasPrefix(here.hasSuffix("/") ? here : here + "/")
    }
}
