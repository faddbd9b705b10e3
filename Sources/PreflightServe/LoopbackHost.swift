/// The `Host` values the preview answers to.
///
/// A page on another site can point a name it controls at 127.0.0.1 (DNS rebinding) and then read
/// the preview as if it were its own origin; its requests still carry that name in `Host`, so
/// answering only to loopback names (and the literal address the preview was bound to) shuts it out.
struct LoopbackHost: Sendable {
    let names: Set<String>

    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    /// The loopback names, plus `bind` when it is a specific address rather than a wildcard, so that
    /// `--bind 192.168.1.5` still answers to `http://192.168.1.5:PORT/`. A literal address cannot be
    /// rebound, so this opens nothing to other names.
    init(bind: String) {
        var names = Self.loopbackNames
        if !["0.0.0.0", "::", "[::]", ""].contains(bind) {
            names.insert(bind.contains(":") && !bind.hasPrefix("[") ? "[\(bind.lowercased())]" : bind.lowercased())
        }
        self.names = names
    }

    /// Whether `authority` (the `Host` header: a name or address, then an optional `:port`) is ours.
    /// Any port is accepted: a tunnel (`ssh -L 9000:localhost:1313`) changes the port, not the name.
    func allows(_ authority: String?) -> Bool {
        guard let authority = authority?.lowercased(), !authority.isEmpty else { return false }
        let host: Substring
        let port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty {
                port = nil
            } else {
                guard rest.hasPrefix(":") else { return false }
                port = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority[...]
            port = nil
        }
        if let port, port.isEmpty || port.count > 5 || !port.allSatisfy(\.isASCII) || !port.allSatisfy(\.isNumber) {
            return false
        }
        return names.contains(String(host))
    }
}
