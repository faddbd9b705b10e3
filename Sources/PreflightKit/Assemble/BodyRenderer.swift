import Mustache

/// Fills an item's Mustache variables from the profile, leaving Markdown as Markdown.
///
/// Bodies render as Markdown, not HTML: Mustache's HTML escaping is off, and each profile value is
/// escaped for the Markdown around it instead (see `BodyRenderer+Markdown`), so that a value cannot
/// add markup, links or blocks, with or without `--unsafe-html`. Commands take values as written.
public struct BodyRenderer: Sendable {
    public var profile: Profile
    public var vocabulary: Vocabulary
    /// The documents' own words (`theme/strings.yml`).
    public var strings: Strings
    private let context: ContextBox
    /// The context with markers for values (`marked`), and the values they stand for.
    private let markedContext: ContextBox
    private let markedValues: [String]
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
        var values: [String] = []
        markedContext = ContextBox(Self.marked(context, into: &values) as? [String: Any] ?? [:])
        markedValues = values
    }

    /// The text with its variables filled; text that fails to parse is returned unchanged
    /// (validation has already reported it, and a build never runs on content with errors).
    public func render(_ text: String) -> String {
        guard text.containsBytes("{{"), let template = template(text) else { return text }
        return Self.substitute(template.render(markedContext.value), values: markedValues)
    }

    /// The text with its variables filled as written, for text escaped where it is placed: a
    /// command (fenced as a whole, with a fence longer than any run of backticks in it, so no value
    /// can end it), a title, a table cell.
    public func renderPlain(_ text: String) -> String {
        guard text.containsBytes("{{"), let template = template(text) else { return text }
        return template.render(context.value)
    }

    private func template(_ text: String) -> MustacheTemplate? {
        Self.templates.value(for: text) { try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) }
    }

    /// The template context, for templates rendered elsewhere (notices, the theme).
    public var values: [String: Any] { context.value }
}
