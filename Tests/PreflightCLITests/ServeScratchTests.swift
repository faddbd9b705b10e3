import Foundation
import Testing

/// `preflight serve` without `--out` builds into a private folder of its own and removes it when stopped.
@Suite("Preview scratch folder", .serialized)
struct ServeScratchTests {
    @Test func theScratchFolderIsPrivateAndGoneAfterSIGTERM() throws {
        let executable = InterruptedBuildTests.executable
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build the preflight product first")
        let content = InterruptedBuildTests.repository.appendingPathComponent("Content").path
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0", "--base", content]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line names the folder.
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            text += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        let range = try #require(text.range(of: #"/\S*preflight-serve\.[A-Za-z0-9]+"#, options: .regularExpression), "\(text)")
        let folder = String(text[range])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder)
        #expect((attributes[.posixPermissions] as? Int) == 0o700, "only its owner can enter it")
        kill(process.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stopBy { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "SIGTERM stops the preview cleanly")
        #expect(!FileManager.default.fileExists(atPath: folder), "removed when the preview stops")
    }
}
