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
        for (aspect, details) in facts(profile, vocabulary: vocabulary) {
            lines.append("| \(aspect) | \(details.map(escape) ?? "_not stated_") |")
        }
        return lines.joined(separator: "\n")
    }

    /// The table's rows as plain text: each aspect with its details, nil when the profile states none.
    static func facts(_ profile: Profile, vocabulary: Vocabulary) -> [(aspect: String, details: String?)] {
        rows.map { label, paths in
            let parts = paths.compactMap { path -> String? in
                guard let value = profile[path] else { return nil }
                let name = path.split(separator: ".").last.map(String.init) ?? path
                if case .engine(let engine) = value { return vocabulary.displayName(engine) }
                return "\(name.replacingOccurrences(of: "_", with: " ")): \(value)"
            }
            return (label, parts.isEmpty ? nil : parts.joined(separator: ", "))
        }
    }

    /// The profile in one line, for documents that are printed: `PostgreSQL 12.17 → PostgreSQL 15.5 · 1 TB ·
    /// read-only window of 20m from 2026-12-06T02:00 America/New_York`.
    static func line(_ profile: Profile, vocabulary: Vocabulary) -> String {
        escape(plainLine(profile, vocabulary: vocabulary))
    }

    /// The same line as plain text.
    static func plainLine(_ profile: Profile, vocabulary: Vocabulary) -> String {
        func engine(_ side: String) -> String? {
            guard let name = profile.text(side + ".engine").map(vocabulary.displayName) else { return nil }
            return name + (profile.version(side + ".version").map { " \($0)" } ?? "")
                + (profile.text(side + ".hosting").map { " (\($0))" } ?? "")
        }
        var parts: [String] = []
        if let source = engine("source"), let target = engine("target") { parts.append("\(source) → \(target)") }
        if let size = profile["data.size"] { parts.append("\(size)") }
        if let duration = profile.duration("window.duration") {
            var window = (profile.text("window.mode").map { "\($0) " } ?? "") + "window of \(duration)"
            if let starts = profile.text("window.starts") {
                window += " from \(starts)" + (profile.text("window.timezone").map { " \($0)" } ?? "")
            }
            parts.append(window)
        }
        return parts.joined(separator: " · ")
    }

    /// Keeps a value from breaking the table or becoming markup.
    static func escape(_ text: String) -> String { MarkdownEscape.inline(text) }
}
