/// Readers for the shapes front-matter values take: strings, lists, enums, citations, estimates, commands.
extension ItemDecoder {
    func string(_ entry: YAMLTree.Entry, diagnostics: inout [Diagnostic]) -> String? {
        guard case .scalar(let text, _) = entry.value else {
            diagnostics.append(.error(.invalidOrder, "`\(entry.key)` must be a single value, found \(entry.value.shape)",
                                      at: entry.value.location, hint: "write `\(entry.key): value` on one line"))
            return nil
        }
        return text
    }

    func flag(_ entry: YAMLTree.Entry, diagnostics: inout [Diagnostic]) -> Bool {
        guard let text = string(entry, diagnostics: &diagnostics) else { return false }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            diagnostics.append(.error(.invalidOrder, "`\(entry.key)` must be true or false, found `\(text)`", at: entry.value.location,
                                      hint: "write `\(entry.key): true`"))
            return false
        }
    }

    /// `reviewed` (a month) or `as_of` (a month or a day): a date that exists, written the one way
    /// that sorts as text, so that a typo such as `2026-13` cannot hide an item from `check --stale`.
    func date(_ entry: YAMLTree.Entry, allowDay: Bool, diagnostics: inout [Diagnostic]) -> CalendarDate? {
        guard let text = string(entry, diagnostics: &diagnostics) else { return nil }
        if let date = CalendarDate.parse(text.trimmingSpaces, allowDay: allowDay) { return date }
        let form = allowDay ? "a date written YYYY-MM-DD or YYYY-MM" : "a month written YYYY-MM"
        let example = allowDay ? "`\(entry.key): \"2026-12-01\"`" : "`\(entry.key): 2026-12`"
        diagnostics.append(.error(.invalidDate, "`\(entry.key)` must be \(form) that exists, found `\(text)`",
                                  at: entry.value.location, hint: "write for example \(example)"))
        return nil
    }

    /// A list of words, also accepting a single word.
    func strings(_ entry: YAMLTree.Entry, diagnostics: inout [Diagnostic]) -> [(String, SourceLocation)] {
        switch entry.value {
        case .scalar(let text, let location): return [(text, location)]
        case .null: return []
        case .sequence(let elements, _):
            return elements.compactMap { element in
                if case .scalar(let text, let location) = element { return (text, location) }
                diagnostics.append(.error(.invalidOrder, "`\(entry.key)` holds single values, found \(element.shape)",
                                          at: element.location, hint: "write `\(entry.key): [a, b]`"))
                return nil
            }
        case .mapping:
            diagnostics.append(.error(.invalidOrder, "`\(entry.key)` must be a list, found a mapping", at: entry.value.location,
                                      hint: "write `\(entry.key): [a, b]`"))
            return []
        }
    }

    func decodeEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ entry: YAMLTree.Entry,
                                                        diagnostics: inout [Diagnostic]) -> T? where T.RawValue == String {
        guard let text = string(entry, diagnostics: &diagnostics) else { return nil }
        return decodeEnum(type, text, at: entry.value.location, key: entry.key, diagnostics: &diagnostics)
    }

    func decodeEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: String, at location: SourceLocation,
                                                        key: String, diagnostics: inout [Diagnostic]) -> T?
    where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, among: names).map { "did you mean `\($0)`?" }
            ?? "one of: \(names.joined(separator: ", "))"
        diagnostics.append(.error(.invalidValue, "`\(text)` is not a valid `\(key)`", at: location, hint: hint))
        return nil
    }

    func citations(_ entry: YAMLTree.Entry, diagnostics: inout [Diagnostic]) -> [Citation] {
        guard case .sequence(let elements, _) = entry.value else {
            diagnostics.append(.error(.invalidSources, "`sources` must be a list of `{ title, url }`", at: entry.value.location,
                                      hint: "write `- title: …` and `url: https://…` per source"))
            return []
        }
        return elements.compactMap { element in
            guard case .mapping(let pairs, let location) = element else {
                diagnostics.append(.error(.invalidSources, "a source must be a mapping with `title` and `url`", at: element.location,
                                          hint: "write `- { title: …, url: https://… }`"))
                return nil
            }
            let values = Dictionary(pairs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for pair in pairs where pair.key != "title" && pair.key != "url" {
                diagnostics.append(.error(.unknownKey, "unknown key `\(pair.key)` in a source", at: pair.keyLocation,
                                          hint: "a source has `title` and `url`"))
            }
            guard let title = values["title"]?.value.scalar, let url = values["url"]?.value.scalar else {
                diagnostics.append(.error(.invalidSources, "a source needs both `title` and `url`", at: location,
                                          hint: "add the missing key"))
                return nil
            }
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                diagnostics.append(.error(.invalidSources, "source URL `\(url)` is not an http(s) address",
                                          at: values["url"]!.value.location, hint: "cite the vendor's web page"))
            }
            return Citation(title: title, url: url)
        }
    }

    static let estimateKeys = ["rate", "of", "plus", "bound", "limit", "measured"]

    func estimate(_ tree: YAMLTree, diagnostics: inout [Diagnostic]) -> Estimate? {
        switch tree {
        case .scalar(let text, let location):
            switch TimeSpan.parse(text) {
            case .success(let time): return .fixed(time)
            case .failure(let error):
                diagnostics.append(.error(.invalidEstimate, error.message, at: location, hint: error.hint))
                return nil
            }
        case .mapping(let pairs, let location):
            let values = Dictionary(pairs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for pair in pairs where !Self.estimateKeys.contains(pair.key) {
                diagnostics.append(.error(.unknownKey, "unknown key `\(pair.key)` in an estimate", at: pair.keyLocation,
                                          hint: "an estimate has `rate`, `of`, and optionally `plus`, `bound`, `limit`, `measured`"))
            }
            guard let rateEntry = values["rate"], let rateText = rateEntry.value.scalar,
                  let ofEntry = values["of"], let path = ofEntry.value.scalar else {
                diagnostics.append(.error(.invalidEstimate, "a rate estimate needs `rate` and `of`", at: location,
                                          hint: "write `estimate: { rate: 100 GB/h, of: data.size, plus: 5m }`"))
                return nil
            }
            guard ProfileSchema.field(path)?.type == .size else {
                diagnostics.append(.error(.invalidEstimate, "`of: \(path)` must name a data-size field of the profile",
                                          at: ofEntry.value.location, hint: "such as `data.size` or `data.largest_table.size`"))
                return nil
            }
            var result = Estimate(fixed: TimeSpan(seconds: 0), of: path)
            if let entry = values["plus"], let text = entry.value.scalar {
                switch TimeSpan.parse(text) {
                case .success(let time): result.fixed = time
                case .failure(let error): diagnostics.append(.error(.invalidEstimate, error.message, at: entry.value.location, hint: error.hint))
                }
            }
            if let entry = values["bound"], let text = entry.value.scalar {
                if let bound = Estimate.Bound(rawValue: text) { result.bound = bound } else {
                    diagnostics.append(.error(.invalidEstimate, "`bound` must be io, cpu or network", at: entry.value.location,
                                              hint: "say what limits the step: disk (`io`), processing (`cpu`) or the link (`network`)"))
                }
            }
            if let entry = values["limit"], let text = entry.value.scalar {
                if ProfileSchema.field(text)?.type == .throughput { result.limit = text } else {
                    diagnostics.append(.error(.invalidEstimate, "`limit: \(text)` must name a throughput field of the profile",
                                              at: entry.value.location, hint: "such as `hardware.disk_throughput` or `hardware.network`"))
                }
            }
            if let entry = values["measured"], let text = entry.value.scalar {
                if text.hasPrefix("rates."), ProfileSchema.field(text)?.type == .throughput { result.measured = text } else {
                    diagnostics.append(.error(.invalidEstimate, "`measured: \(text)` must name a `rates.…` field of the profile",
                                              at: entry.value.location,
                                              hint: Suggestion.closest(to: text, among: ProfileSchema.fields.map(\.path).filter { $0.hasPrefix("rates.") })
                                                .map { "did you mean `\($0)`?" } ?? "such as `rates.restore`"))
                }
            }
            let pieces = rateText.components(separatedBy: "..").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            var rates: [Throughput] = []
            for piece in pieces.prefix(2) {
                switch Throughput.parse(piece) {
                case .success(let rate) where rate.bytesPerSecond > 0: rates.append(rate)
                case .success:
                    diagnostics.append(.error(.invalidEstimate, "a rate of zero never finishes", at: rateEntry.value.location,
                                              hint: "give the measured rate"))
                case .failure(let error):
                    diagnostics.append(.error(.invalidEstimate, error.message, at: rateEntry.value.location, hint: error.hint))
                }
            }
            guard rates.count == pieces.count, !rates.isEmpty, pieces.count <= 2 else { return nil }
            result.fast = rates.max()
            result.slow = rates.min()
            return result
        default:
            diagnostics.append(.error(.invalidEstimate, "`estimate` must be a duration or a rate mapping", at: tree.location,
                                      hint: "write `estimate: 10m` or `estimate: { rate: 100 GB/h, of: data.size }`"))
            return nil
        }
    }

    func commands(_ tree: YAMLTree, diagnostics: inout [Diagnostic]) -> [Command] {
        guard case .sequence(let elements, _) = tree else {
            diagnostics.append(.error(.invalidCommands, "`commands` must be a list", at: tree.location,
                                      hint: "write `- run: …` per command"))
            return []
        }
        return elements.compactMap { element in
            guard case .mapping(let pairs, let location) = element else {
                diagnostics.append(.error(.invalidCommands, "a command must be a mapping with `run`", at: element.location,
                                      hint: "write `- { title: …, lang: shell, run: … }`"))
                return nil
            }
            var title: String?, language = "shell", code: String?, when = Condition.always
            var side: Command.Side?, manual: String?
            for pair in pairs {
                switch pair.key {
                case "title": title = pair.value.scalar
                case "lang": language = pair.value.scalar ?? language
                case "run": code = pair.value.scalar
                case "when": when = conditions.parse(pair.value, diagnostics: &diagnostics)
                case "manual": manual = pair.value.scalar
                case "on":
                    side = pair.value.scalar.flatMap(Command.Side.init(rawValue:))
                    if side == nil {
                        diagnostics.append(.error(.invalidCommands, "`on` is `source` or `target`", at: pair.value.location))
                    }
                default:
                    let keys = ["title", "lang", "run", "when", "on", "manual"]
                    diagnostics.append(.error(.unknownKey, "unknown key `\(pair.key)` in a command", at: pair.keyLocation,
                                              hint: Suggestion.closest(to: pair.key, among: keys).map { "did you mean `\($0)`?" }
                                                ?? "a command has `title`, `lang`, `run`, `when`, `on` and `manual`"))
                }
            }
            guard let code else {
                diagnostics.append(.error(.invalidCommands, "a command needs `run`", at: location, hint: "add `run: |` and the command"))
                return nil
            }
            var command = Command(title: title, language: language, code: code.hasSuffix("\n") ? String(code.dropLast()) : code,
                                  when: when)
            command.on = side
            command.manual = manual
            return command
        }
    }

    static func value(_ tree: YAMLTree) -> YAMLValue {
        switch tree {
        case .scalar(let text, _): .scalar(text)
        case .sequence(let elements, _): .list(elements.map(value))
        case .mapping(let pairs, _): .map(Dictionary(pairs.map { ($0.key, value($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case .null: .null
        }
    }
}
