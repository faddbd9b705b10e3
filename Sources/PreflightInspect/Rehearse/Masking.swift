import Foundation

/// Hides secrets in what a rehearsal shows and logs: the password part of every URL, and the
/// values of `PGPASSWORD` and of variables whose names say they are secret.
public enum Masking {
    /// `text` with its secrets replaced by `****`.
    public static func mask(_ text: String, environment: [String: String]) -> String {
        var result = text
        for (name, value) in environment where value.count >= 4
            && ["PASSWORD", "SECRET", "TOKEN", "KEY"].contains(where: { name.uppercased().contains($0) }) {
            result = result.replacingOccurrences(of: value, with: "****")
        }
        // postgresql://user:password@host → postgresql://user:****@host
        return result.replacingOccurrences(of: #"(://[^:/@\s]+:)[^@\s/]+@"#, with: "$1****@", options: .regularExpression)
    }
}
