/// How an overlay's `vocabulary.yml` lays over the one below it.
extension VocabularyLoader {
    /// `upper` laid over `lower` by key: inside each section (`engines`, `values`, `terms`, …) an
    /// entry the overlay names replaces that entry whole and a new one is added, keeping the lower
    /// file's order; `aliases` groups add up, the overlay's after, so a word it gives wins. Nodes
    /// keep their own file and position.
    static func lay(_ upper: YAMLTree, over lower: YAMLTree) -> YAMLTree {
        guard case .mapping(var sections, let location) = lower, case .mapping(let additions, _) = upper else { return upper }
        for addition in additions {
            guard let index = sections.firstIndex(where: { $0.key == addition.key }) else {
                sections.append(addition)
                continue
            }
            switch (sections[index].value, addition.value) {
            case (.mapping(var entries, let at), .mapping(let new, _)):
                for entry in new {
                    if let existing = entries.firstIndex(where: { $0.key == entry.key }) { entries[existing] = entry } else { entries.append(entry) }
                }
                sections[index].value = .mapping(entries, at)
            case (.sequence(let groups, let at), .sequence(let new, _)) where addition.key == "aliases":
                sections[index].value = .sequence(groups + new, at)
            default:
                sections[index] = addition
            }
        }
        return .mapping(sections, location)
    }
}
