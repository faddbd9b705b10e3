/// A problem found in content or a profile, positioned so that editors can jump to it.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Level: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    public var level: Level
    /// Stable code such as `PF104`, documented in the README, so that scripts can match on it.
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    /// What to do about it.
    public var hint: String?
    /// Other places involved (the first definition of a duplicate id).
    public var notes: [Note]

    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation

        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    /// - Parameter hint: what to do, when the call site knows better than the code's own hint.
    public init(_ level: Level, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                hint: String? = nil, notes: [Note] = []) {
        self.level = level
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint ?? code.hint
        self.notes = notes
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil,
                             notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint, notes: notes)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil)
        -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }

    /// The compiler form: `path:line:col: error: message [PF104]`, then the hint and notes.
    public var description: String {
        var lines = ["\(location): \(level.rawValue): \(message) [\(code.rawValue)]"]
        if let hint { lines.append("    hint: \(hint)") }
        for note in notes { lines.append("\(note.location): note: \(note.message)") }
        return lines.joined(separator: "\n")
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.code.rawValue, lhs.message) < (rhs.location, rhs.code.rawValue, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.level == .error } }
    public var errorCount: Int { filter { $0.level == .error }.count }
    public var warningCount: Int { filter { $0.level == .warning }.count }
}

/// A failure that stops a command: its diagnostics say why.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
