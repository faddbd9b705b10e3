/// Names a body or notice template may use besides the profile's fields.
public enum TemplateVariables {
    /// Computed lists and the names their entries carry, such as
    /// `{{#schedule}}{{zone}}: {{starts}}–{{ends}} ({{offset}}){{/schedule}}`.
    public static let computed: [String: [String]] = [
        "schedule": ["zone", "starts", "ends", "offset"],
    ]

    /// Values worked out for notices (see `NoticeValues`); the last four may be blank.
    public static let notice = ["notice.product", "notice.Product", "notice.signature", "notice.duration", "notice.mode",
                                "notice.utc", "notice.dst"]

    /// Whether `name` is known, given the sections open around it.
    public static func isKnown(_ name: String, inside sections: [String]) -> Bool {
        if name == "." || ProfileSchema.field(name) != nil || computed[name] != nil || notice.contains(name) { return true }
        return sections.contains { computed[$0]?.contains(name) == true }
    }

    /// Every name, for suggestions.
    public static var all: [String] { ProfileSchema.paths + computed.keys.sorted() + computed.values.flatMap { $0 } + notice }
}
