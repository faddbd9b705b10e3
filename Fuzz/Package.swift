// swift-tools-version: 6.1
// libFuzzer targets for Preflight's parsers. Build and run with `scripts/fuzz.sh` (see the README);
// they are a package of their own because they only link with `-sanitize=fuzzer`.
import PackageDescription

let fuzzerFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "PreflightFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Preflight", path: "..")],
    targets: [
        .executableTarget(name: "FuzzFrontMatter", dependencies: [.product(name: "PreflightKit", package: "Preflight")],
                          swiftSettings: fuzzerFlags, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzProfile", dependencies: [.product(name: "PreflightKit", package: "Preflight")],
                          swiftSettings: fuzzerFlags, linkerSettings: fuzzerLink),
        .executableTarget(name: "FuzzReview", dependencies: [.product(name: "PreflightKit", package: "Preflight"),
                                                             .product(name: "PreflightReview", package: "Preflight")],
                          swiftSettings: fuzzerFlags, linkerSettings: fuzzerLink),
    ],
    swiftLanguageModes: [.v6]
)
