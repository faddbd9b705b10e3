/// Anchors as GitHub and GitLab compute them from heading text, so that wiki links land.
public enum Slug {
    /// Lower-cases, drops punctuation other than `-` and `_`, and turns spaces into `-`.
    public static func github(_ heading: String) -> String {
        var result = ""
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }
}
