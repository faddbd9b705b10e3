import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders recursively with inotify and calls back, debounced, with the changed paths.
public final class Watcher: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var running = true
    private let debounce: TimeInterval
    private let onChange: @Sendable ([String]) -> Void

    public init(paths: [String], debounce: TimeInterval = 0.15, onChange: @escaping @Sendable ([String]) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw ServeError("inotify is not available") }
        self.debounce = debounce
        self.onChange = onChange
        for path in paths { add(path) }
        let thread = Thread { [weak self] in self?.loop() }
        thread.start()
    }

    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
        close(descriptor)
    }

    private func add(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE)
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { return }
        lock.lock()
        folders[watch] = folder
        lock.unlock()
        guard isDirectory.boolValue else { return }
        for child in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !child.hasPrefix(".") {
            var childIsDirectory: ObjCBool = false
            let full = folder + "/" + child
            if FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), childIsDirectory.boolValue { add(full) }
        }
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var pending = Set<String>()
        var poll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while isRunning {
            // Wait for events; after the first, keep collecting until the folder is quiet for `debounce`.
            let ready = Glibc.poll(&poll, 1, pending.isEmpty ? 500 : Int32(debounce * 1000))
            if ready < 0 { return }
            if ready == 0 {
                if !pending.isEmpty {
                    onChange(pending.sorted())
                    pending.removeAll()
                }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<(nameStart + nameLength)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                lock.lock()
                let folder = folders[watch]
                lock.unlock()
                if let folder, !name.hasPrefix(".") {
                    let path = folder + "/" + name
                    pending.insert(path)
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(path) }
                }
                offset = nameStart + nameLength
            }
        }
    }
}
