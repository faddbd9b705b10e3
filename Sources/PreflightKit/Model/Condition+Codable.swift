/// Conditions, predicates and field values as arrays of a case number and the payload.
///
/// Synthesized coding would nest two keyed containers per case; conditions are most of an item's
/// values, and the content snapshot decodes every item of the content on each incremental build.
/// Case numbers are part of the snapshot format: append cases, never renumber them.
extension Condition: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .all(let conditions): try container.encode(0); try container.encode(conditions)
        case .any(let conditions): try container.encode(1); try container.encode(conditions)
        case .not(let condition): try container.encode(2); try container.encode(condition)
        case .test(let test): try container.encode(3); try container.encode(test)
        }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Int.self) {
        case 0: self = .all(try container.decode([Condition].self))
        case 1: self = .any(try container.decode([Condition].self))
        case 2: self = .not(try container.decode(Condition.self))
        case 3: self = .test(try container.decode(FieldTest.self))
        case let other: throw CompactCoding.unknownCase(other, of: "Condition", at: container.codingPath)
        }
    }
}

extension Predicate: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .equals(let value): try container.encode(0); try container.encode(value)
        case .compare(let comparison, let value):
            try container.encode(1); try container.encode(comparison); try container.encode(value)
        case .range(let lower, let upper, let inclusive):
            try container.encode(2); try container.encode(lower); try container.encode(upper); try container.encode(inclusive)
        case .present: try container.encode(3)
        case .absent: try container.encode(4)
        case .anyOf(let predicates): try container.encode(5); try container.encode(predicates)
        }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Int.self) {
        case 0: self = .equals(try container.decode(FieldValue.self))
        case 1: self = .compare(try container.decode(ComparisonOperator.self), try container.decode(FieldValue.self))
        case 2: self = .range(try container.decode(FieldValue.self), try container.decode(FieldValue.self),
                              inclusive: try container.decode(Bool.self))
        case 3: self = .present
        case 4: self = .absent
        case 5: self = .anyOf(try container.decode([Predicate].self))
        case let other: throw CompactCoding.unknownCase(other, of: "Predicate", at: container.codingPath)
        }
    }
}

extension FieldValue: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .engine(let name): try container.encode(0); try container.encode(name)
        case .version(let version): try container.encode(1); try container.encode(version)
        case .size(let size): try container.encode(2); try container.encode(size.bytes)
        case .duration(let span): try container.encode(3); try container.encode(span.seconds)
        case .percentage(let percentage): try container.encode(4); try container.encode(percentage.value)
        case .throughput(let rate): try container.encode(5); try container.encode(rate)
        case .number(let number): try container.encode(6); try container.encode(number)
        case .boolean(let flag): try container.encode(7); try container.encode(flag)
        case .text(let text): try container.encode(8); try container.encode(text)
        case .list(let list): try container.encode(9); try container.encode(list)
        }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Int.self) {
        case 0: self = .engine(try container.decode(String.self))
        case 1: self = .version(try container.decode(Version.self))
        case 2: self = .size(DataSize(bytes: try container.decode(Double.self)))
        case 3: self = .duration(TimeSpan(seconds: try container.decode(Double.self)))
        case 4: self = .percentage(Percentage(try container.decode(Double.self)))
        case 5: self = .throughput(try container.decode(Throughput.self))
        case 6: self = .number(try container.decode(Double.self))
        case 7: self = .boolean(try container.decode(Bool.self))
        case 8: self = .text(try container.decode(String.self))
        case 9: self = .list(try container.decode([String].self))
        case let other: throw CompactCoding.unknownCase(other, of: "FieldValue", at: container.codingPath)
        }
    }
}

extension YAMLValue: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .scalar(let text): try container.encode(0); try container.encode(text)
        case .list(let values): try container.encode(1); try container.encode(values)
        case .map(let values): try container.encode(2); try container.encode(values)
        case .null: try container.encode(3)
        }
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        switch try container.decode(Int.self) {
        case 0: self = .scalar(try container.decode(String.self))
        case 1: self = .list(try container.decode([YAMLValue].self))
        case 2: self = .map(try container.decode([String: YAMLValue].self))
        case 3: self = .null
        case let other: throw CompactCoding.unknownCase(other, of: "YAMLValue", at: container.codingPath)
        }
    }
}

enum CompactCoding {
    static func unknownCase(_ number: Int, of type: String, at path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: "\(type) has no case \(number)"))
    }
}
