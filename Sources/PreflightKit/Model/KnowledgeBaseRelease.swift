/// Which release of a knowledge base a content folder holds, from `knowledge-base.yml` at its root.
///
/// The content is released on its own schedule, apart from the tool, so `preflight --version` names
/// both: a document can then be traced to the guidance it was built from.
public struct KnowledgeBaseRelease: Sendable, Hashable {
    /// Numbers separated by dots, such as `2026.12.1`.
    public var version: String
    /// The day of the release.
    public var date: CalendarDate

    public init(version: String, date: CalendarDate) {
        self.version = version
        self.date = date
    }
}
