/// The schema half of `verify`: what is missing on the target, extra there, or defined differently.
extension SchemaSnapshot {
    /// The differences from `self` (the source) to `target`, in no particular order.
    func differences(to target: SchemaSnapshot) -> [VerifyReport.Difference] {
        var found: [VerifyReport.Difference] = []
        for name in Set(tables.keys).union(target.tables.keys) {
            switch (tables[name], target.tables[name]) {
            case (_?, nil):
                found.append(.init(kind: .missingTable, table: name, object: name, message: "the table is missing on the target",
                                   source: tables[name]?.definition, target: nil))
            case (nil, _?):
                found.append(.init(kind: .extraTable, table: name, object: name, message: "the table exists only on the target",
                                   source: nil, target: target.tables[name]?.definition))
            default: break
            }
        }
        // A missing or extra table is one difference, not one more for each of its columns and indexes.
        let oneSided = Set(tables.keys).symmetricDifference(target.tables.keys)
        for key in Set(objects.keys).union(target.objects.keys) {
            let mine = objects[key], theirs = target.objects[key]
            guard let object = mine ?? theirs, !(object.table.map(oneSided.contains) ?? false) else { continue }
            let what = Self.noun(object.kind)
            switch (mine, theirs) {
            case (let mine?, nil):
                found.append(.init(kind: object.kind, table: object.table, object: object.name,
                                   message: "\(what) `\(object.name)` is missing on the target", source: mine.definition, target: nil))
            case (nil, let theirs?):
                found.append(.init(kind: object.kind, table: object.table, object: object.name,
                                   message: "\(what) `\(object.name)` exists only on the target", source: nil, target: theirs.definition))
            case (let mine?, let theirs?) where mine.definition != theirs.definition:
                found.append(.init(kind: object.kind, table: object.table, object: object.name,
                                   message: "\(what) `\(object.name)` is defined differently", source: mine.definition, target: theirs.definition))
            default: break
            }
        }
        found += laggingSequences(on: target)
        return found
    }

    /// Sequences whose target value is behind the source's: after a cutover the next insert on the
    /// target would take a value the source already handed out.
    private func laggingSequences(on target: SchemaSnapshot) -> [VerifyReport.Difference] {
        sequenceValues.values.compactMap { mine in
            guard let theirs = target.sequenceValues[mine.name], let sourceValue = mine.lastValue else { return nil }
            if let targetValue = theirs.lastValue, targetValue >= sourceValue { return nil }
            let shown = theirs.lastValue.map(String.init) ?? "never used"
            return .init(kind: .sequence, table: mine.table, object: mine.name,
                         message: "sequence `\(mine.name)` is behind on the target: last value \(shown), source \(sourceValue)",
                         source: String(sourceValue), target: theirs.lastValue.map(String.init))
        }
    }

    private static func noun(_ kind: VerifyReport.Kind) -> String {
        switch kind {
        case .column: "column"
        case .index: "index"
        case .constraint: "constraint"
        case .sequence: "sequence"
        case .function: "function"
        case .extension: "extension"
        default: "object"
        }
    }
}
