import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightReview

/// Good plans must not be failed for saying a thing another way, and the edits that once fooled the
/// review must each cost a good plan points.
@Suite("Review: fair to good plans")
struct ReviewFairnessTests {
    /// The plans a human judged criterion by criterion: at least three engines beyond PostgreSQL.
    static let judged = ["acme-good-five-edits.md", "marketplace-mysql-blue-green.md", "clinic-mongodb-rolling-atlas.md",
                         "contoso-azure-sql-offline.md"]

    static func expectation(_ plan: String) throws -> ReviewCorpusTests.Expectation {
        let base = (plan as NSString).deletingPathExtension
        let data = try Data(contentsOf: URL(fileURLWithPath: ReviewCorpusTests.folder + "/" + base + ".expected.json"))
        return try JSONDecoder().decode(ReviewCorpusTests.Expectation.self, from: data)
    }

    static func review(_ text: String, file: String, profile: String) throws -> Reviewer.Report {
        let (content, _) = Repository.loaded
        let loaded = try #require(ProfileLoader(vocabulary: content.vocabulary).load(path: Repository.content + "/profiles/" + profile).0)
        return Reviewer().review(Reviewer.parse(text, file: file), profile: loaded, content: content)
    }

    @Test func theJudgedPlansCoverFourEngines() throws {
        let engines = try Set(Self.judged.map { plan -> String in
            let (content, _) = Repository.loaded
            let profile = try #require(ProfileLoader(vocabulary: content.vocabulary)
                .load(path: Repository.content + "/profiles/" + Self.expectation(plan).profile).0)
            return content.vocabulary.family(of: try #require(profile.text("source.engine")))
        })
        #expect(engines.count >= 4 && engines.contains("postgresql"))
    }

    /// Every criterion that applies has a human verdict with its reason, and the review agrees with it.
    @Test(arguments: judged)
    func noCriterionFailsWhatAHumanPasses(plan: String) throws {
        let expected = try Self.expectation(plan)
        #expect(expected.pass.hasReasons, "\(plan): write the reason next to each expectation")
        let text = try String(contentsOfFile: ReviewCorpusTests.folder + "/" + plan, encoding: .utf8)
        let report = try Self.review(text, file: plan, profile: expected.profile)
        let judged = expected.pass.reasons.merging(expected.fail.reasons) { first, _ in first }
        for result in report.criteria {
            let reason = try #require(judged[result.id], "\(plan): \(result.id) applies but has no human verdict")
            #expect(!reason.trimmingSpaces.isEmpty, "\(plan): \(result.id) has no reason")
            if expected.pass.reasons[result.id] != nil {
                #expect(result.passed, "\(plan): \(result.id) fails (\(result.evidence)) though a reviewer passes it: \(reason)")
            }
        }
        #expect(Set(judged.keys) == Set(report.criteria.map(\.id)), "\(plan): verdicts for criteria that do not apply")
    }

    /// The five edits a reviewer found that did not move the score, each on the plan they were found on.
    static let edits: [(name: String, from: String, to: String, caughtBy: String)] = [
        ("delete the backup line",
         "- [ ] Saturday's pg_basebackup of `db12-a` restored on `scratch-1`: the server started, and the\n      `orders` and `invoices` counts matched production; the restore took 1 h 55 min.\n", "",
         "criterion-checklist-has-tested-backup"),
        ("recommend the unavailable pg_upgrade in prose",
         "pg_upgrade is not installed on these\nhosts and is not part of this plan; barman and repmgr are not used either.",
         "A pg_upgrade --link run\nin the window is the fastest path for the data files.",
         "criterion-prose-avoids-unavailable-tools"),
        ("remove the 45-minute transactions risk",
         "| A 45-minute settlement transaction still open at 02:00 blocks the freeze | Pause the settlement and dunning jobs at 01:00 and check `pg_stat_activity` at 01:50 |\n", "",
         "criterion-long-transactions-handled"),
        ("remove the public-schema and SCRAM lines",
         "- On 15.5 ordinary roles lose CREATE on the `public` schema; `GRANT CREATE ON SCHEMA public TO billing_migrator` before the window, since that role runs `sequelize db:migrate`.\n- 15.5 stores new passwords as SCRAM (`password_encryption = scram-sha-256`); the `pg` 8.11 driver under Sequelize 6.35 supports it, and the app role's password is reset after the switch.\n",
         "", "criterion-pg15-public-schema-addressed"),
        ("loosen the rollback thresholds to 10 minutes and 5%",
         "above 1 minute.\n- Application error rate above 0.5% for two consecutive minutes.",
         "above 10 minutes.\n- Application error rate above 5% for two consecutive minutes.",
         "criterion-rollback-lag-threshold"),
    ]

    @Test(arguments: edits.indices)
    func eachEditOfTheGoodPlanLowersItsScore(index: Int) throws {
        let edit = Self.edits[index]
        let plan = "acme-good-five-edits.md"
        let text = try String(contentsOfFile: ReviewCorpusTests.folder + "/" + plan, encoding: .utf8)
        try #require(text.contains(edit.from), "the fixture no longer holds the text of “\(edit.name)”")
        let profile = try Self.expectation(plan).profile
        let before = try Self.review(text, file: plan, profile: profile)
        let after = try Self.review(text.replacingOccurrences(of: edit.from, with: edit.to), file: plan, profile: profile)
        #expect(after.score < before.score, "“\(edit.name)” leaves the score at \(after.score)")
        let caught = after.criteria.first { $0.id == edit.caughtBy }
        #expect(caught?.passed == false, "“\(edit.name)” should fail \(edit.caughtBy)")
    }
}
