/// References to items an overlay disabled: the validators report each one that still refers to
/// such an item, at the reference, with a note at the `disable` entry.
extension ContentSet {
    /// The note for a reference to `id` when an overlay disabled it; nil when none did.
    func disabledNote(for id: String) -> Diagnostic.Note? {
        disabled[id].map { .init("`\(id)` is disabled here", at: $0) }
    }

    /// What to do about `referrer` still naming a disabled id.
    static func disabledHint(_ referrer: String, _ id: String) -> String {
        "replace `\(referrer)` in the overlay without the reference, disable it too, or keep `\(id)`"
    }
}
