import PreflightKit
import Foundation
import Synchronization

/// Watches files and folders by polling: every `interval` it lists them with their sizes and
/// modification times and calls back with the paths that changed, appeared or went away.
///
/// Listing the content takes a few milliseconds, so polling is simpler than kernel notifications
/// and works the same on every system.
public final class Watcher: Sendable {
    private let running = Mutex(true)

    public init(paths: [String], interval: Duration = .milliseconds(300),
                onChange: @escaping @Sendable ([String]) -> Void) throws {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let first = Self.listing(paths)
        Thread { [weak self] in
            var last = first
            while self?.isRunning == true {
                Thread.sleep(forTimeInterval: seconds)
                let now = Self.listing(paths)
                let changed = Set(last.keys).union(now.keys).filter { last[$0] != now[$0] }
                last = now
                if !changed.isEmpty, self?.isRunning == true { onChange(changed.sorted()) }
            }
        }.start()
    }

    private var isRunning: Bool { running.withLock { $0 } }

    public func stop() { running.withLock { $0 = false } }

    /// Size and modification time of every file under `paths`, skipping hidden names.
    static func listing(_ paths: [String]) -> [String: [Int]] {
        var files: [String: [Int]] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let found = isDirectory.boolValue ? ContentLoader.walk(path).map { path + "/" + $0 } : [path]
            for file in found where !file.split(separator: "/").contains(where: { $0.hasPrefix(".") && $0 != "." && $0 != ".." }) {
                var info = stat()
                guard stat(file, &info) == 0 else { continue }
                #if os(Linux)
                let modified = info.st_mtim
                #else
                let modified = info.st_mtimespec
                #endif
                files[file] = [Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec)]
            }
        }
        return files
    }
}
