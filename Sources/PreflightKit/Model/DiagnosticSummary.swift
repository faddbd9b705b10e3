/// Diagnostics as a person reads them: every error, and of each kind of warning the first few.
///
/// An inventory of 100,000 rows that all leave out the same fields gives the same warnings 100,000
/// times over; printed, they bury everything else, and kept, they cost hundreds of megabytes. A
/// warning is of a kind with another when both have the same code and message shape (the message
/// with its numbers masked, so that `row 12` and `row 13` are one kind); past `shown` of a kind, only
/// the count is kept.
public struct DiagnosticSummary: Sendable {
    /// How many warnings of each kind are kept in full.
    public let shown: Int
    /// Every error and the first `shown` warnings of each kind, in the order added.
    public private(set) var kept: [Diagnostic] = []
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    private var seen: [Kind: Int] = [:]
    private var order: [Kind] = []

    /// A kind of warning: its code and message shape.
    public struct Kind: Sendable, Hashable {
        public var code: DiagnosticCode
        public var shape: String
    }

    /// A kind with more warnings than were kept: `omitted` were counted, not kept.
    public struct Group: Sendable, Equatable {
        public var code: DiagnosticCode
        public var shape: String
        public var omitted: Int
    }

    public init(shown: Int = 3) { self.shown = shown }

    public init(_ diagnostics: [Diagnostic], shown: Int = 3) {
        self.init(shown: shown)
        add(diagnostics)
    }

    public mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        switch diagnostic.level {
        case .error:
            errorCount += 1
            kept.append(diagnostic)
        case .warning:
            warningCount += 1
            let kind = Kind(code: diagnostic.code, shape: Self.shape(diagnostic.message))
            let count = seen[kind, default: 0]
            if count == 0 { order.append(kind) }
            seen[kind] = count + 1
            if count < shown { kept.append(diagnostic) }
        case .note:
            kept.append(diagnostic)
        }
    }

    /// The kinds of which some warnings were not kept, in the order each kind first appeared.
    public var omitted: [Group] {
        order.compactMap { kind in
            let count = seen[kind] ?? 0
            return count > shown ? Group(code: kind.code, shape: kind.shape, omitted: count - shown) : nil
        }
    }

    /// The message with every run of digits as `#`.
    static func shape(_ message: String) -> String {
        var shape = ""
        var inNumber = false
        for character in message {
            if character.isASCII, character.isNumber {
                if !inNumber { shape.append("#") }
                inNumber = true
            } else {
                shape.append(character)
                inNumber = false
            }
        }
        return shape
    }
}
