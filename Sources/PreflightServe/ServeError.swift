/// Why the preview could not start: the address cannot be bound, or the server stopped at once.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ message: String) { description = message }
}
