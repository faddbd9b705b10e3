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
}
