import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files with a size limit and turns failures into diagnostics.
enum FileReader {
    static func read(_ path: String, limit: Int) -> Result<Data, Diagnostic> {
        let location = SourceLocation(file: path, line: 1, column: 1)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber
        else {
            return .failure(.error("PF003", "cannot read `\(path)`", at: location, hint: "check that the file exists and is readable"))
        }
        if size.intValue > limit {
            return .failure(.error("PF004", "`\(path)` is \(size.intValue) bytes, over the limit of \(limit)", at: location,
                                   hint: "split the file; a content item or profile is a page, not a data dump"))
        }
        guard let data = readAll(path) else {
            return .failure(.error("PF003", "cannot read `\(path)`", at: location, hint: "check the file's permissions"))
        }
        return .success(data)
    }

    /// open/fstat/read/close into one buffer of the file's size: no zero-filled scratch buffer and
    /// none of FileManager's allocation for empty files.
    static func readAll(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { return false }
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard ok else { return nil }
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    static func diagnostic(for error: FrontMatter.SplitError, path: String) -> Diagnostic {
        switch error {
        case .notUTF8(let line, let column):
            return .error("PF005", "file is not valid UTF-8", at: SourceLocation(file: path, line: line, column: column),
                          hint: "save the file as UTF-8")
        case .empty:
            return .error("PF006", "file is empty", at: SourceLocation(file: path, line: 1, column: 1),
                          hint: "add front matter between `---` lines, or delete the file")
        case .noOpeningFence:
            return .error("PF006", "file does not start with front matter", at: SourceLocation(file: path, line: 1, column: 1),
                          hint: "begin the file with a `---` line, the YAML keys, and another `---` line")
        case .unclosed(let line):
            return .error("PF006", "front matter opened here is never closed", at: SourceLocation(file: path, line: line, column: 1),
                          hint: "end the front matter with a line holding only `---`")
        }
    }
}
