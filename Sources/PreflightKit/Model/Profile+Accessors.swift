extension Profile {
    public func version(_ path: String) -> Version? {
        if case .version(let value)? = values[path] { value } else { nil }
    }

    public func size(_ path: String) -> DataSize? {
        if case .size(let value)? = values[path] { value } else { nil }
    }

    public func duration(_ path: String) -> TimeSpan? {
        if case .duration(let value)? = values[path] { value } else { nil }
    }

    public func number(_ path: String) -> Double? {
        if case .number(let value)? = values[path] { value } else { nil }
    }

    public func text(_ path: String) -> String? {
        switch values[path] {
        case .text(let value)?, .engine(let value)?: return value
        default: return nil
        }
    }

    public func list(_ path: String) -> [String] {
        if case .list(let value)? = values[path] { value } else { [] }
    }

    /// The readers the profile names; every role when it names none.
    public var readers: [Role] {
        let named = list("roles").compactMap(Role.init(rawValue:))
        return named.isEmpty ? Role.allCases : named
    }
}
