/// A position in a file, 1-based, as editors and compilers report it.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The path as the user named it (relative to the working directory where possible).
    public var file: String
    /// 1-based line; 0 when the position is the whole file.
    public var line: Int
    /// 1-based column; 0 when only the line is known.
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, dropping the parts that are unknown, as compilers print it.
    public var description: String {
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
