import Mustache

/// Fills an item's Mustache variables from the profile, leaving Markdown as Markdown.
///
/// Bodies render as plain text (no HTML escaping): escaping is the Markdown renderer's job, which
/// drops raw HTML, so a profile value cannot inject markup either way.
public struct BodyRenderer: Sendable {
    public var profile: Profile
    public var vocabulary: Vocabulary
    private let context: ContextBox
    private let cache: RenderCache

    /// Mustache takes `Any`; the box states that the nested dictionaries of strings are never mutated.
    private final class ContextBox: @unchecked Sendable {
        let value: [String: Any]
        init(_ value: [String: Any]) { self.value = value }
    }

    /// - Parameter computed: values derived for documents (such as `schedule`), merged over the profile's.
    public init(profile: Profile, vocabulary: Vocabulary, computed: [String: [[String: String]]] = [:],
                cache: RenderCache = RenderCache()) {
        self.cache = cache
        self.profile = profile
        self.vocabulary = vocabulary
        var context = profile.templateContext(vocabulary: vocabulary)
        for (key, value) in computed { context[key] = value }
        self.context = ContextBox(context)
    }

    /// The text with its variables filled; text that fails to parse is returned unchanged
    /// (validation has already reported it, and a build never runs on content with errors).
    public func render(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        guard let template = cache.template(text) else { return text }
        return template.render(context.value)
    }

    /// The template context, for templates rendered elsewhere (notices, the theme).
    public var values: [String: Any] { context.value }
}
