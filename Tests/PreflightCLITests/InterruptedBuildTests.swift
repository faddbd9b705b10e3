import Foundation
import PreflightKit
import Testing

/// `kill -9` at any moment of a build leaves the published output as it was: the process is killed
/// while it writes, then the output folder is compared byte for byte.
@Suite("Interrupted builds", .serialized)
struct InterruptedBuildTests {
    /// The `preflight` executable that `swift test` built beside this test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("preflight")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Published files: everything but Preflight's own transient staging and temporary entries.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in walker {
            let relative = String(url.path.dropFirst(folder.path.count + 1))
            if relative.hasPrefix(".preflight-staging-") || relative.hasPrefix(".preflight-old-")
                || relative.hasPrefix(".preflight-tmp-") { walker.skipDescendants(); continue }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files[relative] = try? Data(contentsOf: url)
            }
        }
        return files
    }

    /// The exit status, or the signal that ended the process (negated).
    func run(_ arguments: [String], killAfter delay: Double? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    @Test func killNineLeavesThePreviousOutputExactlyAsItWas() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the preflight product first")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let content = Self.repository.appendingPathComponent("Content").path
        let build = ["build", "--base", content, "--out", out.path, "--cache-dir", out.path + "-cache"]
        defer { try? FileManager.default.removeItem(atPath: out.path + "-cache") }
        #expect(try run(build) == 0)
        // --force: an unchanged rebuild would otherwise finish after hashing, before any kill.
        let start = Date()
        #expect(try run(build + ["--force"]) == 0)
        let duration = Date().timeIntervalSince(start)
        let before = Self.snapshot(out)
        #expect(before.count > 100)
        // Kill at moments spread over a whole build: loading, rendering, and the writes at the end.
        for fraction in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] {
            // Other tests share the cores, so a build may run faster or slower than the measured one.
            // A build that finished before the signal proves nothing about interruption: it is run
            // again with an earlier signal until one dies of it.
            var delay = duration * fraction, status: Int32 = 0
            for _ in 0..<4 {
                status = try run(build + ["--force"], killAfter: delay)
                if status == -SIGKILL { break }
                delay /= 2
            }
            #expect(status == -SIGKILL, "no build was killed before it finished (last signal at \(delay)s of \(duration)s)")
            let after = Self.snapshot(out)
            #expect(after.keys.sorted() == before.keys.sorted(), "files appeared or vanished after a kill at \(delay)s")
            #expect(after == before, "bytes changed after a kill at \(delay)s")
        }
        // The next build completes and leaves none of the interrupted builds' staging behind.
        #expect(try run(build) == 0)
        #expect(Self.snapshot(out) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".preflight-") && $0 != OutputWriter.marker }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
