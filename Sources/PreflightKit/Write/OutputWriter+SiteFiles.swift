import Foundation

/// The files at the top of the output folder, beside the profile folders: the site index and its assets.
extension OutputWriter {
    /// Claims the output folder before anything is written: refuses `/`, the home folder and the
    /// content folders (the base and every overlay), and a folder that holds files but not Preflight's marker (someone else's
    /// files: `--out .` in a checkout would replace its README). Writes nothing: an empty or new
    /// folder gets the marker with the first file written into it (`ensureRoot`).
    public func claimRoot(contentFolders: [String]) throws(WriteError) {
        let manager = FileManager.default
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let here = resolved(root)
        let home = ProcessInfo.processInfo.environment["HOME"].map(resolved)
        if here == "/" || here == home || contentFolders.contains(where: { resolved($0) == here }) {
            throw WriteError(code: .folderNotOwned, message: "refusing to write the site into `\(root)`",
                             hint: "choose a folder of its own for `--out`, such as `Output` or `site`")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: root, isDirectory: &isDirectory) {
            let entries = (try? manager.contentsOfDirectory(atPath: root)) ?? []
            guard isDirectory.boolValue, entries.isEmpty || entries.contains(Self.marker) else {
                throw WriteError(code: .folderNotOwned, message: "`\(root)` holds files and was not written by Preflight",
                                 hint: "choose an empty or new folder for `--out`; if Preflight did write it, add an empty `\(Self.marker)` file")
            }
        }
    }

    /// The card of every profile folder Preflight owns in the output, by folder name.
    public func profileCards() -> [ProfileCard] {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return names.compactMap { name in
            let folder = root + "/" + name
            guard Self.entry(at: folder) == .folder, manager.fileExists(atPath: folder + "/" + Self.marker),
                  let data = manager.contents(atPath: folder + "/profile.json") else { return nil }
            return try? JSONDecoder().decode(ProfileCard.self, from: data)
        }
    }

    /// Replaces each top-level file, written beside its place and renamed over it: a reader sees the
    /// old file or the new one. An unchanged file keeps its inode and time stamp. A link on the way
    /// (`assets` pointing elsewhere) is refused, never written through.
    public func replaceSiteFiles(_ files: [OutputFile]) throws(WriteError) {
        try ensureRoot()
        for file in files {
            let path = try safePath(file.path, in: root)
            try refuseLinks(file.path, under: root)
            if let existing = FileReader.readAll(path), existing.elementsEqual(file.bytes) { continue }
            let temporary = root + "/.preflight-tmp-" + file.path.replacingOccurrences(of: "/", with: "_")
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A leftover (or planted) file in the temporary's place is removed, not written through.
            unlink(temporary)
            guard file.withUnsafeBytes({ Self.writeFile(temporary, $0) }), rename(temporary, path) == 0 else {
                unlink(temporary)
                throw WriteError(code: .cannotWrite, message: "cannot write `\(path)`", hint: "check free space and permissions")
            }
        }
    }
}
