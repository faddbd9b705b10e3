import Foundation
import Testing
@testable import PreflightKit

/// Bad input, one file at a time: each case gives positioned diagnostics with a hint, fails the build,
/// does not crash, and leaves the previous output exactly as it was.
@Suite("Malformed input")
struct MalformedInputTests {
    static let valid: [String: String] = FixtureSite.basics.merging([
        "Content/tip.md": "---\nid: tip-ok\nkind: tip\ntitle: Fine\nreviewed: 2026-11\n---\nA body.\n",
        "Content/profiles/p.yml": "id: p\nsource: { engine: postgresql, version: \"12\" }\ntarget: { engine: postgresql, version: \"15\" }\n",
    ]) { _, new in new }

    static func item(_ frontMatter: String, body: String = "Body.") -> String { "---\n\(frontMatter)\n---\n\(body)\n" }
    static func profile(_ yaml: String) -> String { yaml }

    /// (name, file to write, its text, the code expected).
    static let cases: [(String, String, String, DiagnosticCode)] = [
        ("broken YAML", "Content/bad.md", item("kind: tip\ntitle: [unclosed"), DiagnosticCode.yamlSyntax),
        ("tab indentation", "Content/bad.md", item("kind: tip\ntitle: T\nwhen:\n\t target.engine: mysql"), DiagnosticCode.yamlSyntax),
        ("duplicate key", "Content/bad.md", item("kind: tip\ntitle: T\ntitle: U"), DiagnosticCode.yamlSyntax),
        ("title as a mapping", "Content/bad.md", item("kind: tip\ntitle: { a: 1 }"), DiagnosticCode.invalidOrder),
        ("unknown key", "Content/bad.md", item("kind: tip\ntitle: T\nseverty: high"), DiagnosticCode.unknownKey),
        ("missing kind", "Content/bad.md", item("title: T"), DiagnosticCode.missingKey),
        ("missing title", "Content/bad.md", item("kind: tip"), DiagnosticCode.missingKey),
        ("unknown kind", "Content/bad.md", item("kind: tipp\ntitle: T"), DiagnosticCode.invalidValue),
        ("unknown phase", "Content/bad.md", item("kind: tip\ntitle: T\nphase: later"), DiagnosticCode.invalidValue),
        ("unknown severity", "Content/bad.md", item("kind: tip\ntitle: T\nseverity: huge"), DiagnosticCode.invalidValue),
        ("unknown role", "Content/bad.md", item("kind: tip\ntitle: T\nroles: [janitor]"), DiagnosticCode.invalidValue),
        ("order not a number", "Content/bad.md", item("kind: tip\ntitle: T\norder: first"), DiagnosticCode.invalidOrder),
        ("duplicate id", "Content/bad.md", item("id: tip-ok\nkind: tip\ntitle: T"), DiagnosticCode.duplicateID),
        ("dangling related", "Content/bad.md", item("kind: tip\ntitle: T\nrelated: [nowhere]"), DiagnosticCode.unknownRelated),
        ("related cycle on itself", "Content/bad.md", item("id: loop\nkind: tip\ntitle: T\nrelated: [loop]"), DiagnosticCode.selfRelated),
        ("when: unknown field", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { topology.replica: 1 }"), DiagnosticCode.unknownField),
        ("when: a group, not a field", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { source: mysql }"), DiagnosticCode.unknownField),
        ("when: operator on an engine", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { target.engine: \">=1\" }"), DiagnosticCode.conditionMismatch),
        ("when: mapping value", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { data.size: { a: 1 } }"), DiagnosticCode.conditionMismatch),
        ("when: bad size unit", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { data.size: \">=5 parsecs\" }"), DiagnosticCode.unreadableValue),
        ("when: bad version", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { target.version: \">=fifteen\" }"), DiagnosticCode.unreadableValue),
        ("when: bad duration", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { window.duration: \"<20\" }"), DiagnosticCode.unreadableValue),
        ("when: unknown engine", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { target.engine: oracel }"), DiagnosticCode.unreadableValue),
        ("when: impossible range", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { target.version: \"15..<12\" }"), DiagnosticCode.emptyRange),
        ("when: unknown value", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { window.mode: readonly }"), DiagnosticCode.unknownValue),
        ("when: not a mapping", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: [a, b]"), DiagnosticCode.conditionNotMapping),
        ("when: any without a list", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { any: { a: 1 } }"), DiagnosticCode.conditionNotMapping),
        ("deep nesting", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: " + String(repeating: "{ not: ", count: 80) + "{ data.size: present }" + String(repeating: " }", count: 80)), DiagnosticCode.yamlTooDeep),
        ("empty file", "Content/bad.md", "", DiagnosticCode.emptyFile),
        ("no front matter", "Content/bad.md", "Just prose.\n", DiagnosticCode.emptyFile),
        ("unclosed front matter", "Content/bad.md", "---\nkind: tip\ntitle: T\n", DiagnosticCode.emptyFile),
        ("front matter is a list", "Content/bad.md", item("- a\n- b"), DiagnosticCode.frontMatterNotMapping),
        ("unknown template variable", "Content/bad.md", item("kind: tip\ntitle: T", body: "Size {{data.sise}}"), DiagnosticCode.unknownTemplateVariable),
        ("partial in a body", "Content/bad.md", item("kind: tip\ntitle: T", body: "{{> header}}"), DiagnosticCode.partialInBody),
        ("Mustache syntax error", "Content/bad.md", item("kind: tip\ntitle: T\nwhen: { data.size: present }", body: "{{#data.size}} open"), DiagnosticCode.templateSyntax),
        ("bad estimate", "Content/bad.md", item("kind: step\ntitle: T\nphase: plan\nowner: dba\nestimate: soon"), DiagnosticCode.invalidEstimate),
        ("rate over a non-size field", "Content/bad.md", item("kind: step\ntitle: T\nphase: plan\nowner: dba\nestimate: { rate: 1 GB/h, of: window.duration }"), DiagnosticCode.invalidEstimate),
        ("command without run", "Content/bad.md", item("kind: step\ntitle: T\nphase: plan\nowner: dba\nestimate: 1m\ncommands: [{ title: x }]"), DiagnosticCode.invalidCommands),
        ("step without phase", "Content/bad.md", item("kind: step\ntitle: T\nowner: dba\nestimate: 1m"), DiagnosticCode.stepWithoutPhase),
        ("source without url", "Content/bad.md", item("kind: tip\ntitle: T\nsources: [{ title: Docs }]"), DiagnosticCode.invalidSources),
        ("source url not http", "Content/bad.md", item("kind: tip\ntitle: T\nsources: [{ title: Docs, url: \"javascript:alert(1)\" }]"), DiagnosticCode.invalidSources),
        ("unknown check type", "Content/bad.md", item("kind: criterion\ntitle: T\ncheck: { type: vibes }"), DiagnosticCode.criterionWithoutCheck),
        ("invalid check regex", "Content/bad.md", item("kind: criterion\ntitle: T\ncheck: { type: document-lacks, pattern: '(' }"), DiagnosticCode.criterionWithoutCheck),
        ("unknown notice channel", "Content/bad.md", item("kind: notice\ntitle: T\nchannel: pigeon"), DiagnosticCode.noticeWithoutChannel),
        ("prompt rule without section", "Content/bad.md", item("kind: prompt-rule\ntitle: T\nline: x"), DiagnosticCode.promptRuleWithoutSection),
        ("strategy without downtime", "Content/bad.md", item("kind: strategy\ntitle: T\nrpo: 0"), DiagnosticCode.unknownRequirement),
        ("reviewed month 13", "Content/bad.md", item("kind: tip\ntitle: T\nreviewed: 2026-13"), DiagnosticCode.invalidDate),
        ("as_of a day February lacks", "Content/bad.md", item("kind: tip\ntitle: T\nas_of: \"2026-02-30\""), DiagnosticCode.invalidDate),
        ("id that escapes the folder", "Content/bad.md", item("id: ../../etc/passwd\nkind: tip\ntitle: T"), DiagnosticCode.invalidID),
        ("not UTF-8", "Content/bad.md", "---\nkind: tip\ntitle: caf\u{FFFD}\n---\n", DiagnosticCode.invalidUTF8),
        ("theme template syntax error", "Content/theme/templates/page.mustache", "{{#content}} never closed", DiagnosticCode.templateSyntax),
        ("vocabulary unknown section", "Content/vocabulary.yml", "engines: {}\nflavours: {}\n", DiagnosticCode.unknownKey),
        ("profile missing target", "Content/profiles/p.yml", profile("source: { engine: postgresql }\n"), DiagnosticCode.profileNotMapping),
        ("profile unknown field", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\ntopology: { replica: 1 }\n"), DiagnosticCode.unknownProfileField),
        ("profile bad unit", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\ndata: { size: 5 parsecs }\n"), DiagnosticCode.unknownProfileValue),
        ("profile 10^30 TB", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\ndata: { size: 1000000000000000000000000000000 TB }\n"), DiagnosticCode.unknownProfileValue),
        ("profile negative window", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { duration: -20m }\n"), DiagnosticCode.unknownProfileValue),
        ("profile contradictory tools", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\ntools: { available: [pg_upgrade], unavailable: [pg_upgrade] }\n"), DiagnosticCode.toolBothWays),
        ("profile start without zone", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { starts: \"2026-12-06T02:00\" }\n"), DiagnosticCode.startWithoutTimeZone),
        ("profile bad date", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { starts: \"next Sunday\", timezone: UTC }\n"), DiagnosticCode.unknownProfileValue),
        ("profile not a mapping", "Content/profiles/p.yml", profile("- postgresql\n"), DiagnosticCode.profileNotMapping),
        ("profile broken YAML", "Content/profiles/p.yml", profile("source: { engine: postgresql\n"), DiagnosticCode.yamlSyntax),
        ("profile id escaping", "Content/profiles/p.yml", profile("id: ../outside\nsource: { engine: postgresql }\ntarget: { engine: postgresql }\n"), DiagnosticCode.invalidID),
        ("profile empty", "Content/profiles/p.yml", "", DiagnosticCode.emptyFile),
        ("profile group as a value", "Content/profiles/p.yml", profile("source: postgresql\ntarget: { engine: postgresql }\n"), DiagnosticCode.profileListShape),
        ("profile unknown time zone", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { starts: \"2026-12-06T02:00\", timezone: Mars/Phobos }\n"), DiagnosticCode.unknownProfileValue),
        ("profile 31 February", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { starts: \"2026-02-31T02:00\", timezone: UTC }\n"), DiagnosticCode.unknownProfileValue),
        ("profile year 99999", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { starts: \"99999-12-06T02:00\", timezone: UTC }\n"), DiagnosticCode.unknownProfileValue),
        ("profile fractional tables", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\ndata: { tables: 3.5 }\n"), DiagnosticCode.unknownProfileValue),
        ("profile a million replicas", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\ntopology: { replicas: 1000000 }\n"), DiagnosticCode.unknownProfileValue),
        ("profile window of no time", "Content/profiles/p.yml", profile("source: { engine: postgresql }\ntarget: { engine: postgresql }\nwindow: { duration: 0m }\n"), DiagnosticCode.unknownProfileValue),
        ("profile nested aliases", "Content/profiles/p.yml", profile(Self.laughs), DiagnosticCode.yamlTooDeep),
    ]

    /// A 600-byte "billion laughs": each line repeats the one before nine times.
    static let laughs = (1...7).map { level -> String in
        let name = "l\(level)", previous = level == 1 ? "\"x\"" : "*l\(level - 1)"
        return "\(name): &\(name) [" + Array(repeating: previous, count: 9).joined(separator: ",") + "]"
    }.joined(separator: "\n") + "\nsource: { engine: postgresql }\ntarget: { engine: postgresql }\n"

    @Test func theCorpusIsLarge() { #expect(Self.cases.count >= 50) }

    @Test func anInventoryWithAColumnTwiceIsRefused() throws {
        let site = try FixtureSite(Self.valid.merging(["fleet.csv": "id,source,target,source\nx,postgresql@12,postgresql@15,postgresql@13\n"]) { _, new in new })
        defer { site.remove() }
        let loaded = InventoryLoader(vocabulary: ContentLoader().load(from: site.content).0.vocabulary).load(path: site.path("fleet.csv"))
        let problem = try #require(loaded.flatMap(\.diagnostics).first)
        #expect(problem.code == .inventoryRowShape && problem.message.contains("appears twice"))
        #expect(problem.location.line == 1 && problem.location.column == 18)
        #expect(loaded.allSatisfy { $0.profile == nil })
    }

    /// 300 rows that leave out the same fields: every warning is counted, the first three of each
    /// kind are kept, and the rest are a count per kind rather than 300 copies each.
    @Test func repeatedWarningsOfALargeInventoryAreSummarised() throws {
        let rows = (0..<300).map { "d\($0),postgresql@12,postgresql@15" }
        let site = try FixtureSite(Self.valid.merging([
            "fleet.csv": "id,source,target\n" + rows.joined(separator: "\n") + "\n",
            "Content/mistake.md": Self.item("id: mistake-no-size\nkind: mistake\ntitle: No size\nreviewed: 2026-11\nwhen: { data.size: absent }"),
        ]) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content, profilePaths: [site.path("fleet.csv")]))
        #expect(!result.failed && result.profiles == 300)
        let gaps = result.diagnostics.filter { $0.code == .profileGap }
        #expect(gaps.count == 3, "\(result.diagnostics.map(\.description))")
        #expect(gaps.map(\.location.line) == [2, 3, 4], "the first rows are the ones shown")
        #expect(result.summary.warningCount == result.diagnostics.warningCount + result.summary.omitted.reduce(0) { $0 + $1.omitted })
        let group = try #require(result.summary.omitted.first { $0.code == .profileGap })
        #expect(group.omitted == 297 && group.shape.contains("the profile does not state `data.size`"))
    }

    @Test func warningsOfOneKindDifferOnlyInTheirNumbers() {
        let at = SourceLocation(file: "f.csv", line: 1, column: 1)
        let summary = DiagnosticSummary([
            .warning(.profileGap, "row 12 lacks `a`", at: at), .warning(.profileGap, "row 13 lacks `a`", at: at),
            .warning(.profileGap, "row 14 lacks `b`", at: at), .warning(.factsOlderThanWindow, "row 15 lacks `a`", at: at),
            .error(.profileGap, "row 16 lacks `a`", at: at), .error(.profileGap, "row 17 lacks `a`", at: at),
        ], shown: 1)
        #expect(summary.kept.map(\.message) == ["row 12 lacks `a`", "row 14 lacks `b`", "row 15 lacks `a`", "row 16 lacks `a`", "row 17 lacks `a`"])
        #expect(summary.omitted == [.init(code: .profileGap, shape: "row # lacks `a`", omitted: 1)])
        #expect(summary.warningCount == 4 && summary.errorCount == 2)
    }

    @Test(arguments: cases.map { $0.0 })
    func badInputFailsCleanly(name: String) throws {
        let (_, path, text, code) = try #require(Self.cases.first { $0.0 == name })
        let site = try FixtureSite(Self.valid)
        defer { site.remove() }
        let first = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!first.failed, "\(first.diagnostics)")
        let before = site.snapshot("Output")

        if name == "not UTF-8" {
            var bytes = Array("---\nkind: tip\ntitle: caf".utf8)
            bytes += [0xE9, 0x0A] + Array("---\n".utf8)
            try Data(bytes).write(to: site.root.appendingPathComponent(path))
        } else {
            try site.write(path, text)
        }
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(result.failed, "\(name) should fail the build")
        let diagnostic = try #require(result.diagnostics.first { $0.code == code },
                                      "\(name): expected \(code), got \(result.diagnostics.map(\.description))")
        #expect(diagnostic.level == .error)
        // The file is named (for a duplicate id, the diagnostic or its note names the new file).
        let places = [diagnostic.location] + diagnostic.notes.map(\.location)
        #expect(places.contains { $0.file.hasSuffix(path.replacingOccurrences(of: "Content/", with: "")) }, "\(name): \(diagnostic)")
        #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
        #expect(diagnostic.hint?.isEmpty == false, "\(name): no hint")
        #expect(site.snapshot("Output") == before, "\(name): the previous output changed")
    }

    @Test func aFileOverTheSizeLimitIsRefused() throws {
        let site = try FixtureSite(Self.valid)
        defer { site.remove() }
        let big = "---\nkind: tip\ntitle: Big\n---\n" + String(repeating: "x", count: 50 << 20)
        try site.write("Content/big.md", big)
        let result = Pipeline().check(BuildRequest(base: site.content))
        #expect(result.failed)
        #expect(result.diagnostics.contains { $0.code == DiagnosticCode.fileTooLarge && $0.location.file.hasSuffix("big.md") })
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let site = try FixtureSite(Self.valid.merging(["Content/crlf.md": "\u{FEFF}---\r\nkind: tip\r\ntitle: CRLF\r\nreviewed: 2026-11\r\n---\r\nBody\r\n"]) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content, strict: true))
        #expect(!result.failed, "\(result.diagnostics)")
    }
}
