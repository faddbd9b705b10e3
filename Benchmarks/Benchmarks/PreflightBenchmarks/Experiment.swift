import Benchmark
import Foundation
import PreflightKit

func experiments() {
    let m: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .mallocFreeDelta, .memoryLeakedBytes, .peakMemoryResident]
    Benchmark("x-array", configuration: .init(metrics: m, maxIterations: 10)) { _ in
        for _ in 0..<1000 { blackHole([UInt8](repeating: 1, count: 25_000)) }
    }
    Benchmark("x-string", configuration: .init(metrics: m, maxIterations: 10)) { _ in
        for i in 0..<1000 { blackHole(Array((String(repeating: "ab", count: 12_000) + "\(i)").utf8)) }
    }
    Benchmark("x-htmlrenderer", configuration: .init(metrics: m, maxIterations: 10)) { _, f in
        blackHole(try? HTMLRenderer(theme: f.content.theme, cache: RenderCache()))
    } setup: { try Fixture.load() }
    Benchmark("x-render-count", configuration: .init(metrics: m, maxIterations: 10)) { _, f in
        let r = OutputRenderer(html: try! HTMLRenderer(theme: f.content.theme, cache: RenderCache()))
        var n = 0
        for (s, a) in zip(f.selections, f.assemblies) { n += r.files(for: s, assembly: a, theme: f.content.theme).count }
        blackHole(n)
    } setup: { try Fixture.assemblies() }
    Benchmark("x-gfm", configuration: .init(metrics: m, maxIterations: 10)) { _ in
        for i in 0..<1000 { blackHole(GFM.html("# Title \(i)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nsome *text* here")) }
    }
    Benchmark("x-yaml-load-one", configuration: .init(metrics: m, maxIterations: 10)) { _ in
        blackHole(ContentLoader().load(from: Fixture.contentRoot))
    }
    Benchmark("x-html-pages", configuration: .init(metrics: m, maxIterations: 5)) { _, f in
        let html = try! HTMLRenderer(theme: f.content.theme, cache: RenderCache())
        for (s, a) in zip(f.selections, f.assemblies) {
            let site = ["profile_name": s.profile.name, "profile_id": s.profile.id]
            for d in a.documents { blackHole(html.render(d, site: site, navigation: [])) }
        }
    } setup: { try Fixture.assemblies() }
    Benchmark("x-markdown", configuration: .init(metrics: m, maxIterations: 5)) { _, f in
        for a in f.assemblies { for d in a.documents { blackHole(MarkdownRenderer().render(d)) } }
    } setup: { try Fixture.assemblies() }
    Benchmark("x-search", configuration: .init(metrics: m, maxIterations: 5)) { _, f in
        for a in f.assemblies { blackHole(SearchIndex(documents: a.documents).script()) }
    } setup: { try Fixture.assemblies() }
    Benchmark("x-explain", configuration: .init(metrics: m, maxIterations: 5)) { _, f in
        for s in f.selections { blackHole(ExplainReport(s).json()) }
    } setup: { try Fixture.assemblies() }
}
