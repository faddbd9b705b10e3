extension String {
    /// The text as a fenced code block, with a fence longer than any run of backticks inside it.
    func fenced(language: String) -> String {
        var longest = 0, run = 0
        for character in self {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: max(3, longest + 1))
        return "\(marks)\(language)\n\(self)\n\(marks)"
    }
}
