/// A value from a query, as `row_to_json` writes it: strings, numbers, booleans, null, and anything
/// nested kept as its JSON text.
public enum SQLValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    case null
    case text(String)
    case number(Double)
    case boolean(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .boolean(flag) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .text(text) }
        else { self = .text("(nested value)") }
    }

    public var description: String {
        switch self {
        case .null: return ""
        case .text(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        }
    }

    public var number: Double? {
        switch self {
        case .number(let number): return number
        case .text(let text): return Double(text)
        default: return nil
        }
    }
}
