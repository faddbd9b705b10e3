import Benchmark
import Foundation
import PreflightKit
import PreflightReview

/// One benchmark per pipeline stage, then the whole build.
///
/// Stage benchmarks take the example profiles one after another (the library may still spread work
/// within a profile over the cores), so each shows its stage's whole cost for the content; `build`
/// is `preflight build` as it runs, with its cache, profile checks, writes and site index.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        // No retainCount: on Linux with Swift 6.3 the ARC hooks crash unless the benchmark package's
        // RuntimeInterposer trait is on, and that trait is off here (see Package.swift).
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        // Whichever comes first: enough samples for a stable median on the shipped content,
        // a bounded run on a 10,000-item corpus.
        maxDuration: .seconds(5),
        maxIterations: 30
    )

    Benchmark("load") { benchmark in
        let root = Fixture.contentRoot
        for _ in benchmark.scaledIterations {
            blackHole(ContentLoader().load(from: root))
        }
    } setup: {
        // Fails early, outside the measurement, when the content does not load.
        _ = try Fixture.load()
    }

    Benchmark("validate") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            blackHole(ContentValidator().validate(fixture.content))
        }
    } setup: {
        try Fixture.load()
    }

    Benchmark("select") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            for profile in fixture.profiles {
                blackHole(Selector().select(fixture.content, for: profile, readers: nil))
            }
        }
    } setup: {
        try Fixture.load()
    }

    Benchmark("assemble") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            let assembler = Assembler()
            for selection in fixture.selections {
                blackHole(assembler.assemble(Planner().plan(selection, content: fixture.content), selection: selection, content: fixture.content))
            }
        }
    } setup: {
        try Fixture.selections()
    }

    // Includes compiling the theme's templates, which every build does once.
    Benchmark("render") { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            let renderer = OutputRenderer(html: try HTMLRenderer(theme: fixture.content.theme))
            for (selection, assembly) in zip(fixture.selections, fixture.assemblies) {
                blackHole(renderer.files(for: selection, assembly: assembly, theme: fixture.content.theme))
            }
        }
    } setup: {
        try Fixture.assemblies()
    }

    // `preflight review` of a long plan against the first example profile: reading the Markdown and
    // running every criterion. Each criterion reads every block once, so time grows with the plan.
    Benchmark("review", configuration: .init(maxDuration: .seconds(10), maxIterations: 5)) { benchmark, fixture in
        for _ in benchmark.scaledIterations {
            let plan = Reviewer.parse(fixture.plan, file: "plan.md")
            blackHole(Reviewer().review(plan, profile: fixture.profile, content: fixture.content))
        }
    } setup: {
        try Fixture.review(headings: 20_000)
    }

    // Everything `preflight build` does, writes included, into an empty folder with an empty cache:
    // a rebuild may skip unchanged profiles, which would measure the cache instead of the build.
    Benchmark("build") { benchmark in
        let request = BuildRequest(base: Fixture.contentRoot, outputRoot: Fixture.outputRoot,
                                   cacheDirectory: Fixture.outputRoot + "-cache")
        try? FileManager.default.removeItem(atPath: Fixture.outputRoot)
        try? FileManager.default.removeItem(atPath: Fixture.outputRoot + "-cache")
        benchmark.startMeasurement()
        let result = Pipeline().build(request)
        benchmark.stopMeasurement()
        if result.failed {
            throw Fixture.Failure(description: "the build failed: \(result.diagnostics.filter { $0.level == .error })")
        }
    } teardown: {
        try? FileManager.default.removeItem(atPath: Fixture.outputRoot)
        try? FileManager.default.removeItem(atPath: Fixture.outputRoot + "-cache")
    }
}
