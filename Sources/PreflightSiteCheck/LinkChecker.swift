import PreflightKit
import Foundation

/// Checks every internal link of a built site: the file it names exists, and so does the anchor.
///
/// External links (`https:`, `mailto:`) are left alone — the site is meant to work offline and
/// the checker never touches the network.
public struct LinkChecker: Sendable {
    public struct Broken: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): broken link `\(link)`: \(reason)" }
    }

    public init() {}

    static let linkPaths = ["//a/@href", "//link/@href", "//script/@src", "//img/@src"]

    public func check(root: String) -> (pages: Int, links: Int, broken: [Broken]) {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        let pages = ContentLoader.walk(base).filter { $0.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        var links: [(String, String)] = []
        for page in pages {
            guard let data = FileManager.default.contents(atPath: base + "/" + page), let html = HTMLDocument(data: data) else {
                continue
            }
            ids[page] = Set(html.strings("//@id") + html.strings("//a/@name"))
            for path in Self.linkPaths { links += html.strings(path).map { (page, $0) } }
        }
        var broken: [Broken] = []
        for (page, link) in links {
            if let reason = problem(link, from: page, base: base, ids: ids) {
                broken.append(Broken(page: page, link: link, reason: reason))
            }
        }
        return (pages.count, links.count, broken)
    }

    func problem(_ link: String, from page: String, base: String, ids: [String: Set<String>]) -> String? {
        if link.isEmpty { return "empty link" }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/"), !link[..<colon].contains("#") {
            let scheme = link[..<colon].lowercased()
            return ["http", "https", "mailto"].contains(scheme) ? nil : "scheme `\(scheme):` is not allowed"
        }
        if link.hasPrefix("/") { return "absolute path; the site must work from any folder" }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0].split(separator: "?", maxSplits: 1).first ?? "")
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let target: String
        if pathPart.isEmpty {
            target = page
        } else {
            var components = page.split(separator: "/").dropLast().map(String.init)
            for piece in pathPart.split(separator: "/") {
                if piece == ".." {
                    if components.isEmpty { return "leaves the site folder" }
                    components.removeLast()
                } else if piece != "." {
                    components.append(String(piece))
                }
            }
            target = components.joined(separator: "/")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + target, isDirectory: &isDirectory), !isDirectory.boolValue
            else { return "no file `\(target)`" }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let decoded = fragment.removingPercentEncoding ?? fragment
            if ids[target]?.contains(decoded) != true { return "no element with id `\(decoded)` in `\(target)`" }
        }
        return nil
    }
}
