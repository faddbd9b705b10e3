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

    /// An output-folder id from a name: lower-case ASCII letters and digits, runs of anything else as
    /// one `-` ("Orders DB (EU)" → `orders-db-eu`).
    public static func id(_ name: String) -> String {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
        return result
    }
}
