/// Small edits to YAML text by line, so that everything not edited stays byte for byte: a scalar
/// replaced after its key (block or flow style), a field added under its group, a trailing comment.
struct YAMLLineEditor {
    private(set) var lines: [String]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// Replaces the value after `key:` found from a 1-based line and column on; false when the line is
    /// not in a form it can edit.
    mutating func replace(key: String, at line: Int, column: Int, with value: String, label: String, note: String) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        var current = lines[line - 1]
        let from = current.index(current.startIndex, offsetBy: max(0, min(column - 1, current.count)))
        guard let keyRange = current.range(of: key + ":", range: from..<current.endIndex)
                ?? current.range(of: key + ":") else { return false }
        var start = keyRange.upperBound
        while start < current.endIndex, current[start] == " " { current.formIndex(after: &start) }
        guard start < current.endIndex, current[start] != "|", current[start] != ">" else { return false }
        let end = Self.endOfScalar(current, from: start)
        current.replaceSubrange(start..<end, with: value)
        lines[line - 1] = Self.withComment(current, label: label, note: note)
        return true
    }

    /// Adds `field: value`: under its group's block, inside its group's one-line flow mapping, or as a
    /// new group at the end.
    mutating func add(field: String, value: String, label: String) {
        var keys = field.split(separator: ".").map(String.init)
        let leaf = keys.removeLast()
        guard let group = keys.first else {
            lines.append(Self.withComment("\(leaf): \(value)", label: label))
            return
        }
        let inner = keys.dropFirst().map { "\($0): { " }.joined()
        let innerClose = String(repeating: " }", count: keys.count - 1)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(group + ":") }) else {
            lines.append(group + ":")
            lines.append(Self.withComment("  " + inner + "\(leaf): \(value)" + innerClose, label: label))
            return
        }
        let rest = lines[index].dropFirst(group.count + 1).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("{"), var close = lines[index].lastIndex(of: "}") {
            var line = lines[index]
            while close > line.startIndex, line[line.index(before: close)] == " " { close = line.index(before: close) }
            let empty = line[..<close].hasSuffix("{")
            line.insert(contentsOf: (empty ? " " : ", ") + inner + "\(leaf): \(value)" + innerClose, at: close)
            lines[index] = Self.withComment(line, label: label)
        } else {
            // After the group's last child, so that additions keep the order they are made in.
            var end = index + 1
            while end < lines.count, lines[end].hasPrefix(" ") || lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end += 1 }
            while end > index + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
            let child = lines[(index + 1)..<end].first { $0.hasPrefix(" ") }
            let indent = child.map { String($0.prefix { $0 == " " }) } ?? "  "
            lines.insert(Self.withComment(indent + inner + "\(leaf): \(value)" + innerClose, label: label), at: end)
        }
    }

    /// Where a scalar starting at `start` ends: its closing quote, a bracketed list's `]`, or the
    /// first `,`/`}` of a flow mapping or ` #` of a comment.
    private static func endOfScalar(_ line: String, from start: String.Index) -> String.Index {
        let first = line[start]
        if first == "\"" || first == "'" || first == "[" {
            let closing: Character = first == "[" ? "]" : first
            var index = line.index(after: start)
            while index < line.endIndex {
                if line[index] == "\\", first == "\"" { index = line.index(after: index) }
                else if line[index] == closing { return line.index(after: index) }
                if index < line.endIndex { index = line.index(after: index) }
            }
            return line.endIndex
        }
        let inFlow = line[..<start].contains("{")
        var index = start
        while index < line.endIndex {
            if inFlow, line[index] == "," || line[index] == "}" { break }
            if line[index] == "#", index > line.startIndex, line[line.index(before: index)] == " " { break }
            index = line.index(after: index)
        }
        while index > start, line[line.index(before: index)] == " " { index = line.index(before: index) }
        return index
    }

    /// The line with `# <label> (<note>)` added: once per line however many of its values were
    /// measured, and joined to a comment the line already has.
    private static func withComment(_ line: String, label: String, note: String? = nil) -> String {
        let addition = note.map { " (\($0))" } ?? ""
        if let existing = line.range(of: label) {
            return line[..<existing.upperBound] + addition + line[existing.upperBound...]
        }
        if let hash = line.range(of: " # ") { return line[..<hash.upperBound] + label + addition + "; " + line[hash.upperBound...] }
        return line + "  # " + label + addition
    }
}
