import Foundation
import Testing
@testable import PreflightKit

/// A team's rehearsed rates (`rates.…` in the profile) replace the content's planning rates in the
/// plan's clock, upwards as well as downwards, and the documents say where the figure came from.
@Suite("Calibration from a rehearsal")
struct CalibrationTests {
    static let profile = """
    id: calibrated
    name: Dump and restore, rehearsed
    source: { engine: postgresql, version: "15", hosting: self-managed }
    target: { engine: postgresql, version: "18", hosting: self-managed }
    data: { size: 2 TB }
    window: { mode: offline, duration: 72h }
    tools: { available: [pg_dump, pg_restore, psql], unavailable: [pg_upgrade], closed: true }
    """

    func plan(extra: String) throws -> Plan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("profile.yml")
        try (Self.profile + "\n" + extra).write(to: file, atomically: true, encoding: .utf8)
        return try Pipeline().plan(BuildRequest(base: Repository.content, profilePaths: [file.path])).get().0
    }

    func restore(_ plan: Plan) throws -> (TimeSpan, String) {
        let step = try #require(plan.steps.first { $0.id == "step-pg-restore-parallel" })
        let estimate = try #require(step.item.estimate)
        return (try #require(estimate.resolve(for: plan.profile)), estimate.describe(for: plan.profile))
    }

    @Test func aRehearsedRateReplacesThePlanningRateAndItsCap() throws {
        let planned = try restore(try plan(extra: "hardware: { disk_throughput: 50 GB/h }"))
        // 2 TB at the cap of 50 GB/h plus the margin: the content's clock.
        #expect(planned.0.seconds > 40 * 3600, "\(planned)")
        let rehearsed = try restore(try plan(extra: "hardware: { disk_throughput: 50 GB/h }\nrates: { restore: 400 GB/h }"))
        #expect(rehearsed.0.seconds == 2_000_000_000_000 / (400_000_000_000 / 3600.0), "\(rehearsed)")
        #expect(rehearsed.1.contains("as rehearsed, `rates.restore`"), "\(rehearsed.1)")
        let slower = try restore(try plan(extra: "rates: { restore: 20 GB/h }"))
        #expect(slower.0.seconds == 100 * 3600, "\(slower)")
    }

    @Test func measuredMustNameARatesField() throws {
        let site = try FixtureSite(MalformedInputTests.valid.merging([
            "Content/step.md": MalformedInputTests.item("""
            id: step-copy
            kind: step
            title: Copy
            reviewed: 2026-11
            phase: cutover
            estimate: { rate: 100 GB/h, of: data.size, measured: rates.restor }
            """),
        ]) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content))
        #expect(result.failed)
        #expect(result.diagnostics.contains { $0.message.contains("`measured: rates.restor`") && ($0.hint ?? "").contains("rates.restore") },
                "\(result.diagnostics.map(\.description))")
    }
}
