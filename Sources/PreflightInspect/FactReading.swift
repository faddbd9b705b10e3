import PreflightKit

/// A fact probe's rows turned into the value a profile would hold: bytes as `1.2 GB`, seconds as
/// `45m`, a rate as `3.1 MB/s`, a list as its elements.
struct FactReading {
    var probe: Probe
    var rows: [[String: SQLValue]]

    var fact: InspectReport.Fact? {
        guard let field = probe.measures, let unit = probe.unit else { return nil }
        var fact = InspectReport.Fact(probe: probe.id, title: probe.title, measures: field, unit: unit, value: "")
        if unit == .list {
            let items = rows.compactMap { row in row["value"].map { value in
                let detail = row["detail"]?.description ?? ""
                return detail.isEmpty ? value.description : "\(value) \(detail)"
            } }
            fact.items = items
            fact.value = rows.compactMap { $0["value"]?.description }.joined(separator: ", ")
            return fact
        }
        guard let row = rows.first else { return nil }
        if let value = row["value"] {
            guard value != .null else { return nil }
            fact.value = Self.format(value, unit)
        }
        let parts = row.filter { $0.key != "value" && $0.value != .null }
        if !parts.isEmpty {
            fact.parts = Dictionary(uniqueKeysWithValues: parts.map { key, value in
                (key, key.hasSuffix("size") || key.hasSuffix("bytes") ? Self.format(value, .bytes) : value.description)
            })
            if row["value"] == nil { fact.value = parts.keys.sorted().map { "\($0)=\(fact.parts![$0]!)" }.joined(separator: ", ") }
        }
        return fact
    }

    static func format(_ value: SQLValue, _ unit: Probe.Unit) -> String {
        guard let number = value.number else { return value.description }
        switch unit {
        case .bytes: return DataSize(bytes: number).description
        case .seconds: return TimeSpan(seconds: number.rounded()).description
        case .bytesPerSecond: return Throughput(bytesPerSecond: number).description
        case .count: return String(Int64(number.rounded()))
        case .text, .version, .list: return value.description
        }
    }
}
