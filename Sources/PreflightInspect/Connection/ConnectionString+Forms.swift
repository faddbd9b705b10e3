import Foundation

/// `postgresql://[user[:password]@][host][:port][/dbname][?key=value&…]`, with percent-encoding, a
/// bracketed IPv6 address, and a socket folder as an encoded host (`%2Ftmp`) or as `?host=/tmp`.
enum URLForm {
    static func pairs(_ url: String) throws(ConnectionStringError) -> [(String, String)] {
        var rest = Substring(url[url.index(after: url.firstIndex(of: ":")!)...].dropFirst(2))
        var pairs: [(String, String)] = []
        if let question = rest.firstIndex(of: "?") {
            for parameter in rest[rest.index(after: question)...].split(separator: "&") where !parameter.isEmpty {
                let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    throw ConnectionStringError(message: "URL parameter `\(parts[0])` has no value", hint: "write it as key=value")
                }
                pairs.append((try decode(parts[0]), try decode(parts[1])))
            }
            rest = rest[..<question]
        }
        if let slash = rest.firstIndex(of: "/") {
            let name = try decode(rest[rest.index(after: slash)...])
            if !name.isEmpty { pairs.insert(("dbname", name), at: 0) }
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            if let colon = credentials.firstIndex(of: ":") {
                pairs.insert(("user", try decode(credentials[..<colon])), at: 0)
                pairs.insert(("password", try decode(credentials[credentials.index(after: colon)...])), at: 0)
            } else if !credentials.isEmpty {
                pairs.insert(("user", try decode(credentials)), at: 0)
            }
            rest = rest[rest.index(after: at)...]
        }
        if rest.contains(",") {
            throw ConnectionStringError(message: "a DSN with several hosts is not supported",
                                        hint: "name the one server to inspect (the primary, or the replica to read from)")
        }
        var hostPart = rest
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            pairs.insert(("host", String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])), at: 0)
            hostPart = hostPart[hostPart.index(after: close)...]
            if hostPart.hasPrefix(":") { pairs.insert(("port", String(hostPart.dropFirst())), at: 0) }
        } else {
            if let colon = hostPart.lastIndex(of: ":") {
                pairs.insert(("port", String(hostPart[hostPart.index(after: colon)...])), at: 0)
                hostPart = hostPart[..<colon]
            }
            if !hostPart.isEmpty { pairs.insert(("host", try decode(hostPart)), at: 0) }
        }
        return pairs
    }

    private static func decode(_ text: Substring) throws(ConnectionStringError) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw ConnectionStringError(message: "the DSN has a malformed percent-encoding", hint: "encode `%` as `%25`")
        }
        return decoded
    }
}

/// `key=value key='quoted \' value'`, as libpq reads it: spaces around `=` allowed, single quotes
/// for values with spaces, backslash escaping a quote or a backslash.
enum KeyValueForm {
    static func pairs(_ text: String) throws(ConnectionStringError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var characters = Array(text)[...]
        func skipSpaces() { while let first = characters.first, first.isWhitespace { characters.removeFirst() } }
        skipSpaces()
        while !characters.isEmpty {
            var key = ""
            while let first = characters.first, first != "=", !first.isWhitespace { key.append(characters.removeFirst()) }
            skipSpaces()
            guard characters.first == "=" else {
                throw ConnectionStringError(message: "`\(key)` in the DSN has no value",
                                            hint: "write key=value pairs (host=… dbname=…) or a postgresql:// URL")
            }
            characters.removeFirst()
            skipSpaces()
            var value = ""
            if characters.first == "'" {
                characters.removeFirst()
                var closed = false
                while let first = characters.popFirst() {
                    if first == "\\", let next = characters.popFirst() { value.append(next); continue }
                    if first == "'" { closed = true; break }
                    value.append(first)
                }
                guard closed else {
                    throw ConnectionStringError(message: "the value of `\(key)` has no closing quote", hint: "close it with '")
                }
            } else {
                while let first = characters.first, !first.isWhitespace {
                    characters.removeFirst()
                    if first == "\\", let next = characters.popFirst() { value.append(next) } else { value.append(first) }
                }
            }
            pairs.append((key, value))
            skipSpaces()
        }
        return pairs
    }
}
