import Foundation
import Testing
@testable import PreflightKit

/// `check --stale SPAN` and the dated-facts warning, on fixture sites with known review dates.
@Suite("Stale reviews and dated facts")
struct StaleReviewTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 4)

    static let items: [String: String] = [
        // Filed under engines/: its folder names the engine, whatever `when` says.
        "Content/engines/postgresql/old-note.md": note("pg-old", "reviewed: 2024-03\nwhen: { source.family: mysql }"),
        "Content/engines/postgresql/fresh-note.md": note("pg-fresh", "reviewed: 2026-06"),
        // Elsewhere, the family the `when` names (through an alias), the source's first.
        "Content/guidance/tips/mysql-tip.md": note("tip-mysql", "reviewed: 2025-11\nwhen: { source.engine: mysql, target.engine: pg }", kind: "tip"),
        "Content/guidance/tips/pg-tip.md": note("tip-pg", "when: { target.engine: pg }", kind: "tip"),
        // A month exactly the span ago still counts as reviewed within it.
        "Content/guidance/tips/boundary.md": note("tip-boundary", "reviewed: 2025-12", kind: "tip"),
        "Content/guidance/tips/general.md": note("tip-general", "reviewed: 2025-01\nwhen: { source.family: [mysql, postgresql] }", kind: "tip"),
    ]

    static func note(_ id: String, _ keys: String, kind: String = "engine-note") -> String {
        "---\nid: \(id)\nkind: \(kind)\ntitle: \(id)\n\(keys)\nsources: [{ title: Docs, url: \"https://example.com/\" }]\n---\nBody.\n"
    }

    func staleReview(_ span: MonthSpan, today: CalendarDate = today) throws -> (StaleReview, String) {
        let site = try FixtureSite(FixtureSite.basics.merging(Self.items) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content), stale: span, today: today)
        #expect(!result.failed, "\(result.diagnostics)")
        return (try #require(result.stale), site.content)
    }

    @Test func twelveMonthsListsOlderItemsByEngine() throws {
        let (review, root) = try staleReview(MonthSpan(months: 12))
        #expect(review.oldestFresh == CalendarDate(year: 2025, month: 12))
        #expect(review.groups.map(\.engine) == ["mysql", "postgresql", "general"])
        #expect(review.groups.map { $0.entries.map(\.id) } == [["tip-mysql"], ["tip-pg", "pg-old"], ["tip-general"]],
                "never reviewed first, then oldest first")
        #expect(review.count == 4)
        let old = try #require(review.groups[1].entries.last)
        #expect(old.file == root + "/engines/postgresql/old-note.md" && old.reviewed == CalendarDate(year: 2024, month: 3))
        #expect(review.groups[1].entries.first?.reviewed == nil)
    }

    @Test func aLongerSpanListsFewer() throws {
        let (review, _) = try staleReview(MonthSpan(months: 24))
        #expect(review.groups.flatMap(\.entries).map(\.id).sorted() == ["pg-old", "tip-pg"])
        let (none, _) = try staleReview(MonthSpan(months: 12), today: CalendarDate(year: 2024, month: 4, day: 1))
        #expect(none.groups.flatMap(\.entries).map(\.id) == ["tip-pg"], "only the item never reviewed")
    }

    // MARK: dated facts against the window

    static let dated: [String: String] = [
        "Content/cloud/eol.md": note("eol-dates", "reviewed: 2026-01\nas_of: \"2026-01-15\"\nwhen: { source.family: postgresql }"),
        "Content/cloud/mysql-eol.md": note("mysql-eol-dates", "reviewed: 2026-01\nas_of: 2026-01\nwhen: { source.family: mysql }"),
        "Content/cloud/dba-only.md": note("dba-prices", "reviewed: 2026-01\nas_of: 2026-01\nroles: [dba]"),
    ]

    func datedWarnings(window: String?, roles: String = "") throws -> [Diagnostic] {
        var profile = "id: p\nsource: { engine: postgresql, version: \"14\" }\ntarget: { engine: postgresql, version: \"16\" }\n" + roles
        if let window { profile += "window: { starts: \"\(window)\", timezone: UTC }\n" }
        let site = try FixtureSite(FixtureSite.basics.merging(Self.dated) { _, new in new }.merging(["p.yml": profile]) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content, profilePaths: [site.path("p.yml")], strict: true))
        let warnings = result.diagnostics.filter { $0.code == DiagnosticCode.factsOlderThanWindow }
        #expect(result.failed == !warnings.isEmpty, "only these warnings: \(result.diagnostics)")
        return warnings
    }

    @Test func aWindowMoreThanAYearAfterTheFactsIsAWarning() throws {
        let warnings = try datedWarnings(window: "2027-06-05T02:00")
        #expect(warnings.map(\.message) == [
            "`dba-prices` states facts as of 2026-01; the window starts 2027-06-05: re-check them",
            "`eol-dates` states facts as of 2026-01-15; the window starts 2027-06-05: re-check them",
        ])
        #expect(warnings.allSatisfy { $0.level == .warning && $0.location.file.hasSuffix("p.yml") && $0.location.line == 4 })
        #expect(warnings.first?.hint?.contains("cloud/dba-only.md") == true)
    }

    @Test func theYearIsCountedToTheDay() throws {
        #expect(try datedWarnings(window: "2027-01-01T00:00").isEmpty, "twelve months to the day are not more than twelve")
        #expect(try datedWarnings(window: "2027-01-02T00:00").map(\.message) == [
            "`dba-prices` states facts as of 2026-01; the window starts 2027-01-02: re-check them",
        ], "a month-only `as_of` counts from the 1st")
        #expect(try datedWarnings(window: "2027-01-15T23:00").count == 1, "the time of day does not matter")
        #expect(try datedWarnings(window: "2027-01-16T00:30").count == 2)
    }

    @Test func onlyIncludedItemsAndDatedWindowsAreJudged() throws {
        #expect(try datedWarnings(window: nil).isEmpty, "no start date, nothing to compare")
        let forEngineers = try datedWarnings(window: "2028-01-01T00:00", roles: "roles: [engineer]\n")
        #expect(forEngineers.map(\.message) == ["`eol-dates` states facts as of 2026-01-15; the window starts 2028-01-01: re-check them"],
                "the MySQL item does not apply and the DBA item is not for these readers")
    }
}
