import Foundation

/// The files at the top of the output folder, beside the profile folders: the site index and its assets.
extension OutputWriter {
    /// The card of every profile folder Preflight owns in the output, by folder name.
    public func profileCards() -> [ProfileCard] {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return names.compactMap { name in
            let folder = root + "/" + name
            guard manager.fileExists(atPath: folder + "/" + Self.marker),
                  let data = manager.contents(atPath: folder + "/profile.json") else { return nil }
            return try? JSONDecoder().decode(ProfileCard.self, from: data)
        }
    }

    /// Replaces each top-level file, written beside its place and renamed over it: a reader sees the
    /// old file or the new one. An unchanged file keeps its inode and time stamp.
    public func replaceSiteFiles(_ files: [OutputFile]) throws(WriteError) {
        for file in files {
            let path = try safePath(file.path, in: root)
            if let existing = FileReader.readAll(path), existing.elementsEqual(file.bytes) { continue }
            let temporary = root + "/.preflight-tmp-" + file.path.replacingOccurrences(of: "/", with: "_")
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard file.withUnsafeBytes({ Self.writeFile(temporary, $0) }), rename(temporary, path) == 0 else {
                unlink(temporary)
                throw WriteError(code: .cannotWrite, message: "cannot write `\(path)`", hint: "check free space and permissions")
            }
        }
    }
}
