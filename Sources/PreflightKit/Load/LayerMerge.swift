/// Lays the items (or the probes) of each layer over those of the layers below, by id: a new id is
/// added, an id a lower layer defines replaces every definition there, and a disabled id is taken
/// out. Two definitions of one id inside a layer are both kept, for validation to report.
struct LayerMerge<Element> {
    private(set) var elements: [Element] = []
    /// Where each element above the base came from, by id.
    private(set) var origins: [String: ItemOrigin] = [:]
    /// Every id any layer so far defined, disabled or not: what a `disable` may name.
    private(set) var known: Set<String> = []
    private let id: (Element) -> String
    private let file: (Element) -> String

    init(id: @escaping (Element) -> String, file: @escaping (Element) -> String) {
        self.id = id
        self.file = file
    }

    /// Lays `layer`'s elements over the ones so far.
    mutating func add(_ new: [Element], layer: Int) {
        let ids = Set(new.map(id))
        known.formUnion(ids)
        guard layer > 0 else {
            elements += new
            return
        }
        var replaced: [String: [ItemOrigin.Definition]] = [:]
        elements.removeAll { element in
            let key = id(element)
            guard ids.contains(key) else { return false }
            let below = origins[key]
            replaced[key, default: below?.replaced ?? []].append(.init(layer: below?.layer ?? 0, file: file(element)))
            return true
        }
        for key in ids { origins[key] = ItemOrigin(layer: layer, replaced: replaced[key] ?? []) }
        elements += new
    }

    /// Takes the id out; false when no layer so far defined it.
    mutating func disable(_ key: String) -> Bool {
        guard known.contains(key) else { return false }
        elements.removeAll { id($0) == key }
        origins[key] = nil
        return true
    }
}
