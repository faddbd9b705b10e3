import Testing
@testable import PreflightKit

@Suite("Template scanner")
struct TemplateScannerTests {
    @Test func findsVariablesWithPositions() {
        let tags = TemplateScanner.tags(in: "Move {{data.size}}\nto {{#target.version}}x{{/target.version}} {{{name}}}")
        #expect(tags.map(\.name) == ["data.size", "target.version", "target.version", "name"])
        #expect(tags.map(\.sigil) == ["", "#", "/", "{"])
        #expect(tags[0].line == 1 && tags[0].column == 6)
        #expect(tags[1].line == 2 && tags[1].column == 4)
    }
}
