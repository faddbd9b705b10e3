/// Checks a loaded profile for values that are each well-formed but together make no sense.
public struct ProfileValidator: Sendable {
    public init() {}

    public func validate(_ profile: Profile, content: ContentSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let origin = profile.location
        func at(_ path: String) -> SourceLocation { profile.locations[path] ?? origin }

        if profile["source.family"] == profile["target.family"],
           let source = profile.version("source.version"), let target = profile.version("target.version"),
           target.compare(atPrecisionOf: source) < 0 {
            diagnostics.append(.warning(.targetOlderThanSource, "the target version \(target) is older than the source version \(source)",
                                        at: at("target.version"),
                                        hint: "a downgrade is rarely supported in place; check the two versions"))
        }
        if profile["window.starts"] != nil, profile["window.timezone"] == nil {
            diagnostics.append(.error(.startWithoutTimeZone, "`window.starts` has no `window.timezone`", at: at("window.starts"),
                                      hint: "add `timezone:` with an IANA name such as `America/New_York`"))
        }
        if let rto = profile.duration("objectives.rto"), let rollback = profile.duration("rollback.max_duration"),
           rollback > rto {
            diagnostics.append(.warning(.rollbackExceedsRTO, "a rollback of up to \(rollback) cannot meet the RTO of \(rto)",
                                        at: at("rollback.max_duration"),
                                        hint: "shorten the rollback limit or revisit the recovery time objective"))
        }
        let available = Set(profile.list("tools.available").map { $0.lowercased() })
        for tool in profile.list("tools.unavailable") where available.contains(tool.lowercased()) {
            diagnostics.append(.error(.toolBothWays, "`\(tool)` is listed both as available and as unavailable",
                                      at: at("tools.unavailable"), hint: "keep it in one of the two lists"))
        }
        return diagnostics
    }
}
