import Testing
@testable import PreflightKit

@Suite("Conditions")
struct ConditionTests {
    let vocabulary = Vocabulary(engines: [
        .init(id: "postgresql", name: "PostgreSQL", family: "postgresql", aliases: ["pg", "postgres"]),
        .init(id: "mysql", name: "MySQL", family: "mysql", aliases: []),
    ], values: ["window.mode": ["read-only", "offline", "online"]])

    func profile(_ yaml: String) throws -> Profile {
        let tree = try YAMLTree.parse(yaml, file: "p.yml", firstLine: 1).get()
        guard case .mapping(let entries, let location) = tree else { throw DiagnosticsError([]) }
        var builder = ProfileBuilder(vocabulary: vocabulary, origin: "p.yml")
        builder.read(entries, prefix: "")
        let (profile, diagnostics) = builder.finish(defaultID: "p", location: location)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(profile)
    }

    func condition(_ yaml: String) throws -> (Condition, [Diagnostic]) {
        let tree = try YAMLTree.parse(yaml, file: "item.md", firstLine: 3).get()
        var diagnostics: [Diagnostic] = []
        let condition = ConditionParser(vocabulary: vocabulary).parse(tree, diagnostics: &diagnostics)
        return (condition, diagnostics)
    }

    func holds(_ yaml: String, for profile: Profile) throws -> Bool {
        let (condition, diagnostics) = try condition(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return ConditionEvaluator(profile: profile).evaluate(condition)
    }

    var pg: Profile {
        get throws {
            try profile("""
            source: { engine: postgres, version: "12.17" }
            target: { engine: pg, version: "15.5" }
            data: { size: 1 TB }
            topology: { replicas: 1 }
            window: { mode: read-only, duration: 20m }
            tools: { available: [pg_dump, pglogical], unavailable: [pg_upgrade] }
            """)
        }
    }

    @Test func equalityResolvesEngineAliases() throws {
        #expect(try holds("target.engine: postgresql", for: pg))
        #expect(try holds("source.engine: pg", for: pg))
        #expect(try !holds("target.engine: mysql", for: pg))
        #expect(try holds("target.family: postgresql", for: pg))
        #expect(try holds("migration.cross_engine: false", for: pg))
    }

    @Test func listsMeanAnyOf() throws {
        #expect(try holds("target.engine: [mysql, postgresql]", for: pg))
        #expect(try !holds("window.mode: [offline, online]", for: pg))
        #expect(try holds("target.version: [\"<10\", \">=15\"]", for: pg))
    }

    @Test func typedComparisonsAndRanges() throws {
        #expect(try holds("target.version: \">=15\"", for: pg))
        #expect(try holds("source.version: \"<15\"", for: pg))
        #expect(try holds("source.version: \"12..<15\"", for: pg))
        #expect(try !holds("target.version: \"12..<15\"", for: pg))
        #expect(try holds("target.version: \"12...15\"", for: pg))
        #expect(try !holds("target.version: \">15\"", for: pg))
        #expect(try holds("target.version: \"15\"", for: pg))
        #expect(try holds("data.size: \">=500GB\"", for: pg))
        #expect(try !holds("data.size: \"<1TB\"", for: pg))
        #expect(try holds("window.duration: \"<1h\"", for: pg))
        #expect(try holds("topology.replicas: \">=1\"", for: pg))
        #expect(try !holds("topology.replicas: \">1\"", for: pg))
        #expect(try holds("topology.replicas: \"!=0\"", for: pg))
    }

    @Test func listFieldsTestMembership() throws {
        #expect(try holds("tools.available: pglogical", for: pg))
        #expect(try holds("tools.unavailable: [barman, pg_upgrade]", for: pg))
        #expect(try !holds("tools.available: pg_upgrade", for: pg))
    }

    @Test func absentFieldsFailEveryTestButAbsent() throws {
        #expect(try !holds("application.orm: sequelize", for: pg))
        #expect(try !holds("objectives.rto: \"<1h\"", for: pg))
        #expect(try holds("application.orm: absent", for: pg))
        #expect(try !holds("application.orm: present", for: pg))
        #expect(try holds("data.size: present", for: pg))
        #expect(try holds("not: { application.orm: sequelize }", for: pg))
    }

    @Test func groups() throws {
        #expect(try holds("""
        any:
          - target.engine: mysql
          - tools.available: pglogical
        """, for: pg))
        #expect(try !holds("""
        any:
          - target.engine: mysql
          - application.orm: prisma
        """, for: pg))
        #expect(try !holds("not: { tools.unavailable: pg_upgrade }", for: pg))
    }

    @Test func explainsEveryTestAndAbsentFields() throws {
        let (condition, _) = try condition("target.version: \">=15\"\napplication.orm: sequelize")
        let (result, trace) = ConditionEvaluator(profile: try pg).explain(condition)
        #expect(!result)
        #expect(trace.count == 2)
        #expect(trace[0].passed && trace[0].actual == "15.5")
        #expect(!trace[1].passed && trace[1].actual == nil)
    }

    @Test func unknownFieldSuggestsTheNearestPath() throws {
        let (_, diagnostics) = try condition("topology.replica: \">=1\"")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == DiagnosticCode.unknownField)
        #expect(diagnostic.hint == "did you mean `topology.replicas`?")
        #expect(diagnostic.location == SourceLocation(file: "item.md", line: 3, column: 1))
    }

    @Test func operatorThatDoesNotFitTheType() throws {
        let (_, diagnostics) = try condition("target.engine: \">=postgresql\"")
        #expect(diagnostics.map(\.code) == [DiagnosticCode.conditionMismatch])
        #expect(diagnostics.first?.location.column == 16)
    }

    @Test(arguments: [
        ("data.size: \">=5 lightyears\"", DiagnosticCode.unreadableValue),
        ("target.version: \">=fifteen\"", DiagnosticCode.unreadableValue),
        ("window.duration: \"<20\"", DiagnosticCode.unreadableValue),
        ("target.engine: oracel", DiagnosticCode.unreadableValue),
        ("window.mode: readonly", DiagnosticCode.unknownValue),
        ("target.version: \"15..<12\"", DiagnosticCode.emptyRange),
        ("source: postgresql", DiagnosticCode.unknownField),
        ("target.version: { a: 1 }", DiagnosticCode.conditionMismatch),
    ])
    func malformedValues(yaml: String, code: DiagnosticCode) throws {
        let (_, diagnostics) = try condition(yaml)
        #expect(diagnostics.map(\.code) == [code], "\(diagnostics)")
        #expect(diagnostics.first?.hint != nil)
    }

    @Test func guaranteedFieldsComeFromTopLevelTests() throws {
        let (condition, _) = try condition("data.size: present\ntarget.version: \">=15\"\napplication.orm: absent\nany: [ { topology.replicas: 1 } ]")
        let fields = condition.guaranteedFields
        #expect(fields.contains("data.size") && fields.contains("target.version"))
        #expect(!fields.contains("application.orm") && !fields.contains("topology.replicas"))
    }
}

@Suite("Upgrade paths")
struct UpgradePathTests {
    let vocabulary = Vocabulary(engines: [
        .init(id: "mongodb", name: "MongoDB", family: "mongodb", aliases: [],
              upgradePath: ["4.2", "4.4", "5.0", "6.0", "7.0"].map { try! Version.parse($0).get() }),
        .init(id: "postgresql", name: "PostgreSQL", family: "postgresql", aliases: []),
    ])

    func profile(_ engine: String, _ from: String, _ to: String) -> Profile {
        var profile = Profile(id: "p", name: "p", origin: "p")
        profile.values["source.engine"] = .engine(engine)
        profile.values["target.engine"] = .engine(engine)
        profile.values["source.version"] = .version(try! Version.parse(from).get())
        profile.values["target.version"] = .version(try! Version.parse(to).get())
        return profile
    }

    @Test func mongo44To60IsTwoHops() throws {
        let hops = try #require(UpgradePath.hops(for: profile("mongodb", "4.4.29", "6.0.12"), vocabulary: vocabulary))
        #expect(hops.map(\.description) == ["4.4", "5.0", "6.0"])
    }

    @Test func enginesWithoutAPathMayJump() {
        #expect(UpgradePath.hops(for: profile("postgresql", "12", "15"), vocabulary: vocabulary) == nil)
    }
}
