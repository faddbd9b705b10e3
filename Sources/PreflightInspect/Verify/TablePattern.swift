/// A `--tables` glob on `schema.table`: `*` for any run of characters (dots included), `?` for one,
/// `[abc]` or `[a-z]` for one of a set, `[!abc]` for one outside it. Case-sensitive, as identifiers are.
public struct TablePattern: Sendable, Hashable, CustomStringConvertible {
    public let description: String
    private let characters: [Character]

    public init(_ glob: String) {
        description = glob
        characters = Array(glob)
    }

    /// Whether `name` (`schema.table`) matches the whole glob.
    public func matches(_ name: String) -> Bool {
        let text = Array(name)
        // Iterative matching with one backtrack point for the last `*`: linear for ordinary globs,
        // and never exponential however many stars there are.
        var p = 0, t = 0, star: Int?, resume = 0
        while t < text.count {
            if p < characters.count, characters[p] == "*" {
                star = p; resume = t; p += 1
            } else if p < characters.count, let width = matchOne(at: p, text[t]) {
                p += width; t += 1
            } else if let star {
                p = star + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < characters.count, characters[p] == "*" { p += 1 }
        return p == characters.count
    }

    /// If the pattern element at `index` matches `character`, its length in the pattern.
    private func matchOne(at index: Int, _ character: Character) -> Int? {
        switch characters[index] {
        case "?": return 1
        case "[":
            guard let close = characters[(index + 1)...].dropFirst().firstIndex(of: "]") else {
                return character == "[" ? 1 : nil
            }
            var set = characters[(index + 1)..<close]
            let negated = set.first == "!"
            if negated { set = set.dropFirst() }
            var inside = false
            var items = Array(set)[...]
            while let first = items.popFirst() {
                if items.count >= 2, items.first == "-" {
                    let last = items.dropFirst().first!
                    items = items.dropFirst(2)
                    if first <= character && character <= last { inside = true }
                } else if first == character {
                    inside = true
                }
            }
            return inside != negated ? close - index + 1 : nil
        case let literal: return literal == character ? 1 : nil
        }
    }
}
