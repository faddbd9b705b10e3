import PreflightKit
/// Matches headings by meaning rather than exact words: numbering and punctuation are ignored,
/// words are compared without plural endings, in any order, and hyphenated, spaced and joined
/// spellings (`roll-back`, `roll back`, `rollback`) count as one. A prefix such as `pre-` or `post-`
/// makes a different word: "Pre-cutover checklist" is not the cutover.
public enum HeadingMatcher {
    /// True when one synonym's words all appear among the heading's words (or its joined pairs).
    public static func matches(_ heading: String, synonyms: [String]) -> Bool {
        matches(words: headingWords(heading), wanted: wanted(synonyms))
    }

    /// A synonym read for matching: its stems, and those joined into one word when there are several.
    struct Wanted {
        var stems: [String]
        var joined: String?
    }

    /// Each synonym's stems, read once for a whole plan's headings.
    static func wanted(_ synonyms: [String]) -> [Wanted] {
        synonyms.map { synonym in
            let stems = stems(synonym.lowercased())
            return Wanted(stems: stems, joined: stems.count > 1 ? stems.joined() : nil)
        }
    }

    /// `matches` for a heading already read into words (`headingWords`) and synonyms into stems (`wanted`).
    static func matches(words: Set<String>, wanted synonyms: [Wanted]) -> Bool {
        synonyms.contains { wanted in
            guard !wanted.stems.isEmpty else { return false }
            if wanted.stems.allSatisfy(words.contains) { return true }
            // "back out" against "Backout procedure": the synonym joined into one word.
            return wanted.joined.map(words.contains) ?? false
        }
    }

    /// The heading's stems, plus each adjacent pair joined ("roll back" also gives "rollback").
    static func headingWords(_ heading: String) -> Set<String> {
        let list = stems(heading.lowercased())
        var words = Set(list)
        for index in list.indices.dropLast() { words.insert(list[index] + list[index + 1]) }
        return words
    }

    static let prefixes: Set<String> = ["pre", "post", "re", "non", "un"]
    static let filler: Set<String> = ["the", "a", "an", "and", "of", "for", "to", "step", "section", "part", "phase",
                                      "your", "our"]
    static let numerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

    static func stems(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var joinNext = false
        for character in text + " " {
            if character.isLetter || character.isNumber {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                if joinNext, let last = words.popLast() { current = last + current }
                words.append(current)
                // "pre-cutover" stays one word; other hyphens separate words.
                joinNext = character == "-" && prefixes.contains(current)
                current = ""
            }
        }
        // Step numbers ("1", "2a", "iv") and filler words say nothing about meaning.
        return words.filter { word in
            !filler.contains(word) && !(word.first?.isNumber ?? false) && !numerals.contains(word)
        }.map(stem)
    }

    /// Plural endings only: "checklists" → "checklist", "queries" → "query", "prerequisites" → "prerequisite".
    static func stem(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
}
