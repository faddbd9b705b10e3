import PreflightKit

/// The HTML form: one self-contained page (inline style, no scripts, nothing fetched), every value
/// escaped since table and column names are whatever the database holds.
extension VerifyReport {
    public func html() -> String {
        var body = "<h1>Verify</h1>\n<dl>\n"
        body += "<dt>Source</dt><dd><code>\(Self.escape(source.address))</code> (PostgreSQL \(Self.escape(source.version)))</dd>\n"
        body += "<dt>Target</dt><dd><code>\(Self.escape(target.address))</code> (PostgreSQL \(Self.escape(target.version)))</dd>\n"
        if let profile { body += "<dt>Profile</dt><dd>\(Self.escape(profile))</dd>\n" }
        if !tablePatterns.isEmpty {
            body += "<dt>Tables</dt><dd>\(tablePatterns.map { "<code>\(Self.escape($0))</code>" }.joined(separator: ", "))</dd>\n"
        }
        body += "<dt>Verified at</dt><dd>\(Self.escape(verifiedAt))</dd>\n</dl>\n"
        body += "<p class=\"\(isEqual ? "equal" : "differs")\">\(Self.escape(verdict))</p>\n"
        if !differences.isEmpty {
            body += "<h2>Differences</h2>\n" + Self.table(["Table", "Kind", "Object", "What", "Source", "Target"],
                differences.map { [$0.table ?? "—", $0.kind.rawValue, $0.object, $0.message, $0.source ?? "—", $0.target ?? "—"] })
        }
        if !tables.isEmpty {
            body += "<h2>Tables</h2>\n" + Self.table(["Table", "Rows (source)", "Rows (target)", "Size", "Hashed in order of", "Result", "Time"],
                tables.map { [$0.table, String($0.sourceRows), String($0.targetRows), DataSize(bytes: Double($0.bytes)).description,
                              $0.orderDescription, $0.equal ? "equal" : "differs", Self.seconds($0.seconds)] })
        }
        body += "<h2>Figures</h2>\n<ul>\n" + figureLines.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Verify: \(Self.escape(source.address)) → \(Self.escape(target.address))</title>
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
            table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
            th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            td { font-family: ui-monospace, monospace; font-size: 13px; word-break: break-word; }
            dt { font-weight: 600; float: left; clear: left; width: 8rem; }
            dd { margin-left: 8rem; }
            .equal { color: #176f2c; font-weight: 600; }
            .differs { color: #a4161a; font-weight: 600; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        var html = "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</tbody>\n</table>\n"
    }

    /// The five characters that could end a text node or an attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
