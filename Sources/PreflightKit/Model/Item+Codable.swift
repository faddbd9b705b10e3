/// Items as one array of their fields in declaration order, for the content snapshot.
///
/// Keyed coding spent most of its time on the keys: an item has two dozen fields and a source
/// location for every front-matter key. Positions are the format: a field added to `Item` must be
/// added here (the snapshot tests compare every stored property of every shipped item after a
/// round trip, so a forgotten one fails them) and `BuildManifest.toolIdentity` retires old snapshots.
extension Item: Codable {
    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(id)
        try fields.encode(kind)
        try fields.encode(title)
        try fields.encode(summary)
        try fields.encode(when)
        try fields.encode(roles)
        try fields.encode(phase)
        try fields.encode(severity)
        try fields.encode(likelihood)
        try fields.encode(tags)
        try fields.encode(related)
        try fields.encode(sources)
        try fields.encode(body)
        try fields.encode(order)
        try fields.encode(owner)
        try fields.encode(estimate)
        try fields.encode(gate)
        try fields.encode(pointOfNoReturn)
        try fields.encode(commands)
        try fields.encode(strategy)
        try fields.encode(extras)
        try fields.encode(file)
        try fields.encode(bodyLine)
        var locations = fields.nestedUnkeyedContainer()
        for key in keyLocations.keys.sorted() {
            let location = keyLocations[key]!
            try locations.encode(key)
            try locations.encode(location.file)
            try locations.encode(location.line)
            try locations.encode(location.column)
        }
    }

    public init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(id: try fields.decode(String.self), kind: try fields.decode(Kind.self), title: try fields.decode(String.self),
                  file: "")
        summary = try fields.decode(String?.self)
        when = try fields.decode(Condition.self)
        roles = try fields.decode([Role].self)
        phase = try fields.decode(Phase?.self)
        severity = try fields.decode(Severity?.self)
        likelihood = try fields.decode(Likelihood?.self)
        tags = try fields.decode([String].self)
        related = try fields.decode([String].self)
        sources = try fields.decode([Citation].self)
        body = try fields.decode(String.self)
        order = try fields.decode(Int.self)
        owner = try fields.decode(Role?.self)
        estimate = try fields.decode(Estimate?.self)
        gate = try fields.decode(Bool.self)
        pointOfNoReturn = try fields.decode(Bool.self)
        commands = try fields.decode([Command].self)
        strategy = try fields.decode(StrategySpec?.self)
        extras = try fields.decode([String: YAMLValue].self)
        file = try fields.decode(String.self)
        bodyLine = try fields.decode(Int.self)
        var locations = try fields.nestedUnkeyedContainer()
        while !locations.isAtEnd {
            let key = try locations.decode(String.self)
            keyLocations[key] = SourceLocation(file: try locations.decode(String.self), line: try locations.decode(Int.self),
                                               column: try locations.decode(Int.self))
        }
    }
}

/// A test as its path, predicate, written form and location, in one array.
extension FieldTest: Codable {
    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(path)
        try fields.encode(predicate)
        try fields.encode(written)
        try fields.encode(location.file)
        try fields.encode(location.line)
        try fields.encode(location.column)
    }

    public init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(path: try fields.decode(String.self), predicate: try fields.decode(Predicate.self),
                  written: try fields.decode(String.self),
                  location: SourceLocation(file: try fields.decode(String.self), line: try fields.decode(Int.self),
                                           column: try fields.decode(Int.self)))
    }
}
