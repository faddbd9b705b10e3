import Foundation

/// Symbolic links inside the output folder. A link there (a profile folder, `assets`, a file) would
/// let a write, a rename or a deletion land outside the output, so none is ever followed: a path
/// that crosses one is refused with `PF606`, naming the link. The output folder itself may be a
/// link; that is where the user chose to put the site.
extension OutputWriter {
    /// What `lstat` says of a path: nothing there, a link, a folder or anything else.
    enum Entry: Equatable {
        case missing, link, folder, other
    }

    static func entry(at path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .link
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The first link on the way from `base` to `base/relative`, the last part included.
    static func firstLink(_ relative: String, under base: String) -> String? {
        var path = base
        for part in relative.split(separator: "/") {
            path += "/" + part
            switch entry(at: path) {
            case .link: return path
            case .missing: return nil
            case .folder, .other: continue
            }
        }
        return nil
    }

    /// Refuses `base/relative` when any part of it below `base` is a symbolic link.
    func refuseLinks(_ relative: String, under base: String) throws(WriteError) {
        if let link = Self.firstLink(relative, under: base) { throw WriteError.link(link) }
    }
}

extension WriteError {
    /// A symbolic link at `path`, inside the output folder.
    static func link(_ path: String) -> WriteError {
        WriteError(code: .linkInOutput, message: "`\(path)` is a symbolic link inside the output folder; Preflight does not follow it",
                   hint: DiagnosticCode.linkInOutput.hint)
    }
}
