import Foundation
import Testing
@testable import PreflightKit

/// Review dates: `reviewed` is a month and `as_of` a day or a month, both dates that exist, read into
/// the item with a positioned error otherwise; the spans `check --stale` takes.
@Suite("Review dates")
struct FreshnessTests {
    func site(_ files: [String: String]) throws -> FixtureSite {
        try FixtureSite(FixtureSite.basics.merging(files) { _, new in new })
    }

    func tip(_ keys: String, id: String = "tip-a", body: String = "Do it.") -> String {
        "---\nid: \(id)\nkind: tip\ntitle: \(id)\n\(keys)\n---\n\(body)\n"
    }

    @Test(arguments: [("2026-12", true), ("2024-02", true), ("2026-13", false), ("2026-00", false), ("2026-1", false),
                      ("26-12", false), ("2026-12-01", false), ("２０２６-12", false), ("", false)])
    func reviewedIsARealMonth(text: String, valid: Bool) {
        #expect((CalendarDate.parse(text, allowDay: false) != nil) == valid, "\(text)")
    }

    @Test(arguments: [("2026-12-01", true), ("2024-02-29", true), ("2026-12", true), ("2025-02-29", false),
                      ("2026-04-31", false), ("2026-12-1", false), ("2026-12-01T00:00", false), ("1900-02-29", false)])
    func asOfIsARealDateOrMonth(text: String, valid: Bool) {
        #expect((CalendarDate.parse(text, allowDay: true) != nil) == valid, "\(text)")
    }

    @Test func monthArithmeticCrossesYearsAndClampsDays() {
        #expect(CalendarDate(year: 2026, month: 1).adding(months: -1) == CalendarDate(year: 2025, month: 12))
        #expect(CalendarDate(year: 2026, month: 12).adding(months: -12) == CalendarDate(year: 2025, month: 12))
        #expect(CalendarDate(year: 2026, month: 1, day: 31).adding(months: 1) == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(CalendarDate(year: 2026, month: 1) < CalendarDate(year: 2026, month: 1, day: 2))
    }

    @Test func todayComesFromSourceDateEpochWhenSet() {
        #expect(CalendarDate.today(environment: ["SOURCE_DATE_EPOCH": "1796083200"]) == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(CalendarDate.today(environment: ["SOURCE_DATE_EPOCH": "soon"]).year >= 2026, "an unreadable value falls back to the clock")
    }

    @Test(arguments: [("12mo", 12), ("18mo", 18), ("2y", 24), ("1y6mo", 18), ("3 months", 3), ("1year", 12),
                      ("12m", nil), ("0mo", nil), ("mo", nil), ("-3mo", nil), ("12", nil), ("", nil)] as [(String, Int?)])
    func spansAreMonthsOrYears(text: String, months: Int?) {
        #expect(MonthSpan.parse(text)?.months == months, "\(text)")
    }

    @Test func theLoaderStoresBothDates() throws {
        let site = try site(["Content/a.md": tip("reviewed: 2026-11\nas_of: \"2026-12-01\"")])
        defer { site.remove() }
        let (content, problems) = ContentLoader().load(from: site.content)
        #expect(problems.isEmpty, "\(problems)")
        let item = try #require(content.items.first)
        #expect(item.reviewed == CalendarDate(year: 2026, month: 11))
        #expect(item.asOf == CalendarDate(year: 2026, month: 12, day: 1))
    }

    @Test(arguments: [("reviewed: 2026-13", 5, 11), ("reviewed: 2026-11-02", 5, 11), ("as_of: \"2026-02-30\"", 5, 8),
                      ("reviewed: [2026-11]", 5, 11)])
    func aDateThatDoesNotExistIsAPositionedError(line: String, row: Int, column: Int) throws {
        let site = try site(["Content/a.md": tip(line)])
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content))
        #expect(result.failed)
        let error = try #require(result.diagnostics.first { $0.level == .error }, "\(result.diagnostics)")
        #expect(error.location.file.hasSuffix("/a.md") && error.location.line == row && error.location.column == column,
                "\(error)")
        if !line.contains("[") {
            #expect(error.code == DiagnosticCode.invalidDate && error.hint?.contains("write for example") == true, "\(error)")
        }
    }

    @Test func anItemWithoutReviewedIsAWarningThatStrictRefuses() throws {
        let site = try site(["Content/a.md": tip("severity: low"), "Content/b.md": tip("reviewed: 2026-11", id: "tip-b")])
        defer { site.remove() }
        let lenient = Pipeline().check(BuildRequest(base: site.content))
        #expect(!lenient.failed)
        let warnings = lenient.diagnostics.filter { $0.code == DiagnosticCode.notReviewed }
        #expect(warnings.count == 1 && warnings.first?.level == .warning, "\(lenient.diagnostics)")
        #expect(warnings.first?.location.file.hasSuffix("/a.md") == true && warnings.first?.location.line == 4)
        #expect(Pipeline().check(BuildRequest(base: site.content, strict: true)).failed)
        try site.write("Content/a.md", tip("severity: low\nreviewed: 2026-10"))
        #expect(!Pipeline().check(BuildRequest(base: site.content, strict: true)).failed)
    }

    @Test func everyShippedItemCarriesAReviewMonth() {
        let missing = Repository.loaded.0.items.filter { $0.reviewed == nil }.map(\.file)
        #expect(missing.isEmpty, "\(missing.count) items without `reviewed`: \(missing.prefix(5))")
    }
}
