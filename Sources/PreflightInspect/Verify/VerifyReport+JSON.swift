import Foundation

/// The JSON form for CI: keys sorted, every key present (null rather than absent), and a top-level
/// `equal` so a job can gate on one field.
extension VerifyReport {
    /// The report as pretty-printed JSON with sorted keys, ending in a newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = try! encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private enum JSONKey: String, CodingKey {
        case verifiedAt, source, target, profile, tablePatterns, differences, tables, figures, equal
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try container.encode(isEqual, forKey: .equal)
        try container.encode(verifiedAt, forKey: .verifiedAt)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        try container.encode(profile, forKey: .profile)
        try container.encode(tablePatterns, forKey: .tablePatterns)
        try container.encode(differences, forKey: .differences)
        try container.encode(tables, forKey: .tables)
        try container.encode(figures, forKey: .figures)
    }
}

extension VerifyReport.Difference {
    private enum JSONKey: String, CodingKey { case kind, table, object, message, source, target }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(table, forKey: .table)
        try container.encode(object, forKey: .object)
        try container.encode(message, forKey: .message)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
    }
}

extension VerifyReport.Table {
    private enum JSONKey: String, CodingKey { case table, sourceRows, targetRows, bytes, key, equal, seconds }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        try container.encode(table, forKey: .table)
        try container.encode(sourceRows, forKey: .sourceRows)
        try container.encode(targetRows, forKey: .targetRows)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(key, forKey: .key)
        try container.encode(equal, forKey: .equal)
        try container.encode(seconds, forKey: .seconds)
    }
}
