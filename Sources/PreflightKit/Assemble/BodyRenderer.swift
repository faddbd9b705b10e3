import Mustache

/// Fills an item's Mustache variables from the profile, leaving Markdown as Markdown.
///
/// Bodies render as plain text (no HTML escaping): escaping is the Markdown renderer's job, which
/// drops raw HTML, so a profile value cannot inject markup either way.
public struct BodyRenderer: Sendable {
    public var profile: Profile
    public var vocabulary: Vocabulary
    /// The documents' own words (`theme/strings.yml`).
    public var strings: Strings
    private let context: ContextBox
    /// Item bodies compiled once per build, however many documents and profiles show them.
    private static let templates = BoundedMemo<MustacheTemplate?>()

    /// Mustache takes `Any`; the box states that the nested dictionaries of strings are never mutated.
    private final class ContextBox: @unchecked Sendable {
        let value: [String: Any]
        init(_ value: [String: Any]) { self.value = value }
    }

    /// - Parameter schedule: the window in customer time zones, which notices show as `{{#schedule}}`.
    public init(profile: Profile, vocabulary: Vocabulary, strings: Strings = Strings(), schedule: Schedule? = nil) {
        self.strings = strings
        self.profile = profile
        self.vocabulary = vocabulary
        var context = profile.templateContext(vocabulary: vocabulary)
        context["schedule"] = schedule?.templateValues ?? []
        context["notice"] = NoticeValues.values(profile, schedule: schedule, words: strings.notices)
        self.context = ContextBox(context)
    }

    /// The text with its variables filled; text that fails to parse is returned unchanged
    /// (validation has already reported it, and a build never runs on content with errors).
    public func render(_ text: String) -> String {
        guard text.containsBytes("{{") else { return text }
        let template = Self.templates.value(for: text) { try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) }
        guard let template else { return text }
        return template.render(context.value)
    }

    /// The template context, for templates rendered elsewhere (notices, the theme).
    public var values: [String: Any] { context.value }
}
