/// An SQL script cut into statements the way psql cuts it: at semicolons outside quotes, quoted
/// identifiers, dollar-quoted bodies and comments. The driver runs one statement at a time.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var characters = Array(script)[...]
        func flush() {
            let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !statement.isEmpty, !statement.allSatisfy({ $0 == ";" }) { statements.append(statement) }
            current = ""
        }
        while let character = characters.popFirst() {
            switch character {
            case "'", "\"":
                current.append(character)
                while let next = characters.popFirst() {
                    current.append(next)
                    if next == character {
                        // A doubled quote is a quote inside the literal.
                        if characters.first == character { current.append(characters.removeFirst()) } else { break }
                    }
                }
            case "-" where characters.first == "-":
                while let next = characters.first, next != "\n" { characters.removeFirst() }
            case "/" where characters.first == "*":
                characters.removeFirst()
                while let next = characters.popFirst() {
                    if next == "*", characters.first == "/" { characters.removeFirst(); break }
                }
            case "$":
                // A dollar quote: $$ or $tag$ up to the same tag.
                let tagBody = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if characters.dropFirst(tagBody.count).first == "$", tagBody.first?.isNumber != true {
                    let tag = "$" + String(tagBody) + "$"
                    characters.removeFirst(tagBody.count + 1)
                    current += tag
                    var body = ""
                    while let next = characters.popFirst() {
                        body.append(next)
                        if body.hasSuffix(tag) { break }
                    }
                    current += body
                } else {
                    current.append(character)
                }
            case ";":
                flush()
            default:
                current.append(character)
            }
        }
        flush()
        return statements
    }
}
