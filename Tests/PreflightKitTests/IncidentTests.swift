import Foundation
import Testing
@testable import PreflightKit

/// Public post-mortems as scenarios (`Tests/Fixtures/incidents/`): the system as it was, as a profile,
/// and the items whose presence in its documents would have flagged the problem. Each scenario is
/// built from the shipped content; every expected item must be selected and reach a document a
/// reader opens.
@Suite("Incident scenarios")
struct IncidentTests {
    struct Incident: Sendable, CustomTestStringConvertible {
        var file: String
        var id: String
        var url: String
        var expect: [String]
        var profile: YAMLTree

        var testDescription: String { id }
        /// How a failure names the scenario, so a reader can open the post-mortem.
        var label: String { "\(id) (\(url))" }
    }

    static let folder = Repository.fixture("incidents")

    static let files: [String] = ContentLoader.walk(folder).filter { $0.hasSuffix(".yml") }.map { folder + "/" + $0 }

    static let all: [Incident] = files.compactMap { path in
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              case .success(.mapping(let entries, _)) = YAMLTree.parse(text, file: path, firstLine: 1) else { return nil }
        let fields = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let id = fields["id"]?.scalar, let url = fields["url"]?.scalar, let profile = fields["profile"],
              case .sequence(let expected, _)? = fields["expect"] else { return nil }
        return Incident(file: path, id: id, url: url, expect: expected.compactMap(\.scalar), profile: profile)
    }

    @Test func everyScenarioFileIsAScenario() {
        #expect(Self.files.count >= 10, "the issue asks for at least ten post-mortems")
        #expect(Self.all.count == Self.files.count, "a file lacks id, url, profile or expect")
        for incident in Self.all {
            #expect(incident.file.hasSuffix("/\(incident.id).yml"), "\(incident.file): the file name is the id")
            #expect(incident.url.hasPrefix("https://"), "\(incident.label)")
            #expect(!incident.expect.isEmpty, "\(incident.label) expects nothing")
        }
    }

    @Test(arguments: all)
    func theDocumentsCarryTheCheckThatWouldHaveCaughtIt(_ incident: Incident) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-incident-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let profilePath = folder + "/\(incident.id).yml"
        try Data(Self.yaml(incident.profile).utf8).write(to: URL(fileURLWithPath: profilePath))

        let (content, _) = Repository.loaded
        let (loaded, problems) = ProfileLoader(vocabulary: content.vocabulary).load(path: profilePath)
        let profile = try #require(loaded, "\(incident.label): the profile does not load: \(problems)")
        let selection = Selector().select(content, for: profile)
        for id in incident.expect {
            let decision = try #require(selection.decision(for: id), "\(incident.label): no shipped item is `\(id)`")
            let failed = decision.trace.filter { $0.isTest && !$0.passed }.map(\.label)
            #expect(decision.included, "\(incident.label): `\(id)` is left out (\(failed.joined(separator: ", ")))")
        }

        // The scenario's profile passes the strict check, and the build shows each item to a reader.
        let result = Pipeline().build(BuildRequest(base: Repository.content, profilePaths: [profilePath],
                                                   outputRoot: folder + "/out", cacheDirectory: folder + "/cache", strict: true))
        #expect(!result.failed, "\(incident.label): \(result.diagnostics.map(\.description).joined(separator: "\n"))")
        // Shown: an element of a page (a step, an entry), or a guidance item on the wiki by its title.
        let shown = Self.anchors(in: folder + "/out/" + profile.id)
        let wiki = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/" + profile.id + "/wiki")) ?? [])
            .compactMap { try? String(contentsOfFile: folder + "/out/" + profile.id + "/wiki/" + $0, encoding: .utf8) }
            .joined(separator: "\n")
        for id in incident.expect {
            let title = content.itemsByID[id]?.title ?? id
            #expect(shown.contains(id) || shown.contains("step-" + id) || wiki.contains("### " + title),
                    "\(incident.label): `\(id)` is in no checklist, runbook, wiki or reader's page")
        }
    }

    /// The ids of every element of the built HTML documents: each item a page shows is an element
    /// with the item's id (steps prefixed with `step-`).
    static func anchors(in profileFolder: String) -> Set<String> {
        var ids = Set<String>()
        for file in ContentLoader.walk(profileFolder) where file.hasSuffix(".html") {
            guard let html = try? String(contentsOfFile: profileFolder + "/" + file, encoding: .utf8) else { continue }
            var rest = html[...]
            while let start = rest.range(of: " id=\"") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                ids.insert(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return ids
    }

    /// The profile node back as YAML: every scalar double-quoted (JSON strings are YAML too), so that
    /// the loader reads exactly the text the scenario wrote.
    static func yaml(_ tree: YAMLTree, indent: String = "") -> String {
        func quoted(_ text: String) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            let data = (try? encoder.encode(text)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        switch tree {
        case .mapping(let entries, _):
            return entries.map { entry in
                switch entry.value {
                case .mapping: "\(indent)\(entry.key):\n" + yaml(entry.value, indent: indent + "  ")
                default: "\(indent)\(entry.key): " + yaml(entry.value, indent: indent + "  ")
                }
            }.joined()
        case .sequence(let elements, _):
            return "[" + elements.map { $0.scalar.map(quoted) ?? "null" }.joined(separator: ", ") + "]\n"
        case .scalar(let text, _):
            return quoted(text) + "\n"
        case .null:
            return "null\n"
        }
    }
}
