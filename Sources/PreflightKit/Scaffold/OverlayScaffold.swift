/// A new overlay: `overlay.yml` with a commented `disable:`, a README that explains how the layers
/// combine, and one example item where authors keep items of its kind.
public struct OverlayScaffold: Sendable {
    /// The overlay's folder, as the user named it (the README shows the commands with it).
    public var folder: String
    /// The example item.
    public var item: ItemScaffold

    public init(folder: String, reviewed: CalendarDate = .today()) {
        self.folder = ContentLayers.trimmed(folder)
        let name = Slug.id(self.folder.split(separator: "/").last.map(String.init) ?? "")
        let id = ItemSchema.isValidID(name + "-example-tip") ? name + "-example-tip" : "overlay-example-tip"
        item = ItemScaffold(kind: .tip, id: id, title: "Example: replace this with your team's own guidance", reviewed: reviewed)
    }

    /// The files to write, by path relative to the overlay's folder.
    public var files: [(path: String, text: String)] {
        [(OverlayManifest.fileName, manifest), ("README.md", readme), (item.relativePath, item.text())]
    }

    var manifest: String {
        """
        # Settings of this overlay. To leave items or probes of the base (or of an overlay given before
        # this one) out of every document, list their ids under `disable:`. An id that nothing below has
        # is an error, and so is disabling an item that others still refer to.
        #
        # disable:
        #   - pg15-public-schema-create

        """
    }

    var readme: String {
        """
        # A Preflight overlay

        This folder holds a team's own guidance, laid over a Preflight knowledge base (the *base*: the
        shipped one, or the folder `--base` names) without changing it. Use it with any command:

        ```shell
        preflight check --content \(folder)
        preflight build --content \(folder)
        PREFLIGHT_CONTENT=\(folder) preflight build      # the same; separate several overlays with `:`
        ```

        How the layers combine, the later overlay winning over the earlier and every overlay over the base:

        - An item here with a new `id` is added. One with the `id` of an item below replaces that item
          entirely. Items are Markdown files with YAML front matter, in any folder;
          `\(item.relativePath)` is an example to reword or delete.
        - `overlay.yml` disables items and probes below by id: they leave every document.
        - `vocabulary.yml` here is merged with the base's by key: add an engine, the values of a field,
          an alias. An entry given here replaces that entry of the base, so list a field's values in full.
        - `theme/templates/` and `theme/static/` replace the base's files of the same path;
          `theme/strings.yml` rewords the base's words key by key.
        - `profiles/` adds example profiles, and `probes/` adds or replaces probes by id.

        `preflight new item --content \(folder) --kind step --id step-… --title "…"` writes another item here;
        `preflight explain ID --profile FILE --content \(folder)` says which layer an item came from.
        README files are not items.

        """
    }
}
