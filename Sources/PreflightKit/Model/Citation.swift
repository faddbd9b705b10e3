/// Where a fact comes from: the vendor's documentation or release notes.
public struct Citation: Sendable, Hashable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
