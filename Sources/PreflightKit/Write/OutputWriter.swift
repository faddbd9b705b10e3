import CPreflightSystem
import Foundation

/// Why the output could not be written; nothing of the previous output has been changed.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var message: String
    public var hint: String

    public var description: String { "\(message) [\(code.rawValue)]\n    hint: \(hint)" }

    /// The error as a diagnostic on `path`.
    public func diagnostic(at path: String) -> Diagnostic {
        .error(code, message, at: SourceLocation(file: path), hint: hint)
    }
}

/// Writes a profile's files into a staging folder, then swaps it with `Output/<id>/` in one step.
///
/// A build that stops half-way leaves the previous output untouched: until the swap, only the
/// staging folder has changed. A marker file names the folders Preflight owns; a folder without it
/// is never replaced or deleted.
public struct OutputWriter: Sendable {
    public static let marker = ".preflight-output"
    static let markerText = "This folder is written by Preflight and replaced on every build.\n"

    public var root: String

    public init(root: String) { self.root = root }

    /// A written file's hash and size, by which the next build knows it unchanged.
    public struct FileRecord: Sendable, Codable, Equatable {
        public var hash: String
        public var size: Int
    }

    /// What a write did: the record of every file (for the cache), how many were written anew, and
    /// the files of the replaced folder that no build of Preflight wrote (someone put them there).
    public struct Report: Sendable {
        public var files: [String: FileRecord] = [:]
        public var written = 0
        public var removedForeign: [String] = []
    }

    /// Writes `files` as the new `<root>/<profileID>/`.
    ///
    /// - Parameters:
    ///   - previous: the files of the last build with their hashes. A file whose bytes hash the same
    ///     is hard-linked from the current folder into the staging one instead of written, so it
    ///     keeps its inode and time stamp: tools watching the output see only what changed.
    ///   - written: every file an earlier build is known to have written into the folder (`previous`
    ///     when not given); any other file the new output lacks is reported in `removedForeign`.
    @discardableResult
    public func write(profileID: String, files: [OutputFile], previous: [String: FileRecord] = [:],
                      written: Set<String>? = nil) throws(WriteError) -> Report {
        var staged = try begin(profileID: profileID, previous: previous, written: written ?? Set(previous.keys))
        do {
            for file in files { try staged.add(file) }
        } catch {
            staged.abort()
            throw error
        }
        return try staged.commit()
    }

    /// Opens a staging folder for `<root>/<profileID>/`; `commit()` swaps it into place. Nothing is
    /// visible before the commit.
    func begin(profileID: String, previous: [String: FileRecord], written: Set<String> = []) throws(WriteError) -> StagedOutput {
        guard ItemSchema.isValidID(profileID) else {
            throw WriteError(code: .invalidOutputName, message: "`\(profileID)` cannot name an output folder",
                             hint: "use lower-case letters, digits, `-`, `_` and `.`")
        }
        let target = root + "/" + profileID
        let staging = root + "/.preflight-staging-" + profileID
        try ensureRoot()
        try refuseLinks(profileID, under: root)
        try checkOwnership(target)
        // The published folder is replaced as a whole: a link in it is not Preflight's, and the files
        // no build wrote are named when they go.
        let published = FileTree.entries(below: target)
        if let link = published.links.first { throw WriteError.link(target + "/" + link) }
        FileTree.remove(staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw WriteError(code: .cannotWrite, message: "cannot create `\(staging)`", hint: "check free space and permissions under `\(root)`")
        }
        let foreign = published.files.filter { $0 != Self.marker && !written.contains($0) }
        return StagedOutput(writer: self, target: target, staging: staging, previous: previous, foreign: foreign)
    }

    /// Plain open/write/close: the staging folder is swapped in as a whole, so per-file atomic writes
    /// (which Foundation does with a temporary file and a rename each) would only cost time. A link
    /// in the file's place fails the open instead of being written through.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeFile(path, $0) }
    }

    static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return writeAll(descriptor, buffer)
    }

    /// Writes all of `buffer` to an open descriptor, however many calls it takes.
    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    /// Removes what an interrupted build left at the top of `root`: staging folders, folders kept
    /// for a two-rename swap, half-written index files. None of them is ever published output.
    public func removeLeftovers() {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: root)) ?? []
        where name.hasPrefix(".preflight-staging-") || name.hasPrefix(".preflight-old-") || name.hasPrefix(".preflight-tmp-") {
            FileTree.remove(root + "/" + name)
        }
    }

    /// The size of the file at `path`; the link's own size when it is one, so it never matches a file's.
    static func size(of path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Creates the output folder if needed and marks it as Preflight's (`claimRoot` has checked it).
    func ensureRoot() throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw WriteError(code: .cannotWrite, message: "cannot create `\(root)`", hint: "check the path and its permissions")
        }
        try refuseLinks(Self.marker, under: root)
        if Self.size(of: root + "/" + Self.marker) == nil, !Self.writeFile(root + "/" + Self.marker, Array(Self.markerText.utf8)) {
            throw WriteError(code: .cannotWrite, message: "cannot write `\(root)/\(Self.marker)`", hint: "check free space and permissions")
        }
    }

    /// Refuses a non-empty folder without the marker: it holds someone else's files.
    private func checkOwnership(_ target: String) throws(WriteError) {
        let kind = Self.entry(at: target)
        guard kind != .missing else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if kind != .folder || (!contents.isEmpty && !contents.contains(Self.marker)) {
            throw WriteError(code: .folderNotOwned, message: "`\(target)` exists and was not written by Preflight",
                             hint: "move it away or choose another `--out` folder; Preflight replaces only its own folders")
        }
    }

    /// Resolves `relative` inside `folder`, refusing absolute paths and `..` components.
    func safePath(_ relative: String, in folder: String) throws(WriteError) -> String {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
        else {
            throw WriteError(code: .pathOutsideOutput, message: "refusing to write `\(relative)` outside the output folder",
                             hint: "ids and paths may not contain `..`, empty parts or a leading `/`")
        }
        return folder + "/" + relative
    }

    func swap(staging: String, target: String) throws(WriteError) {
        let manager = FileManager.default
        if !manager.fileExists(atPath: target) {
            guard rename(staging, target) == 0 else {
                throw WriteError(code: .cannotSwap, message: "cannot move the new output into `\(target)`",
                                 hint: "check permissions on `\(root)`")
            }
            return
        }
        if preflight_exchange_paths(staging, target) == 0 {
            FileTree.remove(staging)
            return
        }
        // No atomic exchange on this system: two renames, with the old folder kept until the end.
        let old = root + "/.preflight-old-" + (target as NSString).lastPathComponent
        FileTree.remove(old)
        guard rename(target, old) == 0 else {
            FileTree.remove(staging)
            throw WriteError(code: .cannotSwap, message: "cannot replace `\(target)`", hint: "check permissions on `\(root)`")
        }
        guard rename(staging, target) == 0 else {
            _ = rename(old, target)
            throw WriteError(code: .cannotSwap, message: "cannot replace `\(target)`", hint: "check permissions on `\(root)`")
        }
        FileTree.remove(old)
    }
}
