// swift-tools-version: 6.1
// A package of its own so that benchmarking never touches the main package's `.build` folder
// and the main package keeps no dependency on the benchmark harness.
import PackageDescription

let package = Package(
    name: "PreflightBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Preflight", path: ".."),
        // MallocInterposer only (for the allocation counts). Naming traits turns off the default
        // RuntimeInterposer trait and its swift-runtime-interposer package, which Linux with Swift 6.3
        // needs for retain counts; the benchmarks do not collect those.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The benchmark plugin finds suites under `Benchmarks/<target>` at the package root.
        .executableTarget(
            name: "PreflightBenchmarks",
            dependencies: [
                .product(name: "PreflightKit", package: "Preflight"),
                .product(name: "PreflightReview", package: "Preflight"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/PreflightBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
