import ArgumentParser
import Foundation
import PreflightKit

/// Where the knowledge base is — a base and the overlays laid over it — and how strictly to treat it.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The knowledge base to build on: guidance items, vocabulary, theme and example profiles. Default: the shipped one.",
                                            valueName: "dir"))
    var base: String?

    @Option(name: .customLong("content"),
            help: ArgumentHelp("An overlay laid over the base: its items add to the base's or replace those with the same id, and its overlay.yml may disable some. Repeat for several; the later wins. Default: $\(Self.environmentVariable), a :-separated list.",
                               valueName: "dir"))
    var overlays: [String] = []

    @Flag(name: .long, help: "Treat warnings as errors (exit 1 when there are any).")
    var strict = false

    /// Overlays to use when no `--content` is given, separated by `:` as in `PATH`.
    static let environmentVariable = "PREFLIGHT_CONTENT"

    /// The base and the overlays these options name.
    var layers: ContentLayers {
        ContentLayers(base: base ?? ShippedContent.locate(), overlays: overlayFolders)
    }

    /// A request that reads these layers and the given profiles, for the commands that build nothing.
    func request(profilePaths: [String], outputRoot: String = "") -> BuildRequest {
        BuildRequest(base: layers.base, overlays: layers.overlays, profilePaths: profilePaths, outputRoot: outputRoot)
    }

    /// `--content` as given, or else the folders `PREFLIGHT_CONTENT` lists (empty parts skipped).
    var overlayFolders: [String] {
        guard overlays.isEmpty else { return overlays }
        let listed = ProcessInfo.processInfo.environment[Self.environmentVariable] ?? ""
        return listed.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
    }
}
