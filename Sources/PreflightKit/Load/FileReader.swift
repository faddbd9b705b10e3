import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files with a size limit and turns failures into diagnostics.
package enum FileReader {
    package static func read(_ path: String, limit: Int) -> Result<Data, Diagnostic> {
        let location = SourceLocation(file: path, line: 1, column: 1)
        switch readAll(path, limit: limit) {
        case .success(let data):
            return .success(data)
        case .failure(.tooLarge(let size)):
            return .failure(.error(.fileTooLarge, "`\(path)` is \(size) bytes, over the limit of \(limit)", at: location,
                                   hint: "split the file; a content item or profile is a page, not a data dump"))
        case .failure(.unreadable):
            return .failure(.error(.unreadableFile, "cannot read `\(path)`", at: location, hint: "check that the file exists and is readable"))
        case .failure(.notRegular):
            return .failure(.error(.unreadableFile, "`\(path)` is not a regular file", at: location,
                                   hint: "name a file; a pipe, device or folder would be read forever or not at all"))
        }
    }

    package enum ReadProblem: Error {
        case unreadable
        case notRegular
        case tooLarge(Int)
    }

    package static func readAll(_ path: String) -> Data? {
        try? readAll(path, limit: .max).get()
    }

    /// open/fstat/read/close into one buffer of the file's size. The one `fstat` on the open file
    /// gives both the size check and the buffer size (a separate `attributesOfItem` cost as much as
    /// the read), and there is none of FileManager's allocation for empty files.
    package static func readAll(_ path: String, limit: Int) -> Result<Data, ReadProblem> {
        // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer; the
        // size is checked before anything is read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(Int(info.st_size))) }
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
        guard ok else { return .failure(.unreadable) }
        if filled < data.count { data.removeSubrange(filled...) }
        return .success(data)
    }

    package static func diagnostic(for error: FrontMatter.SplitError, path: String) -> Diagnostic {
        switch error {
        case .notUTF8(let line, let column):
            return .error(.invalidUTF8, "file is not valid UTF-8", at: SourceLocation(file: path, line: line, column: column),
                          hint: "save the file as UTF-8")
        case .empty:
            return .error(.emptyFile, "file is empty", at: SourceLocation(file: path, line: 1, column: 1),
                          hint: "add front matter between `---` lines, or delete the file")
        case .noOpeningFence:
            return .error(.emptyFile, "file does not start with front matter", at: SourceLocation(file: path, line: 1, column: 1),
                          hint: "begin the file with a `---` line, the YAML keys, and another `---` line")
        case .unclosed(let line):
            return .error(.emptyFile, "front matter opened here is never closed", at: SourceLocation(file: path, line: line, column: 1),
                          hint: "end the front matter with a line holding only `---`")
        }
    }
}
