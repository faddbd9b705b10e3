import Foundation
import Testing
@testable import PreflightKit

@Suite("Validation diagnostics")
struct DiagnosticsTests {
    func check(_ files: [String: String]) throws -> [Diagnostic] {
        let site = try FixtureSite(FixtureSite.basics.merging(files) { _, new in new })
        defer { site.remove() }
        let result = Pipeline().check(BuildRequest(base: site.content))
        // Paths in diagnostics are the fixture's; make them relative for assertions.
        return result.diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.location.file = copy.location.file.replacingOccurrences(of: site.content + "/", with: "")
            copy.notes = copy.notes.map { note in
                var note = note
                note.location.file = note.location.file.replacingOccurrences(of: site.content + "/", with: "")
                return note
            }
            return copy
        }
    }

    func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.level == .error } }

    @Test func yamlSyntaxErrorsCarryFileLineAndColumn() throws {
        let diagnostics = try check(["Content/a.md": "---\nkind: tip\ntitle: [unclosed\n---\nbody\n"])
        let error = try #require(errors(diagnostics).first)
        #expect(error.code == DiagnosticCode.yamlSyntax)
        #expect(error.location.file == "a.md")
        #expect(error.location.line >= 3)
        #expect(error.hint != nil)
    }

    @Test func unknownKeysAreNamedWithASuggestion() throws {
        let diagnostics = try check(["Content/a.md": "---\nkind: tip\ntitle: T\nseverty: high\n---\nbody\n"])
        let error = try #require(errors(diagnostics).first)
        #expect(error.code == DiagnosticCode.unknownKey)
        #expect(error.location == SourceLocation(file: "a.md", line: 4, column: 1))
        #expect(error.hint == "did you mean `severity`?")
    }

    @Test func missingRequiredKeys() throws {
        let diagnostics = try check(["Content/a.md": "---\nkind: tip\n---\nbody\n"])
        #expect(errors(diagnostics).map(\.code) == [DiagnosticCode.missingKey])
        #expect(errors(diagnostics).first?.message.contains("`title`") == true)
    }

    @Test func duplicateIdsNameBothPlaces() throws {
        let diagnostics = try check([
            "Content/one/a.md": "---\nid: same\nkind: tip\ntitle: A\n---\nbody\n",
            "Content/two/b.md": "---\nkind: tip\nid: same\ntitle: B\n---\nbody\n",
        ])
        let error = try #require(errors(diagnostics).first)
        #expect(error.code == DiagnosticCode.duplicateID)
        #expect(error.location == SourceLocation(file: "two/b.md", line: 3, column: 1))
        #expect(error.notes.first?.location == SourceLocation(file: "one/a.md", line: 2, column: 1))
    }

    @Test func danglingRelatedIds() throws {
        let diagnostics = try check([
            "Content/a.md": "---\nkind: tip\ntitle: A\nrelated: [tip-bee]\n---\nbody\n",
            "Content/tip-be.md": "---\nkind: tip\ntitle: B\n---\nbody\n",
        ])
        let error = try #require(errors(diagnostics).first)
        #expect(error.code == DiagnosticCode.unknownRelated)
        #expect(error.hint == "did you mean `tip-be`?")
        #expect(error.location.line == 4)
    }

    @Test func unknownTemplateVariablesArePositionedInTheBody() throws {
        let diagnostics = try check(["Content/a.md": "---\nkind: tip\ntitle: A\n---\nfirst line\nMove {{data.sise}} now\n"])
        let error = try #require(errors(diagnostics).first)
        #expect(error.code == DiagnosticCode.unknownTemplateVariable)
        #expect(error.location == SourceLocation(file: "a.md", line: 6, column: 6))
        #expect(error.hint == "did you mean `{{data.size}}`?")
    }

    @Test func conditionErrorsAreReportedAtTheirValue() throws {
        let diagnostics = try check(["Content/a.md": "---\nkind: tip\ntitle: A\nwhen:\n  target.engine: \">=15\"\n---\nbody\n"])
        let error = try #require(errors(diagnostics).first)
        #expect(error.code == DiagnosticCode.conditionMismatch)
        #expect(error.location == SourceLocation(file: "a.md", line: 5, column: 18))
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let diagnostics = try check([
            "Content/a.md": "---\nkind: tip\ntitle: A\nbogus: 1\nwhen: { data.size: \">=5 parsecs\" }\n---\n{{nope}}\n",
            "Content/b.md": "---\nkind: nonsense\ntitle: B\n---\nbody\n",
        ])
        #expect(Set(errors(diagnostics).map(\.code)) == [DiagnosticCode.unknownKey, DiagnosticCode.unreadableValue, DiagnosticCode.unknownTemplateVariable, DiagnosticCode.invalidValue])
    }

    @Test func variablesTheConditionDoesNotGuaranteeAreWarnings() throws {
        let diagnostics = try check([
            "Content/a.md": "---\nkind: tip\ntitle: A\nreviewed: 2026-11\n---\n{{data.size}} and {{#window.duration}}{{window.duration}}{{/window.duration}}\n",
        ])
        #expect(diagnostics.map(\.code) == [DiagnosticCode.blankVariable])
        #expect(diagnostics.first?.location.column == 1)
    }
}
