import Foundation

/// Reads a fleet inventory: a CSV file with one database per row, each row a profile.
///
/// The header names profile fields by their dotted path (`source.engine`, `data.size`,
/// `topology.replicas`, …) or by the quick-profile shortcuts (`source` and `target` as
/// `engine@version`, `size`, `replicas`, `orm`, `window`). List fields take `;`-separated values.
/// Every cell keeps its line and column, so a bad value points at its row.
public struct InventoryLoader: Sendable {
    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// Inventories larger than this are refused; 4 MiB is tens of thousands of rows.
    public static let maximumFileSize = 4 << 20

    /// One result per data row: the profile, or nil with the row's problems.
    public func load(path: String) -> [ProfileLoader.Loaded] {
        var all: [ProfileLoader.Loaded] = []
        load(path: path, chunkSize: .max) { all += $0 }
        return all
    }

    /// The rows `chunkSize` at a time (a whole-file problem as one chunk of one), so that a caller
    /// can check 100,000 rows holding only one chunk of profiles at once.
    public func load(path: String, chunkSize: Int, _ each: ([ProfileLoader.Loaded]) -> Void) {
        let text: String
        switch FileReader.read(path, limit: Self.maximumFileSize) {
        case .failure(let diagnostic):
            return each([.init(origin: path, id: Self.stem(path), profile: nil, diagnostics: [diagnostic])])
        case .success(let data):
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                return each([.init(origin: path, id: Self.stem(path), profile: nil,
                                   diagnostics: [FileReader.diagnostic(for: FrontMatter.firstInvalidUTF8(bytes), path: path)])])
            }
            text = decoded
        }
        let records: [CSVReader.Record]
        switch CSVReader.records(text) {
        case .success(let read): records = read
        case .failure(.unclosedQuote(let line, let column)):
            return each([failure(path, "a quoted cell is never closed", line: line, column: column,
                                 hint: "close the cell with `\"`; write a quote inside a quoted cell as `\"\"`")])
        case .failure(.textAfterQuote(let line, let column)):
            return each([failure(path, "text after the closing quote of a cell", line: line, column: column,
                                 hint: "quote the whole cell, or put the text before the `,`")])
        }
        guard let header = records.first else {
            return each([failure(path, "the inventory has no header row", line: 1, column: 1,
                                 hint: "start with a row of column names, such as `id,source,target,size,replicas`")])
        }
        var columns: [String?] = []
        var headerProblems: [Diagnostic] = []
        for cell in header.cells {
            let name = cell.text.trimmingSpaces
            if !name.isEmpty, columns.contains(name) {
                headerProblems.append(.error(.inventoryRowShape, "column `\(name)` appears twice in the header",
                                             at: SourceLocation(file: path, line: cell.line, column: cell.column),
                                             hint: "keep one column per field; two would disagree about the value"))
                columns.append(nil)
                continue
            }
            if name.isEmpty || ProfileSchema.shortcuts[name] != nil || name == "source" || name == "target"
                || ProfileSchema.field(name).map({ !$0.derived }) == true {
                columns.append(name.isEmpty ? nil : name)
                continue
            }
            let candidates = ProfileSchema.paths + ProfileSchema.shortcuts.keys.sorted() + ["source", "target"]
            let hint = Suggestion.closest(to: name, among: candidates).map { "did you mean `\($0)`?" }
            headerProblems.append(.error(.unknownProfileField, "column `\(name)` is not a profile field",
                                         at: SourceLocation(file: path, line: cell.line, column: cell.column),
                                         hint: hint ?? "name columns by profile field, such as `source.engine` or `data.size`"))
            columns.append(nil)
        }
        if !headerProblems.isEmpty {
            return each([.init(origin: path, id: Self.stem(path), profile: nil, diagnostics: headerProblems)])
        }
        var start = 1
        while start < records.count {
            let end = start + min(chunkSize, records.count - start)
            each(records[start..<end].map { row($0, columns: columns, path: path) })
            start = end
        }
    }

    private func row(_ record: CSVReader.Record, columns: [String?], path: String) -> ProfileLoader.Loaded {
        let origin = "\(path):\(record.line)"
        var builder = ProfileBuilder(vocabulary: vocabulary, origin: origin)
        if record.cells.count > columns.count {
            let extra = record.cells[columns.count]
            builder.diagnostics.append(.error(.inventoryRowShape, "the row has \(record.cells.count) cells but the header \(columns.count)",
                                              at: SourceLocation(file: path, line: extra.line, column: extra.column),
                                              hint: "quote cells that contain a `,`"))
        }
        for (column, cell) in zip(columns, record.cells) {
            // The YAML loader refuses control characters; a cell would carry them into titles and pages.
            if let problem = Self.controlCharacter(in: cell, path: path) {
                builder.diagnostics.append(problem)
                continue
            }
            guard let column else { continue }
            let value = cell.text.trimmingSpaces
            if value.isEmpty { continue }
            let location = SourceLocation(file: path, line: cell.line, column: cell.column)
            builder.assign(text: value, to: ProfileSchema.shortcuts[column] ?? column, listSeparator: ";", at: location)
        }
        let start = SourceLocation(file: path, line: record.line, column: 1)
        let defaultID = Self.defaultID(record, columns: columns, path: path)
        let (profile, diagnostics) = builder.finish(defaultID: defaultID, location: start)
        return .init(origin: origin, id: profile?.id ?? defaultID, profile: profile, diagnostics: diagnostics)
    }

    /// A control character other than a tab in `cell`, positioned at the character.
    static func controlCharacter(in cell: CSVReader.Cell, path: String) -> Diagnostic? {
        var column = cell.column
        for scalar in cell.text.unicodeScalars {
            if scalar.properties.generalCategory == .control, scalar != "\t" {
                return .error(.inventoryControlCharacter, "the cell holds the control character \(String(format: "U+%04X", scalar.value))",
                              at: SourceLocation(file: path, line: cell.line, column: column))
            }
            column += String(scalar).utf8.count
        }
        return nil
    }

    /// Without an `id` column: the `name` as a slug, else the file name and the row's line.
    static func defaultID(_ record: CSVReader.Record, columns: [String?], path: String) -> String {
        if let index = columns.firstIndex(of: "name"), index < record.cells.count {
            let slug = Slug.id(record.cells[index].text)
            if !slug.isEmpty { return slug }
        }
        return "\(stem(path))-\(record.line)"
    }

    static func stem(_ path: String) -> String {
        String((path.split(separator: "/").last ?? "inventory").split(separator: ".").first ?? "inventory")
    }

    private func failure(_ path: String, _ message: String, line: Int, column: Int, hint: String) -> ProfileLoader.Loaded {
        .init(origin: path, id: Self.stem(path), profile: nil,
              diagnostics: [.error(.inventoryRowShape, message, at: SourceLocation(file: path, line: line, column: column), hint: hint)])
    }
}
