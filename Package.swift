// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Preflight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        .library(name: "PreflightKit", targets: ["PreflightKit"]),
        .library(name: "PreflightReview", targets: ["PreflightReview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The preview server; no traits, so neither swift-configuration nor the full Foundation is pulled in.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CPreflightSystem"),
        // The model and the build pipeline: load → validate → select → assemble → render → write.
        .target(
            name: "PreflightKit",
            dependencies: [
                "CCmarkGFM",
                "CPreflightSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // HTML read with libxml2: the link check of a built site, and HTML plans for the review.
        .target(name: "PreflightSiteCheck", dependencies: ["PreflightKit", "CLibXML2"]),
        // Scoring an AI-written plan against a profile.
        .target(name: "PreflightReview", dependencies: ["PreflightKit", "PreflightSiteCheck", "CCmarkGFM"]),
        // Talking to real databases: `inspect` runs the content's probes, `verify` compares two databases.
        .target(
            name: "PreflightInspect",
            dependencies: ["PreflightKit", "CPreflightSystem", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The live preview: a build, a watcher and a Hummingbird server on loopback.
        .target(
            name: "PreflightServe",
            dependencies: [
                "PreflightKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PreflightCLI",
            dependencies: [
                "PreflightKit",
                "PreflightReview",
                "PreflightServe",
                "PreflightSiteCheck",
                "PreflightInspect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "preflight", dependencies: ["PreflightCLI"]),
        .testTarget(name: "PreflightKitTests",
                    dependencies: ["PreflightKit", "PreflightReview", "PreflightServe", "PreflightSiteCheck", "CCmarkGFM", "CLibXML2"]),
        .testTarget(name: "PreflightInspectTests", dependencies: ["PreflightInspect", "PreflightKit", "PreflightCLI"]),
        .testTarget(name: "PreflightCLITests", dependencies: ["PreflightCLI", "PreflightKit"]),
    ],
    swiftLanguageModes: [.v6]
)
