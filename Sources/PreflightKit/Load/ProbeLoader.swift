import Foundation

/// Reads the probes under `probes/` (one YAML file each, `probes/<engine>/<name>.yml`): the queries
/// `preflight inspect` runs. Problems of form are reported here; references to steps, strategies
/// and profile fields are checked with the rest of the content by `ProbeRules`.
struct ProbeLoader {
    static let keys = ["id", "engine", "title", "measures", "unit", "sample", "finding", "compare", "queries", "meaning",
                       "sources", "reviewed"]
    static let findingKeys = ["severity", "step", "rules_out", "verdict", "message"]
    static let queryKeys = ["source", "target", "sql", "target_sql"]

    func load(folder: String, files: [String], diagnostics: inout [Diagnostic]) -> [Probe] {
        files.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.compactMap { load(path: folder + "/" + $0, diagnostics: &diagnostics) }
    }

    private func load(path: String, diagnostics: inout [Diagnostic]) -> Probe? {
        let text: String
        switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
        case .success(let data): text = String(decoding: data, as: UTF8.self)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let tree: YAMLTree
        switch YAMLTree.parse(text, file: path, firstLine: 1) {
        case .success(let parsed): tree = parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        var reader = Reader(diagnostics: diagnostics)
        defer { diagnostics = reader.diagnostics }
        guard let fields = reader.mapping(tree, keys: Self.keys, what: "a probe") else { return nil }
        let start = tree.location
        guard let id = reader.text(fields["id"], "id", at: start), let engine = reader.text(fields["engine"], "engine", at: start),
              let title = reader.text(fields["title"], "title", at: start),
              let meaning = reader.text(fields["meaning"], "meaning", at: start) else { return nil }
        var probe = Probe(id: id, engine: engine, title: title, measures: fields["measures"]?.scalar, unit: nil, sample: nil,
                          finding: nil, comparesTarget: false, queries: [], meaning: meaning, sources: [], reviewed: nil,
                          location: start)
        if let unit = fields["unit"] {
            probe.unit = reader.choice(unit, Probe.Unit.self, "unit")
        }
        if let sample = fields["sample"] {
            if case .success(let span)? = sample.scalar.map(TimeSpan.parse), span.seconds > 0, span.seconds <= 60 {
                probe.sample = span
            } else {
                reader.fail(.invalidProbe, "`sample` is not a span from 1s to 60s", at: sample.location, hint: "write `sample: 2s`")
            }
        }
        if let compare = fields["compare"] {
            if compare.scalar == "target-lacks" { probe.comparesTarget = true }
            else { reader.fail(.invalidProbe, "`compare` takes only `target-lacks`", at: compare.location) }
        }
        if let finding = fields["finding"] { probe.finding = reader.finding(finding) }
        switch (probe.measures, probe.finding) {
        case (nil, nil): reader.fail(.invalidProbe, "a probe needs `measures` (a fact) or `finding`", at: start)
        case (.some, .some): reader.fail(.invalidProbe, "a probe has `measures` or `finding`, not both", at: start)
        case (.some, nil) where probe.unit == nil: reader.fail(.missingKey, "a fact needs `unit`", at: start,
                                                               hint: "one of: " + Probe.Unit.allCases.map(\.rawValue).joined(separator: ", "))
        default: break
        }
        if case .sequence(let entries, _)? = fields["queries"], !entries.isEmpty {
            probe.queries = entries.compactMap { reader.query($0, comparesTarget: probe.comparesTarget) }
        } else {
            reader.fail(.missingKey, "a probe needs `queries`, a list of `{ source: \">=10\", sql: ... }`", at: fields["queries"]?.location ?? start)
        }
        probe.sources = reader.sources(fields["sources"], at: start)
        if let reviewed = fields["reviewed"]?.scalar { probe.reviewed = CalendarDate.parse(reviewed, allowDay: false) }
        if probe.reviewed == nil {
            reader.fail(.notReviewed, "a probe needs `reviewed: YYYY-MM`", at: fields["reviewed"]?.location ?? start)
        }
        return reader.failed ? nil : probe
    }
}
