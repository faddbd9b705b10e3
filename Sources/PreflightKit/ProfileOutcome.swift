/// What became of one profile in a build: its report, its problems and, when its output folder is
/// current, the cache record of what it holds.
struct ProfileOutcome: Sendable {
    var report: ProfileReport
    var diagnostics: [Diagnostic]
    var record: BuildCache.Entry?

    /// A profile not yet built: failed until a stage says otherwise, with the problems of its source.
    init(source: ProfileLoader.Loaded) {
        report = ProfileReport(id: source.id, origin: source.origin, status: .failed)
        diagnostics = source.diagnostics
        report.errors = diagnostics.errorCount
        report.warnings = diagnostics.warningCount
    }

    mutating func upToDate(key: String, files: [String: OutputWriter.FileRecord]) {
        report.status = .upToDate
        report.files = files.count
        record = BuildCache.Entry(key: key, files: files)
    }

    /// - Parameter folder: the profile's output folder, where files nobody's build wrote were removed.
    mutating func built(key: String, written: OutputWriter.Report, folder: String) {
        report.status = .built
        report.files = written.files.count
        report.written = written.written
        record = BuildCache.Entry(key: key, files: written.files)
        if !written.removedForeign.isEmpty {
            let count = written.removedForeign.count
            let names = written.removedForeign.prefix(10).map { "`\($0)`" }.joined(separator: ", ")
                + (count > 10 ? " and \(count - 10) more" : "")
            diagnostics.append(.warning(.foreignFilesRemoved,
                                        "the rebuild removed \(count) file\(count == 1 ? "" : "s") Preflight had not written: \(names)",
                                        at: SourceLocation(file: folder)))
            report.warnings += 1
        }
    }

    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        report.errors += 1
    }
}
