import Foundation
import PreflightKit

/// The parts of a SARIF 2.1.0 log that the review fills in.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Finding]
        var properties: [String: Int]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "preflight"
        var rules: [Rule]
    }

    struct Text: Encodable {
        var text: String
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: [String: String]
        var properties: [String: Int]
    }

    struct Finding: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: [String: String]
        var region: [String: Int]
    }
}

/// The report as SARIF 2.1.0, the format code-scanning tools read, so that a pull request adding a plan
/// gets one annotation per failed criterion on the line it concerns.
extension Reviewer.Report {
    /// One rule per criterion that applied, one result per criterion that failed. A failure with no line
    /// of its own (a missing section) points at the first line, where a reviewer starts reading.
    public func sarif() -> String {
        let rules = criteria.map { result in
            SARIF.Rule(id: result.id, name: result.id.replacingOccurrences(of: "criterion-", with: ""),
                 shortDescription: SARIF.Text(text: result.title), fullDescription: SARIF.Text(text: result.summary.isEmpty ? result.title : result.summary),
                 defaultConfiguration: ["level": result.weight >= 3 ? "error" : "warning"], properties: ["weight": result.weight])
        }
        let results = criteria.enumerated().filter { !$0.element.passed }.map { index, result in
            SARIF.Finding(ruleId: result.id, ruleIndex: index, level: result.weight >= 3 ? "error" : "warning",
                   message: SARIF.Text(text: "\(result.title): \(result.evidence)"),
                   locations: [SARIF.Location(physicalLocation: SARIF.PhysicalLocation(artifactLocation: ["uri": plan],
                                                                          region: ["startLine": max(result.line ?? 1, 1)]))])
        }
        let log = SARIF.Log(runs: [SARIF.Run(tool: SARIF.Tool(driver: SARIF.Driver(rules: rules)), results: results,
                                      properties: ["score": score, "passed": passed, "total": total])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(log)) ?? Data(), as: UTF8.self) + "\n"
    }
}
