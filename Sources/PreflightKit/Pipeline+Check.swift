/// The read-only entry points: `check` loads and validates, `explain` also selects. Neither writes.
extension Pipeline {
    public struct CheckResult: Sendable {
        public var diagnostics: [Diagnostic]
        public var items: Int
        public var profiles: Int
        public var failed: Bool
    }

    public func check(_ request: BuildRequest) -> CheckResult {
        var clock = StageClock()
        var scratch = BuildResult()
        let (content, profiles, diagnostics) = loadAndValidate(request, clock: &clock, result: &scratch)
        let failed = diagnostics.hasErrors || (request.strict && diagnostics.warningCount > 0)
        return CheckResult(diagnostics: diagnostics, items: content.items.count, profiles: profiles.count, failed: failed)
    }

    public func explain(_ itemID: String, _ request: BuildRequest) -> Result<Explanation, DiagnosticsError> {
        var clock = StageClock()
        var scratch = BuildResult()
        let (content, profiles, diagnostics) = loadAndValidate(request, clock: &clock, result: &scratch)
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics.filter { $0.level == .error })) }
        guard let profile = profiles.first else {
            return .failure(DiagnosticsError([.error("PF701", "no profile to explain against",
                                                     at: SourceLocation(file: "<arguments>"),
                                                     hint: "pass --profile FILE")]))
        }
        let selection = Selector().select(content, for: profile, readers: request.readers)
        guard let decision = selection.decision(for: itemID) else {
            let hint = Suggestion.closest(to: itemID, among: content.items.map(\.id)).map { "did you mean `\($0)`?" }
                ?? "`preflight check` lists the content; ids are file names unless `id:` says otherwise"
            return .failure(DiagnosticsError([.error("PF702", "no item has the id `\(itemID)`",
                                                     at: SourceLocation(file: request.contentRoot), hint: hint)]))
        }
        return .success(Explanation(decision: decision, profile: profile, readers: selection.readers))
    }

    /// The tailored AI prompt for the request's single profile.
    public func prompt(_ request: BuildRequest) -> Result<String, DiagnosticsError> {
        var clock = StageClock()
        var scratch = BuildResult()
        let (content, profiles, diagnostics) = loadAndValidate(request, clock: &clock, result: &scratch)
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics.filter { $0.level == .error })) }
        guard let profile = profiles.first else {
            return .failure(DiagnosticsError([.error("PF701", "no profile to build a prompt for",
                                                     at: SourceLocation(file: "<arguments>"), hint: "pass --profile FILE")]))
        }
        let selection = Selector().select(content, for: profile, readers: request.readers)
        let schedule = Schedule(profile: profile)
        let renderer = BodyRenderer(profile: profile, vocabulary: content.vocabulary,
                                    computed: ["schedule": schedule?.templateValues ?? []])
        return .success(PromptBuilder().text(selection, renderer: renderer))
    }
}
