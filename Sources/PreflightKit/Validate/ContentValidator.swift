import Mustache

/// Rules that need the whole content set: unique ids, references, template variables, sources.
/// Per-file problems (syntax, unknown keys, condition types) are reported by the loader.
public struct ContentValidator: Sendable {
    public init() {}

    /// Every problem of the content set, in no particular order.
    public func validate(_ content: ContentSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstByID: [String: Item] = [:]
        for item in content.items.sorted(by: { $0.file < $1.file }) {
            if let first = firstByID[item.id] {
                diagnostics.append(.error(.duplicateID, "duplicate id `\(item.id)`", at: item.location(of: "id"),
                                          hint: "give one of the two items another id",
                                          notes: [.init("`\(item.id)` is first defined here", at: first.location(of: "id"))]))
            } else {
                firstByID[item.id] = item
            }
        }
        let ids = Array(firstByID.keys).sorted()
        let rules = KindRules(channels: Array(content.theme.strings.channels.keys))
        let commands = CommandRules(environment: content.vocabulary.environment)
        let itemChecks = parallelMap(content.items) { item in self.itemChecks(item, rules: rules) + commands.validate(item) }
        for (item, found) in zip(content.items, itemChecks) {
            diagnostics += references(item, known: firstByID, ids: ids, content: content)
            diagnostics += found
        }
        diagnostics += ProcedureRules().validate(content)
        diagnostics += ProbeRules().validate(content)
        diagnostics += themeProblems(content.theme)
        return diagnostics
    }

    /// The checks that look at one item alone: its templates, its lint and its kind's rules.
    public func itemChecks(_ item: Item, rules: KindRules) -> [Diagnostic] {
        templateProblems(item) + lint(item) + rules.validate(item)
    }

    func references(_ item: Item, known: [String: Item], ids: [String], content: ContentSet) -> [Diagnostic] {
        item.related.compactMap { id in
            if id == item.id {
                return .error(.selfRelated, "`\(item.id)` lists itself in `related`", at: item.location(of: "related"),
                              hint: "remove the self-reference")
            }
            guard known[id] == nil else { return nil }
            if let note = content.disabledNote(for: id) {
                return .error(.unknownRelated, "`related` names `\(id)`, which an overlay disables", at: item.location(of: "related"),
                              hint: ContentSet.disabledHint(item.id, id), notes: [note])
            }
            let hint = Suggestion.closest(to: id, among: ids).map { "did you mean `\($0)`?" } ?? "check the id of the item you meant"
            return .error(.unknownRelated, "`related` names `\(id)`, which no item has as its id", at: item.location(of: "related"),
                          hint: hint)
        }
    }

    func templateProblems(_ item: Item) -> [Diagnostic] {
        var diagnostics = templateProblems(item.body, in: item, line: item.bodyLine, guaranteed: item.when.guaranteedFields)
        for command in item.commands {
            let guaranteed = item.when.guaranteedFields.union(command.when.guaranteedFields)
            diagnostics += templateProblems(command.code, in: item, line: item.location(of: "commands").line,
                                            guaranteed: guaranteed)
        }
        return diagnostics
    }

    func templateProblems(_ text: String, in item: Item, line firstLine: Int, guaranteed: Set<String>) -> [Diagnostic] {
        // Text without a tag has nothing to check, and most bodies have none.
        guard text.containsBytes("{{") || text.containsBytes("}}") else { return [] }
        var diagnostics: [Diagnostic] = []
        // A variable inside `{{#x}}…{{/x}}` renders only when x is stated.
        var openSections: [String] = []
        for tag in TemplateScanner.tags(in: text) where tag.sigil != "!" {
            if tag.sigil == "/" {
                if let index = openSections.lastIndex(of: tag.name) { openSections.remove(at: index) }
                continue
            }
            if tag.sigil == "#" { openSections.append(tag.name) }
            let location = SourceLocation(file: item.file, line: firstLine + tag.line - 1, column: tag.column)
            if tag.sigil == ">" {
                diagnostics.append(.error(.partialInBody, "partials (`{{> \(tag.name)}}`) are not available in item bodies",
                                          at: location, hint: "write the text in the item, or link the other item in `related`"))
            } else if !TemplateVariables.isKnown(tag.name, inside: openSections) {
                let hint = Suggestion.closest(to: tag.name, among: TemplateVariables.all).map { "did you mean `{{\($0)}}`?" }
                    ?? "a variable names a profile field, such as `{{target.version}}`"
                diagnostics.append(.error(.unknownTemplateVariable, "unknown template variable `\(tag.name)`", at: location, hint: hint))
            } else if ["", "&", "{"].contains(tag.sigil), ProfileSchema.field(tag.name) != nil,
                      !guaranteed.contains(tag.name), !openSections.contains(tag.name) {
                diagnostics.append(.warning(.blankVariable, "`{{\(tag.name)}}` is blank for profiles that do not state it",
                                            at: location,
                                            hint: "add `\(tag.name): present` (or a test on it) to `when`, or wrap the text in `{{#\(tag.name)}}…{{/\(tag.name)}}`"))
            }
        }
        do {
            _ = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let location = SourceLocation(file: item.file, line: firstLine + error.context.lineNumber - 1,
                                          column: error.context.columnNumber)
            diagnostics.append(.error(.templateSyntax, "template syntax error: \(error.error)", at: location,
                                      hint: "every `{{#section}}` needs a matching `{{/section}}`; write a literal `{{` as `{{=<% %>=}}{{<%={{ }}=%>`"))
        } catch {
            diagnostics.append(.error(.templateSyntax, "template syntax error: \(error)", at: SourceLocation(file: item.file, line: firstLine),
                                      hint: "check the `{{…}}` tags"))
        }
        return diagnostics
    }

    func lint(_ item: Item) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let factual = item.kind == .engineNote || item.tags.contains { ["orm", "cloud", "compliance"].contains($0) }
        if factual, item.sources.isEmpty {
            diagnostics.append(.warning(.factsWithoutSources, "`\(item.id)` states engine, ORM, cloud or compliance facts without `sources`",
                                        at: item.location(of: "title"), hint: "cite the vendor's documentation or release notes"))
        }
        if item.kind == .step {
            if item.phase == nil {
                diagnostics.append(.error(.stepWithoutPhase, "a step needs a `phase`", at: item.location(of: "kind"),
                                          hint: "one of: \(Phase.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if item.owner == nil {
                diagnostics.append(.warning(.stepWithoutOwner, "step `\(item.id)` has no `owner`", at: item.location(of: "kind"),
                                            hint: "name the role that carries it out, such as `owner: dba`"))
            }
            if item.estimate == nil {
                diagnostics.append(.warning(.stepWithoutEstimate, "step `\(item.id)` has no `estimate`", at: item.location(of: "kind"),
                                            hint: "write `estimate: 10m` or `estimate: { rate: 100 GB/h, of: data.size }`"))
            }
        }
        // Only an unwritten key: a malformed one is already an error from the loader.
        if item.keyLocations["reviewed"] == nil {
            diagnostics.append(.warning(.notReviewed, "`\(item.id)` does not say when it was last reviewed", at: item.location(of: "title"),
                                        hint: "add `reviewed: YYYY-MM`, the month you last checked it against its sources"))
        }
        if item.body.trimmingSpaces.isEmpty, item.summary == nil {
            diagnostics.append(.warning(.emptyItem, "`\(item.id)` has neither a body nor a summary", at: item.location(of: "title"),
                                        hint: "say what the reader should do"))
        }
        return diagnostics
    }

    func themeProblems(_ theme: Theme) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                _ = try MustacheTemplate(string: template.source)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(.templateSyntax, "template syntax error: \(error.error)",
                                          at: SourceLocation(file: template.file, line: error.context.lineNumber,
                                                             column: error.context.columnNumber),
                                          hint: "every `{{#section}}` needs a matching `{{/section}}`"))
            } catch {
                diagnostics.append(.error(.templateSyntax, "template syntax error: \(error)", at: SourceLocation(file: template.file),
                                          hint: "check the `{{…}}` tags"))
            }
        }
        diagnostics += stringsProblems(theme.strings)
        for required in ["page", "document"] where theme.templates[required] == nil {
            diagnostics.append(.error(.themeFileMissing, "the theme has no `\(required).mustache` template",
                                      at: SourceLocation(file: "theme/templates"), hint: "add `theme/templates/\(required).mustache`"))
        }
        return diagnostics
    }

    /// Every reader and kind needs its words, or its pages would have empty headings.
    func stringsProblems(_ strings: Strings) -> [Diagnostic] {
        guard !strings.roles.isEmpty || !strings.kinds.isEmpty else { return [] }  // missing file: reported at load
        let location = SourceLocation(file: "theme/strings.yml")
        return Role.allCases.filter { strings.roles[$0] == nil }.map {
            .error(.themeFileMissing, "`strings.yml` has no words for the reader `\($0.rawValue)`", at: location,
                   hint: "add `\($0.rawValue): { intro: ..., sees: [...] }` under `roles`")
        } + Kind.allCases.filter { strings.kinds[$0] == nil }.map {
            .error(.themeFileMissing, "`strings.yml` has no words for the kind `\($0.rawValue)`", at: location,
                   hint: "add `\($0.rawValue): { title: ..., wiki_page: ... }` under `kinds`")
        }
    }
}
