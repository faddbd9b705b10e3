/// Front-matter schemas, one per kind of item.
extension JSONSchemaGenerator {
    public func item(_ kind: Kind) -> [String: Any] {
        var properties: [String: Any] = [
            "id": ["type": "string", "pattern": #"^[a-z0-9][a-z0-9._-]*$"#, "description": "Unique id; defaults to the file name"],
            "kind": ["const": kind.rawValue],
            "title": ["type": "string"],
            "summary": ["type": "string"],
            "when": condition(),
            "roles": ["type": "array", "items": ["enum": Role.allCases.map(\.rawValue)]],
            "phase": ["enum": Phase.allCases.map(\.rawValue)],
            "severity": ["enum": Severity.allCases.map(\.rawValue)],
            "likelihood": ["enum": Likelihood.allCases.map(\.rawValue)],
            "tags": strings(),
            "related": strings(),
            "order": ["type": "integer"],
            // The patterns admit real months and days 01–31; the loader also refuses days a month lacks.
            "reviewed": ["type": "string", "pattern": #"^[0-9]{4}-(0[1-9]|1[0-2])$"#,
                         "description": "The month someone last checked the item against its sources (YYYY-MM)"],
            "as_of": ["type": "string", "pattern": #"^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"#,
                      "description": "The date the item's dated facts hold on (YYYY-MM-DD or YYYY-MM; quote it in YAML)"],
            "sources": ["type": "array", "items": [
                "type": "object", "required": ["title", "url"], "additionalProperties": false,
                "properties": ["title": ["type": "string"], "url": ["type": "string", "pattern": "^https?://"]],
            ]],
        ]
        var required = ["kind", "title"]
        switch kind {
        case .step:
            properties["owner"] = ["enum": Role.allCases.map(\.rawValue)]
            properties["estimate"] = estimate()
            properties["gate"] = ["type": "boolean"]
            properties["point_of_no_return"] = ["type": "boolean"]
            properties["commands"] = ["type": "array", "items": [
                "type": "object", "required": ["run"], "additionalProperties": false,
                "properties": ["title": ["type": "string"], "lang": ["type": "string"], "run": ["type": "string"],
                               "when": condition(), "on": ["enum": Command.Side.allCases.map(\.rawValue)],
                               "manual": ["type": "string"]],
            ]]
            required.append("phase")
        case .strategy:
            properties["requires"] = ["type": "object", "additionalProperties": false, "properties": [
                "tools": strings(), "any_tools": strings(), "hosting": strings(), "topology": ["type": "string"],
            ]]
            properties["excludes"] = ["type": "array", "items": [
                "type": "object", "required": ["when", "reason"], "additionalProperties": false,
                "properties": ["when": condition(), "reason": ["type": "string"]],
            ]]
            properties["downtime"] = estimate()
            properties["rpo"] = ["type": ["string", "integer"]]
            properties["pros"] = strings()
            properties["cons"] = strings()
            properties["procedure"] = procedure()
            required += ["downtime", "rpo"]
        case .criterion:
            properties["check"] = ["oneOf": KindRules.checkTypes.keys.sorted().map { type -> [String: Any] in
                let spec = KindRules.checkTypes[type]!
                var keys: [String: Any] = ["type": ["const": type]]
                for key in spec.required + spec.optional {
                    keys[key] = key == "min" ? ["type": "integer"] : ["anyOf": [["type": "string"], strings()]]
                }
                return ["type": "object", "required": ["type"] + spec.required, "additionalProperties": false, "properties": keys]
            }]
            properties["weight"] = ["type": "integer", "minimum": 1]
            required.append("check")
        case .notice:
            properties["channel"] = ["enum": channels]
            properties["subject"] = ["type": "string"]
            required.append("channel")
        case .promptRule:
            properties["section"] = ["enum": KindRules.promptSections]
            properties["line"] = ["type": "string"]
            required.append("section")
        default:
            break
        }
        return [
            "$schema": Self.draft, "$id": "https://preflight.invalid/schemas/item.\(kind.rawValue).schema.json",
            "title": "Preflight \(kind.rawValue) front matter", "type": "object", "properties": properties,
            "required": required, "additionalProperties": false,
        ]
    }

    func strings() -> [String: Any] { ["type": "array", "items": ["type": "string"]] }

    func estimate() -> [String: Any] {
        ["anyOf": [
            ["type": ["string", "integer"]],
            ["type": "object", "required": ["rate", "of"], "additionalProperties": false, "properties": [
                "rate": ["type": "string"], "of": ["enum": ProfileSchema.fields.filter { $0.type == .size }.map(\.path)],
                "plus": ["type": "string"], "bound": ["enum": Estimate.Bound.allCases.map(\.rawValue)],
                "limit": ["enum": ProfileSchema.fields.filter { $0.type == .throughput }.map(\.path)],
                "measured": ["enum": ProfileSchema.fields.filter { $0.path.hasPrefix("rates.") }.map(\.path)],
            ]],
        ]]
    }

    /// A `when`: profile field paths to a value or a list of values, and `any`/`all`/`not` groups.
    func condition() -> [String: Any] {
        let test: [String: Any] = ["anyOf": [["type": ["string", "number", "boolean"]],
                                             ["type": "array", "items": ["type": ["string", "number", "boolean"]]]]]
        var properties: [String: Any] = [:]
        for field in ProfileSchema.fields { properties[field.path] = test }
        properties["any"] = ["type": "array", "items": ["type": "object"]]
        properties["all"] = ["type": "array", "items": ["type": "object"]]
        properties["not"] = ["type": "object"]
        return ["type": "object", "properties": properties, "additionalProperties": false]
    }

    /// A strategy's procedure: lists of step ids, each a string or `{ step, before | off_clock }`.
    func procedure() -> [String: Any] {
        func entries(_ extra: [String: Any]) -> [String: Any] {
            ["type": "array", "items": ["oneOf": [
                ["type": "string"],
                ["type": "object", "required": ["step"], "additionalProperties": false,
                 "properties": ["step": ["type": "string"]].merging(extra) { first, _ in first }],
            ]]]
        }
        return ["type": "object", "required": ["cutover"], "additionalProperties": false, "properties": [
            "prepare": entries(["before": ["type": "string"]]), "cutover": entries([:]),
            "point_of_no_return": ["type": "string"], "rollback": entries(["off_clock": ["type": "boolean"]]),
            "after": entries([:]),
        ]]
    }
}
