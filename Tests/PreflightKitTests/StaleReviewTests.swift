import Foundation
import Testing
@testable import PreflightKit

/// `check --stale SPAN`, on fixture sites with known review dates.
@Suite("Stale reviews")
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
        let result = Pipeline().check(BuildRequest(contentRoot: site.content), stale: span, today: today)
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
}
