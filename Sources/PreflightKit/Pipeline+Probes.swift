/// The loaded content for the commands that talk to a live database (`inspect`, `verify`): they need
/// the probes, and the profile when the request names one, but build nothing.
extension Pipeline {
    package func loadForDatabase(_ request: BuildRequest) -> Result<(ContentSet, Profile?), DiagnosticsError> {
        let namesProfile = !request.profilePaths.isEmpty || request.quickProfile != nil
        let content: ContentSet, diagnostics: [Diagnostic], profile: Profile?
        if namesProfile {
            let (loaded, sources, problems) = loadAndValidate(request)
            (content, diagnostics, profile) = (loaded, problems + sources.flatMap(\.diagnostics), sources.compactMap(\.profile).first)
        } else {
            let (loaded, problems) = ContentLoader().load(request.layers)
            let all = Self.fatal(problems).map { [$0] } ?? problems + ContentValidator().validate(loaded)
            (content, diagnostics, profile) = (loaded, all, nil)
        }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics.filter { $0.level == .error })) }
        return .success((content, profile))
    }
}
