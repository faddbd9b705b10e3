import Foundation
import Hummingbird

/// Files of the built site, served with their types; HTML pages get the live-reload script.
struct StaticFiles: Sendable {
    var root: String

    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "json": "application/json", "md": "text/markdown; charset=utf-8",
        "ics": "text/calendar; charset=utf-8", "png": "image/png", "txt": "text/plain; charset=utf-8",
    ]

    /// The file at the decoded `path`. Refuses anything that could leave the site folder:
    /// `..`, backslashes, NUL, hidden entries.
    func response(for path: String) -> Response {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0"),
              parts.allSatisfy({ $0 != ".." && $0 != "." && !$0.hasPrefix(".") })
        else {
            return Self.text(.forbidden, "forbidden\n")
        }
        var file = root + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            file += "/index.html"
        }
        // Resolved, the file must still be inside the site (no symbolic link out of it).
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(resolvedRoot + "/"), let data = FileManager.default.contents(atPath: resolved) else {
            return Self.text(.notFound, "not found\n")
        }
        let ext = (resolved as NSString).pathExtension.lowercased()
        var body = [UInt8](data)
        if ext == "html" { body = Self.injectingLiveScript(body) }
        return Self.bytes(.ok, type: Self.types[ext] ?? "application/octet-stream", body)
    }

    static func injectingLiveScript(_ page: [UInt8]) -> [UInt8] {
        let text = String(decoding: page, as: UTF8.self)
        guard let range = text.range(of: "</body>", options: .backwards) else { return page }
        return Array(text.replacingCharacters(in: range, with: "<script src=\"/__preflight/live.js\"></script>\n</body>").utf8)
    }

    /// A complete response that is never cached (the next build replaces it) nor sniffed as another type.
    static func bytes(_ status: HTTPResponse.Status, type: String, _ body: [UInt8]) -> Response {
        Response(status: status,
                 headers: [.contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        bytes(status, type: "text/plain; charset=utf-8", Array(message.utf8))
    }
}
