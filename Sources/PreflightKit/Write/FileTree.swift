import Foundation

/// Removing folder trees with `unlinkat` on descriptors: the previous output of a profile is removed
/// on every build, and Foundation's `removeItem` spent more time on it than writing the new one.
enum FileTree {
    /// Removes `path` and everything below it; symbolic links are removed, never followed.
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(path)
            return
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 {
            removeContents(of: descriptor)
            close(descriptor)
        }
        rmdir(path)
    }

    private static func removeContents(of folder: Int32) {
        let duplicate = dup(folder)
        guard duplicate >= 0, let directory = fdopendir(duplicate) else { return }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                subfolders.append(name)
            } else if unlinkat(folder, name, 0) != 0, errno == EISDIR {
                subfolders.append(name)
            }
        }
        for name in subfolders {
            let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                removeContents(of: child)
                close(child)
            }
            unlinkat(folder, name, AT_REMOVEDIR)
        }
    }

    /// Everything below `folder` that is not a folder, by path relative to it, sorted, with the
    /// symbolic links apart; no link is followed, so a linked folder is listed, not entered.
    static func entries(below folder: String) -> (files: [String], links: [String]) {
        var found: (files: [String], links: [String]) = ([], [])
        collect(folder, relative: "", into: &found)
        return (found.files.sorted(), found.links.sorted())
    }

    private static func collect(_ folder: String, relative: String, into found: inout (files: [String], links: [String])) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            switch OutputWriter.entry(at: folder + "/" + name) {
            case .folder: collect(folder + "/" + name, relative: child, into: &found)
            case .link: found.links.append(child)
            case .other: found.files.append(child)
            case .missing: continue
            }
        }
    }
}
