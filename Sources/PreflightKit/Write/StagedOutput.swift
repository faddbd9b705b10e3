import Foundation

/// A profile's output being written: a staging folder that files stream into from any thread, then
/// swapped with the published folder in one step. Rendered pages go to disk as soon as they exist,
/// so a profile's whole output is never held in memory at once.
public final class StagedOutput: @unchecked Sendable {
    // Unchecked: the mutable state (folders made, the report) is only touched under `lock`.
    private let writer: OutputWriter
    private let target: String
    private let staging: String
    private let previous: [String: BuildManifest.FileRecord]
    private let lock = NSLock()
    private var folders: Set<String>
    private var report = OutputWriter.Report()

    init(writer: OutputWriter, target: String, staging: String, previous: [String: BuildManifest.FileRecord]) {
        self.writer = writer
        self.target = target
        self.staging = staging
        self.previous = previous
        folders = [staging]
    }

    /// Writes one file into the staging folder, or hard-links the published one when the cache says
    /// its bytes are unchanged (same hash and size).
    public func add(_ file: OutputFile) throws(WriteError) {
        let path = try writer.safePath(file.path, in: staging)
        let folder = (path as NSString).deletingLastPathComponent
        lock.lock()
        let newFolder = folders.insert(folder).inserted
        if newFolder {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                lock.unlock()
                throw WriteError(code: "PF602", message: "cannot create `\(folder)`", hint: "check free space and permissions")
            }
        }
        lock.unlock()
        let record = BuildManifest.FileRecord(hash: file.withUnsafeBytes { ContentHash($0) }.description, size: file.count)
        var written = false
        if !(previous[file.path] == record && OutputWriter.size(of: target + "/" + file.path) == record.size
             && link(target + "/" + file.path, path) == 0) {
            guard file.withUnsafeBytes({ OutputWriter.writeFile(path, $0) }) else {
                throw WriteError(code: "PF602", message: "cannot write `\(path)`", hint: "check free space and permissions")
            }
            written = true
        }
        lock.lock()
        report.files[file.path] = record
        if written { report.written += 1 }
        lock.unlock()
    }

    /// Adds the ownership marker and swaps the staging folder into place.
    public func commit() throws(WriteError) -> OutputWriter.Report {
        // The marker never changes: kept like any unchanged file when the folder already has it.
        let marker = staging + "/" + OutputWriter.marker
        guard link(target + "/" + OutputWriter.marker, marker) == 0
            || OutputWriter.writeFile(marker, Array(OutputWriter.markerText.utf8)) else {
            abort()
            throw WriteError(code: "PF602", message: "cannot write the ownership marker", hint: "check free space")
        }
        try writer.swap(staging: staging, target: target)
        lock.lock()
        defer { lock.unlock() }
        return report
    }

    /// Drops the staging folder; the published output stays as it was.
    public func abort() {
        FileTree.remove(staging)
    }
}
