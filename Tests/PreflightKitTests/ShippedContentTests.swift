import Foundation
import Testing
@testable import PreflightKit

/// The shipped knowledge base, built for every example profile: it validates without a warning, and
/// each profile gets the guidance that fits it and none that does not.
@Suite("Shipped content", .serialized)
struct ShippedContentTests {
    /// Built once for the whole suite into a temporary folder.
    static let build: (output: String, result: BuildResult) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-shipped-\(UUID().uuidString)").path
        let result = Pipeline().build(BuildRequest(base: Repository.content, outputRoot: output, cacheDirectory: output + "-cache", strict: true))
        return (output, result)
    }()

    static var profiles: [Profile] {
        let (content, _) = Repository.loaded
        return Pipeline().loadProfiles(BuildRequest(base: Repository.content), content: content).0
    }

    func read(_ profile: String, _ file: String) throws -> String {
        try String(contentsOfFile: Self.build.output + "/" + profile + "/" + file, encoding: .utf8)
    }

    func explain(_ profile: String) throws -> [String: Bool] {
        struct Report: Decodable { struct Entry: Decodable { var id: String; var included: Bool }; var items: [Entry] }
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.build.output + "/" + profile + "/explain.json"))
        return Dictionary(uniqueKeysWithValues: try JSONDecoder().decode(Report.self, from: data).items.map { ($0.id, $0.included) })
    }

    @Test func checksStrictlyWithoutAWarning() {
        let check = Pipeline().check(BuildRequest(base: Repository.content, strict: true))
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(!Self.build.result.failed)
    }

    /// The shipped inventory builds every row, with the engine notes of each row's own engine.
    @Test func theExampleInventoryBuildsEveryDatabase() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-fleet-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = Pipeline().build(BuildRequest(base: Repository.content,
                                                   profilePaths: [Repository.content + "/inventories/example-fleet.csv"],
                                                   outputRoot: output, cacheDirectory: output + "-cache"))
        #expect(!result.failed, "\(result.diagnostics.filter { $0.level == .error }.map(\.description))")
        #expect(result.profiles.count == 8 && result.profiles.allSatisfy { $0.status == .built })
        #expect(result.diagnostics.allSatisfy { $0.level != .error })
        let sessions = try String(contentsOfFile: output + "/sessions/wiki/Engine-Notes.md", encoding: .utf8)
        #expect(sessions.contains("MongoDB") && !sessions.contains("pg_upgrade"))
    }

    @Test func meetsTheCoverageMinimums() {
        let items = Repository.loaded.0.items
        func count(_ kind: Kind, tag: String? = nil, folder: String? = nil) -> Int {
            items.filter { $0.kind == kind && (tag == nil || $0.tags.contains(tag!))
                && (folder == nil || $0.file.contains("/\(folder!)/")) }.count
        }
        #expect(items.count >= 300)
        #expect(count(.mistake) >= 12 && count(.troubleshooting) >= 12 && count(.tip) >= 20 && count(.faq) >= 15)
        #expect(count(.criterion) >= 15 && count(.concept) >= 8 && count(.whenNot) >= 5)
        for family in ["postgresql", "mysql", "mongodb", "sqlserver", "oracle"] {
            #expect(count(.engineNote, folder: "engines/\(family)") >= 25, "\(family)")
        }
        #expect(count(.engineNote, tag: "orm") >= 15)
        #expect(count(.engineNote, tag: "cloud") >= 12)
        #expect(count(.engineNote, tag: "compliance") >= 6)
        #expect(count(.step) >= 70)
        for phase in Phase.allCases { #expect(items.contains { $0.kind == .step && $0.phase == phase }, "\(phase)") }
        #expect(count(.strategy) >= 10 && count(.notice) >= 6 && count(.promptRule) >= 12)
        #expect(Self.profiles.count >= 10)
    }

    @Test func everyFactualItemCitesItsSource() {
        for item in Repository.loaded.0.items where item.kind == .engineNote || item.kind == .strategy {
            #expect(!item.sources.isEmpty, "\(item.file)")
        }
    }

    /// An engine note filed under `engines/<family>/` shows only for profiles that have that family.
    @Test func engineNotesStayWithTheirEngines() throws {
        for profile in Self.profiles {
            let families = Set([profile.text("source.family"), profile.text("target.family")].compactMap { $0 })
            let included = try explain(profile.id)
            for item in Repository.loaded.0.items where item.kind == .engineNote && included[item.id] == true {
                guard let range = item.file.range(of: "/engines/") else { continue }
                let family = item.file[range.upperBound...].split(separator: "/").first.map(String.init) ?? ""
                #expect(families.contains(family), "\(item.id) (\(family)) appears for \(profile.id)")
            }
        }
    }

    /// No step about replicas reaches a profile without replicas: outside the strategy's own
    /// procedure (whose replication channel is the migration itself), no command checks replicas.
    @Test func noReplicaStepsWithoutReplicas() throws {
        let (content, _) = Repository.loaded
        let replicaCommands = ["pg_stat_replication", "SHOW REPLICA STATUS", "SHOW SLAVE STATUS", "rs.printSecondaryReplicationInfo"]
        for profile in Self.profiles where (profile.number("topology.replicas") ?? 0) == 0 {
            let plan = Planner().plan(Selector().select(content, for: profile), content: content)
            let own = Set(plan.strategy?.item.strategy?.procedure?.stepIDs ?? [])
            let evaluator = ConditionEvaluator(profile: profile)
            for step in plan.steps where !own.contains(step.id) {
                for command in step.item.commands where evaluator.evaluate(command.when) {
                    for replica in replicaCommands where command.code.contains(replica) {
                        Issue.record("\(profile.id): `\(step.id)` runs \(replica)")
                    }
                }
            }
        }
    }

    @Test func customerSuccessViewsHoldNoCommands() throws {
        for profile in Self.profiles {
            for file in ["roles/customer-success.html", "comms/index.html"] {
                let page = try read(profile.id, file)
                #expect(!page.contains("<pre"), "\(profile.id)/\(file)")
                #expect(!page.contains("<code"), "\(profile.id)/\(file)")
            }
        }
    }

    @Test func theSeedScenarioGetsItsGuidance() throws {
        let id = "acme-billing-pg12-to-15"
        let included = try explain(id)
        for present in ["pg15-public-schema-create", "sequelize-pg15-migrations-role", "step-monitor-replication-lag",
                        "step-sync-sequences", "pg-logical-replication-limits", "mistake-no-topology"] {
            #expect(included[present] == true, "\(present) should apply to \(id)")
        }
        for absent in ["pg-upgrade-check-first", "mistake-no-rollback-triggers", "pg-postgis-upgrade"] {
            #expect(included[absent] == false, "\(absent) should not apply to \(id)")
        }
        #expect(!included.contains { $0.value && ($0.key.hasPrefix("mysql") || $0.key.hasPrefix("mongo") || $0.key.hasPrefix("ora-")) })
        let checklist = try read(id, "checklist.md")
        #expect(checklist.contains("No-go or roll back on replica lag above 1m, error rate above 0.5%"))
        let notices = try read(id, "comms/index.md")
        #expect(notices.contains("Europe/Berlin"))
    }

    /// The seed's improved prompts, element by element, derived from each scenario's profile.
    @Test(arguments: [
        ("acme-billing-pg12-to-15", ["You are a senior", "PostgreSQL 12.17", "PostgreSQL 15.5", "1 TB", "1 replica",
                                     "sequelize", "20m", "a) A step-by-step migration plan", "pre-flight checklist",
                                     "Cutover commands", "Verification queries", "rollback plan", "Zero data loss",
                                     "consistent with the primary", "Avoid long locks", "pglogical", "justified",
                                     "Exact, copy-pasteable commands", "Configuration changes", "Expected duration",
                                     "Numbered sections", "fenced code block", "risk table", "NOT available"]),
        ("shopfront-mysql80-to-aurora3", ["Aurora MySQL", "80 GB", "no replicas", "eloquent", "2h", "Rollback",
                                          "under 50", "risk table", "aws-dms"]),
        ("orders-mongodb44-to-60-online", ["MongoDB 4.4", "MongoDB 6.0", "2 replica", "200 GB", "mongoose",
                                           "online", "dual-write", "backfill", "one major release"]),
        ("contoso-sqlserver2016-to-azure-sql-db", ["SQL Server 2016", "Azure SQL Database", "500 GB", "40 stored procedures",
                                                   "15 SQL Server Agent jobs", "efcore", "4h", "soc2", "compatibility levels",
                                                   "Do not rewrite"]),
        ("platform-flyway-pg14-rds", ["PostgreSQL 14", "30 existing tables", "flyway", "github-actions", "baseline",
                                      "8 engineers", "naming convention"]),
    ])
    func seedScenarioPromptsCarryEveryElement(profile: String, elements: [String]) throws {
        let prompt = try Pipeline().prompt(BuildRequest(
            base: Repository.content, profilePaths: [Repository.content + "/profiles/\(profile).yml"])).get()
        for element in elements {
            #expect(prompt.localizedCaseInsensitiveContains(element), "\(profile): the prompt lacks “\(element)”")
        }
        #expect(try read(profile, "prompt.md").contains(prompt.split(separator: "\n").first.map(String.init) ?? "?"),
                "build writes the same prompt to Output")
    }

    /// A bare profile gets one warning per common mistake it makes, each naming what was left out.
    @Test func aBareProfileIsLintedForEveryGap() throws {
        let site = try FixtureSite(["bare.yml": "source: { engine: postgresql, version: \"12\" }\ntarget: { engine: postgresql, version: \"15\" }\n"])
        defer { site.remove() }
        let (content, _) = Repository.loaded
        let (profile, _) = ProfileLoader(vocabulary: content.vocabulary).load(path: site.path("bare.yml"))
        let warnings = ProfileLint().diagnostics(try #require(profile), content: content)
        for field in ["topology.replicas", "application.orm", "window.duration", "data.size", "rollback.triggers.error_rate",
                      "tools.available"] {
            let warning = warnings.first { $0.message.contains("`\(field)`") }
            #expect(warning != nil, "no warning for \(field)")
            #expect(warning?.code == DiagnosticCode.profileGap && warning?.level == .warning)
        }
        #expect(warnings.contains { $0.message.contains("item(s) that need it were left out") })
        for profile in Self.profiles {
            #expect(ProfileLint().diagnostics(profile, content: content).isEmpty, "\(profile.id) has gaps")
        }
    }

    /// Per example profile: guidance that must reach it, and guidance that must not.
    @Test(arguments: [
        ("acme-billing-pg12-to-15", ["pg15-public-schema-create", "comp-soc2-audit-log-continuity", "orm-node-postgres-scram"],
         ["pg-12-upgrade-clone-mode", "mongo-upgrade-one-major-at-a-time", "cloud-rds-parameter-groups"]),
        ("analytics-pg11-to-16-cloud-sql", ["cloud-cloud-sql-major-version-upgrade", "orm-django-postgresql-minimum-versions",
                                            "pg-12-with-oids-removed"],
         ["cloud-rds-postgresql-rds-superuser", "orm-prisma-shadow-database-permissions"]),
        ("clinic-mongodb50-to-70-atlas", ["comp-hipaa-baa-coverage", "mongo-atlas-oplog-window"],
         ["mongo5-default-write-concern-majority", "pg15-public-schema-create"]),
        ("contoso-sqlserver2016-to-azure-sql-db", ["azuresql-no-sql-agent", "azuresql-cross-database-queries",
                                                   "comp-soc2-change-management-evidence"],
         ["sqlmi-retained-features", "sqlmi-log-replay-service"]),
        ("ledger-oracle19-to-pg16", ["ora-empty-string-is-null", "ora-number-mapping", "comp-gdpr-transfer-region-change"],
         ["pg-12-upgrade-clone-mode", "mysql-only-full-group-by"]),
        ("marketplace-mysql57-to-80-rds", ["mysql-only-full-group-by", "cloud-rds-mysql-no-super-definer"],
         ["aurora-mysql-binlog-off-by-default", "mysql84-native-password-disabled"]),
        ("orders-mongodb44-to-60-online", ["mongo-upgrade-one-major-at-a-time", "mongo5-default-write-concern-majority",
                                           "mongo-mongoose-versions"],
         ["mongo7-setfcv-confirm-required", "mongo-atlas-major-upgrade"]),
        ("payments-sqlserver2019-to-sqlmi", ["comp-pci-scope-migration-host", "mssql-compat-level-kept"],
         ["azuresql-no-sql-agent"]),
        ("platform-flyway-pg14-rds", ["cloud-rds-parameter-groups"],
         ["pg-12-upgrade-clone-mode", "cloud-rds-postgresql-major-version-upgrade", "strategy-pg-upgrade-link"]),
        ("shopfront-mysql80-to-aurora3", ["aurora-mysql-version-numbers", "mysql-dms-source-prerequisites",
                                          "aurora-mysql3-users-not-replicated"],
         ["mongo-upgrade-one-major-at-a-time", "mysql80-query-cache-removed"]),
        ("tiny-pg13-to-17-prisma", ["orm-prisma-shadow-database-permissions", "pg-17-maintenance-search-path",
                                    "pg15-public-schema-create"],
         ["pg-12-with-oids-removed", "orm-django-postgresql-minimum-versions"]),
    ])
    func eachProfileGetsWhatFitsIt(profile: String, present: [String], absent: [String]) throws {
        let included = try explain(profile)
        for id in present { #expect(included[id] == true, "\(id) should apply to \(profile)") }
        for id in absent { #expect(included[id] == false, "\(id) should not apply to \(profile)") }
    }

    /// The advisor on the shipped strategies: the seed scenario's constraints rule out what they should.
    @Test func theAdvisorRulesOutWhatTheSeedScenarioForbids() throws {
        let (content, _) = Repository.loaded
        let acme = try #require(Self.profiles.first { $0.id == "acme-billing-pg12-to-15" })
        let assessments = StrategyAdvisor().assess(content, for: acme)
        let link = try #require(assessments.first { $0.item.id == "strategy-pg-upgrade-link" })
        #expect(link.eliminations.contains("needs `pg_upgrade`, which the profile lists as unavailable"))
        let dump = try #require(assessments.first { $0.item.id == "strategy-pg-dump-restore-parallel" })
        #expect(dump.eliminations.contains { $0.contains("of downtime") && $0.contains("the window is 20m") })
        #expect(assessments.first?.eligible == true, "something fits the seed scenario")
        #expect(try read("acme-billing-pg12-to-15", "memo.md").contains("Ruled out:"))
        let mongo = try read("orders-mongodb44-to-60-online", "README.md")
        #expect(mongo.contains("4.4 → 5.0 → 6.0 (2 hops)"))
        let pipeline = try #require(Self.profiles.first { $0.id == "platform-flyway-pg14-rds" })
        let same = StrategyAdvisor().assess(content, for: pipeline).first { $0.item.id == "strategy-pg-upgrade-link" }
        #expect(same?.eligible == false, "no major upgrade when the version stays")
    }
}
