import Foundation
import Testing
@testable import PreflightKit

@Suite("JSON Schemas")
struct SchemaTests {
    /// One source of truth: the shipped schemas are exactly what the model generates today.
    @Test func shippedSchemasMatchTheModel() throws {
        let (content, _) = Repository.loaded
        let generated = JSONSchemaGenerator(vocabulary: content.vocabulary, channels: Array(content.theme.strings.channels.keys)).all()
        #expect(generated.count == Kind.allCases.count + 1)
        for (name, schema) in generated {
            let shipped = try String(contentsOfFile: Repository.content + "/schemas/" + name, encoding: .utf8)
            #expect(shipped == JSONSchemaGenerator.text(schema), "\(name) is stale: run `preflight schema`")
        }
    }

    @Test func schemasCloseObjectsAndNameEveryKey() throws {
        let (content, _) = Repository.loaded
        let generator = JSONSchemaGenerator(vocabulary: content.vocabulary, channels: Array(content.theme.strings.channels.keys))
        let step = generator.item(.step)
        let properties = try #require(step["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ItemSchema.allowedKeys(for: .step)))
        #expect(step["additionalProperties"] as? Bool == false)
        let profile = generator.profile()
        let groups = try #require(profile["properties"] as? [String: Any])
        #expect(groups["topology"] != nil && groups["migration"] != nil)
        let migration = try #require((groups["migration"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(migration["cross_engine"] == nil, "derived fields are not for users to write")
    }
}
