import Foundation
import PreflightKit

/// The content a run measures, and the state each stage starts from.
///
/// Every benchmark runs in a process of its own; its setup builds only the stages before the one
/// it measures, so that the measured closure does its own stage and nothing else.
enum Fixture {
    /// `PREFLIGHT_BENCH_CONTENT` when set (for example a corpus from `generate_corpus.py`),
    /// otherwise the repository's shipped `Content/`, found from this file rather than the working
    /// directory, which the benchmark plugin chooses.
    static let contentRoot: String = {
        if let root = ProcessInfo.processInfo.environment["PREFLIGHT_BENCH_CONTENT"], !root.isEmpty {
            return root
        }
        // <repo>/Benchmarks/Benchmarks/PreflightBenchmarks/Fixture.swift
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Content").path
    }()

    /// Where `build` writes: a folder of this process under the system's temporary directory.
    static let outputRoot = FileManager.default.temporaryDirectory
        .appendingPathComponent("preflight-bench-\(ProcessInfo.processInfo.processIdentifier)").path

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Content and example profiles; refuses content with errors, which would measure a failed build.
    static func load() throws -> (content: ContentSet, profiles: [Profile]) {
        let (content, problems) = ContentLoader().load(from: contentRoot)
        let (profiles, profileProblems) = Pipeline().loadProfiles(BuildRequest(base: contentRoot), content: content)
        let errors = (problems + profileProblems).filter { $0.level == .error }
        guard errors.isEmpty, !profiles.isEmpty else {
            throw Failure(description: "`\(contentRoot)` does not load cleanly: \(errors.count) errors, "
                + "\(profiles.count) profiles; first: \(errors.first.map { "\($0)" } ?? "none")")
        }
        return (content, profiles)
    }

    /// One selection per example profile, as every build makes them.
    static func selections() throws -> (content: ContentSet, selections: [Selection]) {
        let (content, profiles) = try load()
        return (content, profiles.map { Selector().select(content, for: $0, readers: nil) })
    }

    /// A Markdown plan of `headings` headings, each over one short paragraph, the shape that made
    /// `review` quadratic: about 0.7 MB at 20,000 headings. Sections nest (`##` over three `###`), and
    /// the headings repeat the words criteria look for, so that every section check finds matches.
    static func longPlan(headings: Int) -> String {
        let words = ["Cutover", "Rollback plan", "Pre-flight checklist", "Backup and restore", "Monitoring",
                     "Replication lag", "Communication", "Verification"]
        var text = "# Migration plan\n\n"
        for index in 0..<headings {
            text += "\(index % 4 == 0 ? "##" : "###") \(words[index % words.count]) \(index)\n\nWait \(index % 90) s.\n\n"
        }
        return text
    }

    /// The content, the first example profile and a long plan: the input of `review`.
    static func review(headings: Int) throws -> (content: ContentSet, profile: Profile, plan: String) {
        let (content, profiles) = try load()
        return (content, profiles[0], longPlan(headings: headings))
    }

    /// Selections with their assemblies, the input of the render stage.
    static func assemblies() throws -> (content: ContentSet, selections: [Selection], assemblies: [Assembly]) {
        let (content, selections) = try selections()
        let assembler = Assembler()
        return (content, selections, selections.map { assembler.assemble(Planner().plan($0, content: content), selection: $0, content: content) })
    }
}
