import Foundation

/// Listing a content folder: regular files only, in one order, without following links.
extension ContentLoader {
    /// Regular files below `root`, relative and sorted, so that every build sees them in one order.
    /// Symbolic links are not followed: content must not reach outside its folder.
    package static func walk(_ root: String) -> [String] {
        var unreadable: [String] = []
        return walk(root, unreadable: &unreadable)
    }

    /// The files below `root`, and in `unreadable` every folder below it that could not be opened,
    /// so that a folder of content is never skipped in silence.
    package static func walk(_ root: String, unreadable: inout [String]) -> [String] {
        var files: [String] = []
        walk(root, relative: "", into: &files, unreadable: &unreadable)
        return files.sorted()
    }

    /// `readdir` with the entry type it reports (falling back to `lstat`): the URL enumerator with
    /// resource values cost a tenth of a 10,000-item build.
    private static func walk(_ folder: String, relative: String, into files: inout [String], unreadable: inout [String]) {
        guard let directory = opendir(folder) else {
            if !relative.isEmpty { unreadable.append(relative) }
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
            }
            if type == UInt8(DT_DIR) {
                walk(path, relative: child, into: &files, unreadable: &unreadable)
            } else if type == UInt8(DT_REG) {
                files.append(child)
            }
        }
    }
}
