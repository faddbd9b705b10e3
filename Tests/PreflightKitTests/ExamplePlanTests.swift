import Testing
@testable import PreflightKit

/// What each shipped example's plan must be, as an expert would choose it, with its key steps.
@Suite("Example plans")
struct ExamplePlanTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var profile: String
        var strategy: String
        /// Steps the plan must run, in this order within their phase.
        var steps: [String]
        /// Steps it must never show.
        var never: [String] = []
        var description: String { profile }
    }

    static let expectations: [Expectation] = [
        // The seed scenario: pg_upgrade ruled out; logical replication with its production initial sync
        // before the window, the sequence sync at the switch and a reverse path for the rollback.
        Expectation(profile: "acme-billing-pg12-to-15", strategy: "strategy-pg-logical-replication",
                    steps: ["step-pg-logical-initial-sync", "step-freeze-writes", "step-pg-logical-drain", "step-sync-sequences",
                            "step-pg-logical-start-reverse", "step-open-writes-target", "step-pg-logical-drain-reverse"],
                    never: ["step-run-pg-upgrade", "step-pg-upgrade-stop-old", "step-rds-bg-switchover"]),
        // Managed PostgreSQL: never pg_upgrade with pg_ctl on a host the team does not own.
        Expectation(profile: "analytics-pg11-to-16-cloud-sql", strategy: "strategy-pg-logical-replication",
                    steps: ["step-sync-sequences", "step-open-writes-target"],
                    never: ["step-run-pg-upgrade", "step-pg-upgrade-stop-old", "step-pg-upgrade-start-new"]),
        // RDS MySQL 5.7 → 8.0: Blue/Green with its own switchover, not a replica promotion and a DNS repoint.
        Expectation(profile: "marketplace-mysql57-to-80-rds", strategy: "strategy-rds-blue-green",
                    steps: ["step-rds-bg-create", "step-rds-bg-switchover"],
                    never: ["step-switch-endpoint", "step-pg-logical-drain"]),
        // MongoDB replica set: secondaries first, then the primary steps down, then the feature compatibility version.
        Expectation(profile: "orders-mongodb44-to-60-online", strategy: "strategy-mongodb-rolling-upgrade",
                    steps: ["step-mongodb-upgrade-secondaries", "step-mongodb-step-down-primary", "step-mongodb-set-fcv"],
                    never: ["step-switch-endpoint"]),
        // Oracle to PostgreSQL: the strategy written for the pair beats the generic DMS one on a tie.
        Expectation(profile: "ledger-oracle19-to-pg16", strategy: "strategy-oracle-ora2pg-dms-cdc",
                    steps: ["step-freeze-writes-oracle", "step-carry-oracle-sequences", "step-open-writes-target"]),
        Expectation(profile: "tiny-pg13-to-17-prisma", strategy: "strategy-pg-dump-restore-parallel",
                    steps: ["step-pg-dump-directory", "step-pg-restore-parallel"]),
    ]

    @Test(arguments: expectations)
    func theExamplePlanIsTheOneAnExpertWouldRun(_ expectation: Expectation) throws {
        let (content, _) = Repository.loaded
        let profile = try #require(ShippedContentTests.profiles.first { $0.id == expectation.profile })
        let plan = Planner().plan(Selector().select(content, for: profile), content: content)
        #expect(plan.strategy?.item.id == expectation.strategy, "\(expectation.profile): \(plan.strategy?.item.id ?? "none")")
        let order = plan.steps.map(\.id)
        let positions = expectation.steps.map { order.firstIndex(of: $0) }
        #expect(positions.allSatisfy { $0 != nil }, "\(expectation.profile) lacks \(zip(expectation.steps, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(expectation.profile): steps out of order")
        for id in expectation.never { #expect(!plan.contains(id), "\(expectation.profile) shows \(id)") }
        #expect(plan.steps.filter(\.pointOfNoReturn).count == 1)
        // The rollback fits its limit, or the plan says NO-GO and what to change.
        if let limit = profile.duration("rollback.max_duration"), plan.rollback.total > limit {
            #expect(plan.noGo.contains { $0.contains("rollback takes \(plan.rollback.total)") },
                    "\(expectation.profile): a rollback of \(plan.rollback.total) over \(limit) without a NO-GO")
        }
    }
}
