import Foundation

/// The load and validate stages, shared by `build` and the read-only commands.
extension Pipeline {
    /// The load stage: the content with the problems met reading it, and each profile source with
    /// its own problems.
    func load(_ request: BuildRequest) -> (ContentSet, [ProfileLoader.Loaded], [Diagnostic]) {
        let (content, problems) = ContentLoader().load(request.layers)
        // Without the folder or its vocabulary every engine name and theme file would fail as well:
        // say the one thing that is wrong.
        if let fatal = Self.fatal(problems) { return (content, [], [fatal]) }
        return (content, loadProfileSources(request, content: content), problems)
    }

    /// A problem that makes every other one noise: no content folder, or no vocabulary in it.
    static func fatal(_ problems: [Diagnostic]) -> Diagnostic? {
        problems.first { $0.code == .contentFolderMissing } ?? problems.first { $0.code == .vocabularyMissing }
    }

    /// The validate stage: the content's problems (load problems included), and each profile source
    /// with the problems of its values added to its own.
    func validate(_ content: ContentSet, _ sources: [ProfileLoader.Loaded],
                  loadProblems: [Diagnostic]) -> ([Diagnostic], [ProfileLoader.Loaded]) {
        if let fatal = Self.fatal(loadProblems) { return ([fatal], sources) }
        let problems = (loadProblems + ContentValidator().validate(content)).sorted()
        let checked = parallelMap(sources) { source in
            var source = source
            if let profile = source.profile { source.diagnostics += validate(profile, content: content) }
            return source
        }
        return (problems, checked)
    }

    /// One profile's problems with its values, and the lint's warnings about it.
    func validate(_ profile: Profile, content: ContentSet) -> [Diagnostic] {
        ProfileValidator().validate(profile, content: content)
            + ProfileLint().diagnostics(profile, content: content)
            + DatedFactsLint().diagnostics(profile, content: content)
    }

    /// Load and validate in one call, for the commands that write nothing.
    func loadAndValidate(_ request: BuildRequest) -> (ContentSet, [ProfileLoader.Loaded], [Diagnostic]) {
        let (content, sources, loadProblems) = load(request.expandingProfilePaths())
        let (problems, checked) = validate(content, sources, loadProblems: loadProblems)
        return (content, checked, problems)
    }
}
