// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Preflight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        .library(name: "PreflightKit", targets: ["PreflightKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        .target(
            name: "PreflightKit",
            dependencies: [
                "CCmarkGFM",
                "CPreflightSystem",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "PreflightCLI",
            dependencies: [
                "PreflightKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "preflight", dependencies: ["PreflightCLI"]),
        .testTarget(name: "PreflightKitTests", dependencies: ["PreflightKit"]),
        .testTarget(name: "PreflightCLITests", dependencies: ["PreflightCLI", "PreflightKit"]),
    ],
    swiftLanguageModes: [.v6]
)
