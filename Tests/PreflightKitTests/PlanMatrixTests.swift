import Testing
@testable import PreflightKit

/// Every plan keeps the consistency rules: on the shipped examples and on a generated matrix of
/// profiles across engines, versions, hosting, tool inventories, windows, replicas and RPO.
@Suite("Plans", .serialized)
struct PlanMatrixTests {
    /// One generated profile: the flags a user would pass.
    struct Case: CustomStringConvertible, Sendable {
        var fields: [(path: String, value: String)]
        var description: String { fields.map { "\($0.path)=\($0.value)" }.joined(separator: " ") }
    }

    /// Engine pairs with the hostings each is run on.
    static let pairs: [(source: String, target: String, hostings: [String])] = [
        ("postgresql@11", "postgresql@16", ["self-managed", "rds", "azure-postgresql", "cloud-sql"]),
        ("postgresql@12", "postgresql@15", ["self-managed", "rds", "aurora"]),
        ("postgresql@13", "postgresql@17", ["self-managed", "cloud-sql"]),
        ("postgresql@14", "postgresql@16", ["self-managed", "rds", "azure-postgresql"]),
        ("postgresql@15", "postgresql@18", ["self-managed"]),
        ("mysql@5.7", "mysql@8.0", ["self-managed", "rds", "aurora"]),
        ("mysql@8.0", "mysql@8.4", ["self-managed", "rds"]),
        ("mongodb@5.0", "mongodb@7.0", ["self-managed", "atlas"]),
        ("mongodb@6.0", "mongodb@7.0", ["self-managed"]),
        ("sqlserver@2016", "azure-sql-database", ["azure-sql-database"]),
        ("sqlserver@2019", "azure-sql-managed-instance", ["azure-sql-managed-instance"]),
        ("oracle@19", "postgresql@16", ["self-managed", "rds"]),
    ]
    static let windows = ["15m", "1h", "8h"]
    static let sizes = ["50GB", "2TB"]
    static let tools: [[(String, String)]] = [
        [], [("tools.unavailable", "pg_upgrade")], [("tools.available", "pglogical,pg_dump,psql")],
        [("tools.available", "aws-dms,aws")], [("tools.unavailable", "aws-dms")],
    ]

    /// The matrix: every pair and hosting crossed with windows, sizes and replicas; RPO, rollback
    /// limit and tool inventory by a fixed rotation, so that the count stays bounded.
    static let cases: [Case] = {
        var cases: [Case] = []
        var turn = 0
        for pair in pairs {
            for hosting in pair.hostings {
                for window in windows {
                    for size in sizes {
                      for replicas in ["0", "2"] {
                        turn += 1
                        var fields: [(String, String)] = [
                            ("source", pair.source), ("target", pair.target), ("target.hosting", hosting),
                            ("source.hosting", hosting.hasPrefix("azure-sql") ? "vm" : hosting),
                            ("window.duration", window), ("data.size", size),
                            ("topology.replicas", replicas), ("objectives.rpo", turn % 3 == 0 ? "5m" : "0"),
                            ("rollback.max_duration", turn % 4 == 0 ? "10m" : "1h"),
                        ]
                        fields += tools[turn % tools.count]
                        cases.append(Case(fields: fields))
                      }
                    }
                }
            }
        }
        return cases
    }()

    @Test func theMatrixIsLargeEnough() {
        #expect(Self.cases.count >= 300, "\(Self.cases.count) generated profiles")
    }

    @Test func everyGeneratedPlanKeepsTheRules() throws {
        let (content, problems) = Repository.loaded
        try #require(!problems.hasErrors)
        let loader = ProfileLoader(vocabulary: content.vocabulary)
        var failures: [String] = []
        for (index, testCase) in Self.cases.enumerated() {
            let (profile, diagnostics) = loader.load(flags: testCase.fields, id: "matrix-\(index)")
            guard let profile, !diagnostics.hasErrors else {
                failures.append("\(testCase): does not load: \(diagnostics.filter { $0.level == .error })")
                continue
            }
            let plan = Planner().plan(Selector().select(content, for: profile), content: content)
            failures += Self.violations(plan, content: content).map { "\(testCase): \($0)" }
        }
        #expect(failures.isEmpty, "\(failures.count) violations, first: \(failures.prefix(12).joined(separator: "\n"))")
    }

    @Test func everyShippedExamplePlanKeepsTheRules() throws {
        let (content, _) = Repository.loaded
        for profile in ShippedContentTests.profiles {
            let plan = Planner().plan(Selector().select(content, for: profile), content: content)
            #expect(Self.violations(plan, content: content).isEmpty, "\(profile.id): \(Self.violations(plan, content: content))")
        }
    }

    /// The rules' findings, and the invariants the plan model promises.
    static func violations(_ plan: Plan, content: ContentSet) -> [String] {
        var found = PlanRules().check(plan, content: content).map(\.message)
        let procedure = plan.strategy?.item.strategy?.procedure
        let owned = Set(content.items.compactMap { $0.strategy?.procedure }.flatMap(\.stepIDs))
        if let procedure {
            let mine = Set(procedure.stepIDs)
            for step in plan.steps where owned.contains(step.id) && !mine.contains(step.id) {
                found.append("`\(step.id)` belongs to another strategy")
            }
            for step in plan.steps where [.cutover, .rollback].contains(step.phase) && !mine.contains(step.id) {
                found.append("`\(step.id)` is in the \(step.phase.rawValue) but not in the procedure")
            }
            if plan.steps.filter(\.pointOfNoReturn).count != 1 { found.append("not exactly one point of no return") }
            if let point = plan.pointOfNoReturn, point.phase != .cutover { found.append("the point of no return is not a cutover step") }
        } else if !owned.isEmpty, !plan.steps(in: .cutover).isEmpty {
            found.append("a cutover without a strategy")
        }
        let onClock = plan.steps(in: .rollback).filter { !$0.offClock }
        let summed = onClock.compactMap { step in step.end.flatMap { end in step.start.map { end.seconds - $0.seconds } } }.reduce(0, +)
        if abs(summed - plan.rollback.total.seconds) > 0.5 { found.append("the rollback clock does not add up") }
        if let limit = plan.profile.duration("rollback.max_duration"), plan.rollback.total > limit,
           !plan.noGo.contains(where: { $0.contains("rollback") }) {
            found.append("a rollback over its limit without a NO-GO")
        }
        return found
    }
}
