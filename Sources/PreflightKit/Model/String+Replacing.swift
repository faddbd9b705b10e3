extension String {
    /// The text with each character found in `table` replaced by its entry: one pass, for escaping.
    func replacingCharacters(_ table: [Character: String]) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if let replacement = table[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
