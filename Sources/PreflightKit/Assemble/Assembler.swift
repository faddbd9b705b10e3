/// Builds every document of one profile from its selection.
public struct Assembler: Sendable {
    public init() {}

    public func documents(for selection: Selection, content: ContentSet) -> [Document] {
        let renderer = BodyRenderer(profile: selection.profile, vocabulary: content.vocabulary)
        let checklist = ChecklistBuilder().build(selection, renderer: renderer)
        let wiki = WikiBuilder().build(selection, renderer: renderer, checklist: checklist)
        return [checklist] + wiki
    }
}
