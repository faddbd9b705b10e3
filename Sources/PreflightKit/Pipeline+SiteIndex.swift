import Foundation

/// The files at the top of the output folder, made from the profile folders it holds: after every
/// build, and on their own for a fleet whose shards were built on several machines.
extension Pipeline {
    /// `build --index-only`: the site index (`index.html`, `README.md` and the theme's assets) over
    /// the profile folders already in the output, with no profile built. The content is loaded and
    /// checked for its theme, as a build does, and its errors stop it before anything is written.
    public func buildIndex(_ request: BuildRequest, clock: StageClock = StageClock()) -> BuildResult {
        do throws(WriteError) {
            try OutputWriter(root: request.outputRoot).claimRoot(contentFolders: request.layers.folders)
        } catch {
            return BuildResult(diagnostics: [error.diagnostic(at: request.outputRoot)], failed: true)
        }
        OutputWriter(root: request.outputRoot).removeLeftovers()
        let (content, loadProblems) = clock.measure("load") { ContentLoader().load(request.layers) }
        if let fatal = Self.fatal(loadProblems) { return BuildResult(diagnostics: [fatal], failed: true) }
        let problems = clock.measure("validate") { (loadProblems + ContentValidator().validate(content)).sorted() }
        if problems.hasErrors || (request.strict && problems.warningCount > 0) {
            return BuildResult(diagnostics: problems, failed: true)
        }
        let renderer: HTMLRenderer
        do throws(Diagnostic) {
            renderer = try htmlRenderer(for: content, request: request)
        } catch {
            return BuildResult(diagnostics: problems + [error], failed: true)
        }
        var result = BuildResult(diagnostics: problems)
        do throws(WriteError) {
            result.indexed = try writeSiteIndex(request.outputRoot, renderer: renderer, theme: content.theme, clock: clock).map(\.id)
        } catch {
            result.diagnostics.append(error.diagnostic(at: request.outputRoot))
            result.failed = true
        }
        return result
    }

    /// Writes the index of every profile folder Preflight owns in `root`, and returns their cards.
    /// It lists what is on disk, so a build of some profiles, or of one shard, keeps the others.
    func writeSiteIndex(_ root: String, renderer: HTMLRenderer, theme: Theme, clock: StageClock) throws(WriteError) -> [ProfileCard] {
        let writer = OutputWriter(root: root)
        let cards = writer.profileCards()
        let index = clock.measure("render") { SiteIndex(cards: cards).files(renderer: renderer, theme: theme) }
        try clock.measure("write") { () throws(WriteError) in try writer.replaceSiteFiles(index) }
        return cards
    }

    /// The theme's templates compiled for the pages; an error at the theme's folder when they do not compile.
    func htmlRenderer(for content: ContentSet, request: BuildRequest) throws(Diagnostic) -> HTMLRenderer {
        do {
            return try HTMLRenderer(theme: content.theme, unsafeHTML: request.unsafeHTML)
        } catch {
            throw Diagnostic.error(.templateSyntax, "the theme does not compile: \(error)",
                                   at: SourceLocation(file: request.base + "/theme"))
        }
    }
}
