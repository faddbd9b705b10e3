import Foundation

/// libpq's password file (`~/.pgpass` or `PGPASSFILE`): lines of `host:port:database:user:password`,
/// `*` matching anything, `\:` and `\\` escaping. The first matching line wins.
struct PassFile {
    var path: String

    func password(for connection: ConnectionString) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        // libpq ignores a file others can read; so do we, rather than use a password it would refuse.
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 { return nil }
        // A socket connection matches the host `localhost` as well as its own folder, as in libpq.
        let hosts = connection.isSocket ? ["localhost", connection.host] : [connection.host]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(of: line)
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ candidates: [String]) -> Bool { field == "*" || candidates.contains(field) }
            if matches(fields[0], hosts), matches(fields[1], [String(connection.port)]),
               matches(fields[2], [connection.database]), matches(fields[3], [connection.user]) {
                return fields[4]
            }
        }
        return nil
    }

    static func fields(of line: Substring) -> [String] {
        var fields = [""]
        var escaped = false
        for character in line {
            if escaped { fields[fields.count - 1].append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" && fields.count < 5 { fields.append("") }
            else { fields[fields.count - 1].append(character) }
        }
        return fields
    }
}
