/// RFC 4180 CSV: comma-separated cells, double-quoted cells that may hold commas, quotes (doubled)
/// and line breaks, LF or CRLF records. Every cell keeps its line and column for diagnostics.
struct CSVReader {
    struct Cell: Sendable {
        var text: String
        var line: Int
        var column: Int
    }

    struct Record: Sendable {
        var cells: [Cell]
        /// Line of the record's first cell.
        var line: Int
        var isBlank: Bool { cells.allSatisfy { $0.text.trimmingSpaces.isEmpty } }
    }

    enum Problem: Error, Equatable {
        /// A quote opened here is never closed.
        case unclosedQuote(line: Int, column: Int)
        /// Text follows a closing quote inside the same cell.
        case textAfterQuote(line: Int, column: Int)
    }

    static func records(_ text: String) -> Result<[Record], Problem> {
        var records: [Record] = []
        var cells: [Cell] = []
        var cell: [UInt8] = []
        var line = 1, column = 1
        var cellLine = 1, cellColumn = 1, recordLine = 1
        var quoted = false, closedQuote = false
        var quoteLine = 0, quoteColumn = 0
        let bytes = Array(text.utf8)
        var index = 0

        func finishCell() {
            cells.append(Cell(text: String(decoding: cell, as: UTF8.self), line: cellLine, column: cellColumn))
            cell.removeAll(keepingCapacity: true)
            closedQuote = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 2
                        column += 2
                        continue
                    }
                    quoted = false
                    closedQuote = true
                } else {
                    cell.append(byte)
                }
                if byte == UInt8(ascii: "\n") { line += 1; column = 0 }
                index += 1
                column += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                finishCell()
                cellLine = line
                cellColumn = column + 1
            case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\n"):
                finishCell()
                records.append(Record(cells: cells, line: recordLine))
                cells.removeAll()
                line += 1
                column = 0
                cellLine = line
                cellColumn = 1
                recordLine = line
            case UInt8(ascii: "\"") where cell.allSatisfy({ $0 == UInt8(ascii: " ") }) && !closedQuote:
                cell.removeAll()
                quoted = true
                quoteLine = line
                quoteColumn = column
            default:
                if closedQuote, byte != UInt8(ascii: " ") {
                    return .failure(.textAfterQuote(line: line, column: column))
                }
                if !closedQuote { cell.append(byte) }
            }
            index += 1
            column += 1
        }
        if quoted { return .failure(.unclosedQuote(line: quoteLine, column: quoteColumn)) }
        if !cell.isEmpty || !cells.isEmpty || closedQuote {
            finishCell()
            records.append(Record(cells: cells, line: recordLine))
        }
        return .success(records.filter { !$0.isBlank })
    }
}
