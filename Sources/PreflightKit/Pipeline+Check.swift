/// The read-only entry points: `check` loads and validates, `explain` also selects. Neither writes.
extension Pipeline {
    public struct CheckResult: Sendable {
        public var diagnostics: [Diagnostic]
        public var items: Int
        public var profiles: Int
        public var failed: Bool
        /// Items by kind, by engine folder and by ORM, cloud and compliance tag.
        public var counts: [(label: String, count: Int)]
        /// The items not reviewed within the span asked for; nil when none was asked for.
        public var stale: StaleReview?
        /// Every diagnostic counted, the errors and the first warnings of each kind kept (`diagnostics`).
        public var summary: DiagnosticSummary
    }

    /// Profiles checked at a time: enough to keep the cores busy, few enough that a large inventory
    /// never sits in memory whole.
    static let checkChunk = 1_000

    /// - Parameters:
    ///   - stale: also list the items whose `reviewed` month is older than this span before `today`.
    ///   - today: the day spans count back from.
    ///
    /// Profiles are read and checked a chunk at a time and their diagnostics summarised as they come,
    /// so memory stays flat however long an inventory is.
    public func check(_ request: BuildRequest, stale: MonthSpan? = nil, today: CalendarDate = .today()) -> CheckResult {
        let request = request.expandingProfilePaths()
        let (content, loadProblems) = ContentLoader().load(request.layers)
        if let fatal = Self.fatal(loadProblems) {
            return CheckResult(diagnostics: [fatal], items: 0, profiles: 0, failed: true, counts: [], stale: nil,
                               summary: DiagnosticSummary([fatal]))
        }
        let contentDiagnostics = (loadProblems + ContentValidator().validate(content)).sorted()
        var summary = DiagnosticSummary(contentDiagnostics)
        var profiles = 0
        forEachProfileSource(request, content: content, chunkSize: Self.checkChunk) { chunk in
            let checked = parallelMap(chunk) { source -> [Diagnostic] in
                guard let profile = source.profile else { return source.diagnostics }
                // Each profile's plan keeps the consistency rules, or the content is at fault.
                let findings = contentDiagnostics.hasErrors ? [] : PlanRules().check(
                    Planner().plan(Selector().select(content, for: profile, readers: request.readers), content: content), content: content)
                return (source.diagnostics + validate(profile, content: content) + findings).sorted()
            }
            profiles += chunk.count { $0.profile != nil }
            for diagnostics in checked { summary.add(diagnostics) }
        }
        let failed = summary.errorCount > 0 || (request.strict && summary.warningCount > 0)
        return CheckResult(diagnostics: summary.kept.sorted(), items: content.items.count, profiles: profiles, failed: failed,
                           counts: Self.counts(content, profiles: profiles),
                           stale: stale.map { StaleReview(content, span: $0, today: today) }, summary: summary)
    }

    /// Loads and validates the content and the request's one profile, for the commands that work on one.
    package func loadSingle(_ request: BuildRequest, purpose: String) -> Result<(ContentSet, Profile), DiagnosticsError> {
        let (content, sources, contentDiagnostics) = loadAndValidate(request)
        let profiles = sources.compactMap(\.profile)
        let diagnostics = contentDiagnostics + sources.flatMap(\.diagnostics)
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics.filter { $0.level == .error })) }
        guard let profile = profiles.first else {
            return .failure(DiagnosticsError([.error(.noProfile, "no profile to \(purpose)", at: SourceLocation(file: "<arguments>"),
                                                     hint: "pass --profile FILE")]))
        }
        return .success((content, profile))
    }

    public func explain(_ itemID: String, _ request: BuildRequest) -> Result<Explanation, DiagnosticsError> {
        let content: ContentSet, profile: Profile
        switch loadSingle(request, purpose: "explain against") {
        case .success(let loaded): (content, profile) = loaded
        case .failure(let error): return .failure(error)
        }
        let selection = Selector().select(content, for: profile, readers: request.readers)
        guard let decision = selection.decision(for: itemID) else {
            if let disabled = content.disabled[itemID] {
                return .failure(DiagnosticsError([.error(.unknownItem, "`\(itemID)` is disabled by an overlay", at: disabled,
                                                         hint: "remove it from `disable` in that `overlay.yml` to bring it back")]))
            }
            let hint = Suggestion.closest(to: itemID, among: content.items.map(\.id)).map { "did you mean `\($0)`?" }
                ?? "`preflight check` lists the content; ids are file names unless `id:` says otherwise"
            return .failure(DiagnosticsError([.error(.unknownItem, "no item has the id `\(itemID)`",
                                                     at: SourceLocation(file: request.base), hint: hint)]))
        }
        return .success(Explanation(decision: decision, profile: profile, readers: selection.readers,
                                    origin: content.origin(of: itemID).text(in: content.layers)))
    }

    /// The plan for the request's single profile, with the consistency rules' findings.
    public func plan(_ request: BuildRequest) -> Result<(Plan, [Diagnostic]), DiagnosticsError> {
        let content: ContentSet, profile: Profile
        switch loadSingle(request, purpose: "plan") {
        case .success(let loaded): (content, profile) = loaded
        case .failure(let error): return .failure(error)
        }
        let plan = Planner().plan(Selector().select(content, for: profile, readers: request.readers), content: content)
        return .success((plan, PlanRules().check(plan, content: content)))
    }

    /// The tailored AI prompt for the request's single profile.
    public func prompt(_ request: BuildRequest) -> Result<String, DiagnosticsError> {
        let content: ContentSet, profile: Profile
        switch loadSingle(request, purpose: "build a prompt for") {
        case .success(let loaded): (content, profile) = loaded
        case .failure(let error): return .failure(error)
        }
        let selection = Selector().select(content, for: profile, readers: request.readers)
        let renderer = BodyRenderer(profile: profile, vocabulary: content.vocabulary, strings: content.theme.strings,
                                    schedule: Schedule(profile: profile))
        return .success(PromptBuilder().text(selection, renderer: renderer))
    }

    static func counts(_ content: ContentSet, profiles: Int) -> [(label: String, count: Int)] {
        var rows: [(label: String, count: Int)] = Kind.allCases.map { kind in
            (kind.rawValue, content.items.filter { $0.kind == kind }.count)
        }
        var folders: [String: Int] = [:]
        for item in content.items where item.kind == .engineNote {
            guard let range = item.file.range(of: "/engines/") else { continue }
            let family = item.file[range.upperBound...].split(separator: "/").first.map(String.init) ?? ""
            folders[family, default: 0] += 1
        }
        rows += folders.sorted { $0.key < $1.key }.map { ("engine notes, \($0.key)", $0.value) }
        for tag in ["orm", "cloud", "compliance"] {
            rows.append(("notes tagged \(tag)", content.items.filter { $0.kind == .engineNote && $0.tags.contains(tag) }.count))
        }
        for phase in Phase.allCases {
            rows.append(("steps, \(phase.rawValue)", content.items.filter { $0.kind == .step && $0.phase == phase }.count))
        }
        rows.append(("example profiles", profiles))
        return rows
    }
}
