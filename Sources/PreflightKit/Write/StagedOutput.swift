import Foundation

/// A profile's output being written: a staging folder, swapped with the published folder in one
/// step by `commit()`.
struct StagedOutput {
    private let writer: OutputWriter
    private let target: String
    private let staging: String
    private let previous: [String: OutputWriter.FileRecord]
    /// The files of the published folder that no earlier build is known to have written.
    private let foreign: [String]
    private var folders: Set<String>
    private var report = OutputWriter.Report()

    init(writer: OutputWriter, target: String, staging: String, previous: [String: OutputWriter.FileRecord],
         foreign: [String] = []) {
        self.writer = writer
        self.target = target
        self.staging = staging
        self.previous = previous
        self.foreign = foreign
        folders = [staging]
    }

    /// Writes one file into the staging folder, or hard-links the published one when the cache says
    /// its bytes are unchanged (same hash and size), so that it keeps its inode and time stamp.
    mutating func add(_ file: OutputFile) throws(WriteError) {
        let path = try writer.safePath(file.path, in: staging)
        let folder = (path as NSString).deletingLastPathComponent
        if folders.insert(folder).inserted {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WriteError(code: .cannotWrite, message: "cannot create `\(folder)`", hint: "check free space and permissions")
            }
        }
        let record = OutputWriter.FileRecord(hash: file.withUnsafeBytes { ContentHash($0) }.description, size: file.count)
        report.files[file.path] = record
        if previous[file.path] == record, OutputWriter.size(of: target + "/" + file.path) == record.size,
           link(target + "/" + file.path, path) == 0 {
            return
        }
        guard file.withUnsafeBytes({ OutputWriter.writeFile(path, $0) }) else {
            throw WriteError(code: .cannotWrite, message: "cannot write `\(path)`", hint: "check free space and permissions")
        }
        report.written += 1
    }

    /// Adds the ownership marker and swaps the staging folder into place.
    func commit() throws(WriteError) -> OutputWriter.Report {
        var report = report
        // A file the new output also has was Preflight's all along, whatever the cache remembers.
        report.removedForeign = foreign.filter { report.files[$0] == nil }
        // The marker never changes: kept like any unchanged file when the folder already has it.
        let marker = staging + "/" + OutputWriter.marker
        guard link(target + "/" + OutputWriter.marker, marker) == 0
            || OutputWriter.writeFile(marker, Array(OutputWriter.markerText.utf8)) else {
            abort()
            throw WriteError(code: .cannotWrite, message: "cannot write the ownership marker", hint: "check free space")
        }
        try writer.swap(staging: staging, target: target)
        return report
    }

    /// Drops the staging folder; the published output stays as it was.
    func abort() {
        FileTree.remove(staging)
    }
}
