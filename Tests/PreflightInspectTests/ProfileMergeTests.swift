import Foundation
import Testing
@testable import PreflightKit

/// `inspect --write`: measured facts merged into a profile's text, changing only what disagrees.
@Suite struct ProfileMergeTests {
    let report = InspectReport(
        measuredAt: "2026-12-04T10:02:00Z", source: .init(address: "postgresql://u@h:5432/billing", version: "12.17"),
        facts: [
            .init(probe: "p1", title: "Version", measures: "source.version", unit: .version, value: "12.17"),
            .init(probe: "p2", title: "Size", measures: "data.size", unit: .bytes, value: "1.4 TB"),
            .init(probe: "p3", title: "Tables", measures: "data.tables", unit: .count, value: "345"),
            .init(probe: "p4", title: "Largest", measures: "data.largest_table", unit: .text, value: "",
                  parts: ["name": "orders", "size": "410 GB", "rows": "1250000000"]),
            .init(probe: "p5", title: "Extensions", measures: "extensions", unit: .list, value: "pgcrypto, postgis",
                  items: ["pgcrypto 1.3", "postgis 3.4.2"]),
            .init(probe: "p6", title: "WAL level", measures: "server.wal_level", unit: .text, value: "logical"),
        ])

    func load(_ text: String) throws -> Profile? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString).yml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (profile, problems) = ProfileLoader(vocabulary: Vocabulary(engines: [.init(id: "postgresql", name: "PostgreSQL", family: "postgresql", aliases: [])]))
            .load(path: path)
        if profile == nil { Issue.record("does not load: \(problems)\n\(text)") }
        return profile
    }

    @Test func agreeingValuesKeepTheirFormAndComments() throws {
        let original = """
        # Our billing database.
        id: billing
        source: { engine: postgresql, version: "12", hosting: self-managed }  # the old primary
        target: { engine: postgresql, version: "15" }
        data:
          size: 1 TB   # a guess from last year
          tables: 340
        """
        let profile = try #require(try load(original))
        let (text, changes) = ProfileMerge(report: report).merge(into: original, current: profile, newID: "x")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# Our billing database.")
        #expect(lines[2] == #"source: { engine: postgresql, version: "12", hosting: self-managed }  # the old primary"#,
                "12 agrees with 12.17 at the precision written, so the line is untouched")
        #expect(lines.contains("  size: 1.4 TB   # measured 2026-12-04 10:02 UTC (size was 1 TB); a guess from last year"))
        #expect(lines.contains("  tables: 340"), "345 is within 10% of 340")
        #expect(text.contains("extensions: [pgcrypto, postgis]  # measured 2026-12-04 10:02 UTC"))
        #expect(!text.contains("wal_level"), "server facts are for the report only")
        #expect(changes.first { $0.field == "data.size" }?.kind == .replaced)
        #expect(changes.first { $0.field == "data.tables" }?.kind == .agrees)
        #expect(changes.first { $0.field == "source.version" }?.kind == .agrees)
        let merged = try #require(try load(text))
        #expect(merged["data.size"]?.description == "1.4 TB")
        #expect(merged["data.largest_table.name"]?.description == "orders")
        #expect(merged["data.largest_table.rows"]?.description == "1250000000")
        #expect(merged["extensions"] == .list(["pgcrypto", "postgis"]))
        #expect(merged["source.hosting"]?.description == "self-managed")
    }

    @Test func flowMappingsTakeNewKeysInline() throws {
        let original = "id: b\nsource: { engine: postgresql, version: \"11\" }\ntarget: { engine: postgresql, version: \"16\" }\ndata: { tables: 10 }\n"
        let profile = try #require(try load(original))
        let (text, _) = ProfileMerge(report: report).merge(into: original, current: profile, newID: "x")
        #expect(text.contains(#"version: 12.17 }"#), "11 disagrees with 12.17 and is replaced")
        #expect(text.contains("(version was 11)"))
        let merged = try #require(try load(text))
        #expect(merged["source.version"]?.description == "12.17")
        #expect(merged["data.tables"]?.description == "345")
        #expect(merged["data.size"]?.description == "1.4 TB")
    }

    @Test func aNewProfileHoldsWhatWasMeasured() throws {
        let (text, changes) = ProfileMerge(report: report).merge(into: nil, current: nil, newID: "billing")
        #expect(text.hasPrefix("# Measured by `preflight inspect`"))
        #expect(changes.allSatisfy { $0.kind == .added })
        let profile = try #require(try load(text + "target: { engine: postgresql, version: \"16\" }\n"))
        #expect(profile.id == "billing")
        #expect(profile["source.version"]?.description == "12.17")
        #expect(profile["data.largest_table.size"]?.description == "410 GB")
    }
}
