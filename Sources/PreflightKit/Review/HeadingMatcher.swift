/// Matches headings by meaning rather than exact words: numbering and punctuation are ignored,
/// words are compared without plural and verb endings, in any order, and hyphenated and joined
/// spellings (`roll-back`, `rollback`) count as one.
public enum HeadingMatcher {
    /// True when every word of one synonym appears among the heading's words.
    public static func matches(_ heading: String, synonyms: [String]) -> Bool {
        let words = variants(heading)
        return synonyms.contains { synonym in
            let wanted = stems(synonym.lowercased())
            return !wanted.isEmpty && words.contains { set in wanted.allSatisfy(set.contains) }
        }
    }

    /// The heading's word set with hyphens read as spaces, and with hyphens joined.
    static func variants(_ heading: String) -> [Set<String>] {
        let lower = heading.lowercased()
        return [Set(stems(lower)), Set(stems(lower.replacingOccurrences(of: "-", with: "")))]
    }

    static func stems(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        // Step numbers ("1", "2a", "iv") and filler words say nothing about meaning.
        let filler: Set<String> = ["the", "a", "an", "and", "of", "for", "to", "step", "section", "part", "phase", "your", "our"]
        return words.filter { word in
            !filler.contains(word) && !(word.first?.isNumber ?? false) && !["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(word)
        }.map(stem)
    }

    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ies", "es", "ed", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count)) + (suffix == "ies" ? "y" : "")
        }
        return word
    }
}
