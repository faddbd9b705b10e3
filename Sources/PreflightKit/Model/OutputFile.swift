/// A file to write, relative to a profile's output folder.
///
/// Rendered pages are kept as the `String` they were rendered into and written from its UTF-8
/// storage: converting a page of megabytes to a byte array first held it in memory twice.
public struct OutputFile: Sendable {
    public var path: String
    private var text: String?
    private var data: [UInt8]?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        data = bytes
    }

    public init(path: String, text: String) {
        self.path = path
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    /// The file's bytes (a copy, for a file made from text).
    public var bytes: [UInt8] { data ?? Array(text?.utf8 ?? "".utf8) }

    public var count: Int { data?.count ?? text?.utf8.count ?? 0 }

    /// The file's bytes without a copy.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let data { return try data.withUnsafeBytes(body) }
        var text = text ?? ""
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}
