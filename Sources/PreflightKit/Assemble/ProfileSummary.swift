/// The profile as a short GFM table: what every document opens with.
enum ProfileSummary {
    static let rows: [(String, [String])] = [
        ("Source", ["source.engine", "source.version", "source.hosting"]),
        ("Target", ["target.engine", "target.version", "target.hosting"]),
        ("Data", ["data.size", "data.tables"]),
        ("Topology", ["topology.replicas", "topology.replication"]),
        ("Application", ["application.orm", "application.orm_version", "application.language"]),
        ("Window", ["window.mode", "window.duration", "window.starts", "window.timezone"]),
        ("Objectives", ["objectives.rto", "objectives.rpo"]),
    ]

    static func markdown(_ profile: Profile, vocabulary: Vocabulary) -> String {
        var lines = ["| Aspect | Details |", "| --- | --- |"]
        for (label, paths) in rows {
            let parts = paths.compactMap { path -> String? in
                guard let value = profile[path] else { return nil }
                let name = path.split(separator: ".").last.map(String.init) ?? path
                if case .engine(let engine) = value { return vocabulary.displayName(engine) }
                return "\(name.replacingOccurrences(of: "_", with: " ")): \(value)"
            }
            lines.append("| \(label) | \(parts.isEmpty ? "_not stated_" : escape(parts.joined(separator: ", "))) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Keeps a value from breaking the table or becoming markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "|\\`*_[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
