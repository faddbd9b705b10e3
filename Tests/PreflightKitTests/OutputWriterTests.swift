import Foundation
import Testing
@testable import PreflightKit

@Suite("Output writer")
struct OutputWriterTests {
    @Test func replacesItsOwnFolderAndRemovesStaleFiles() throws {
        let site = try FixtureSite([:])
        defer { site.remove() }
        let writer = OutputWriter(root: site.output)
        try writer.write(profileID: "p", files: [OutputFile(path: "a.md", text: "one"), OutputFile(path: "old.md", text: "x")])
        try writer.write(profileID: "p", files: [OutputFile(path: "a.md", text: "two"), OutputFile(path: "wiki/b.md", text: "b")])
        #expect(try site.read("Output/p/a.md") == "two")
        #expect(try site.read("Output/p/wiki/b.md") == "b")
        #expect(!site.exists("Output/p/old.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output).sorted() == [OutputWriter.marker, "p"],
                "no staging folder is left, and the output folder is marked as Preflight's")
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let site = try FixtureSite(["Output/p/precious.txt": "keep me"])
        defer { site.remove() }
        #expect(throws: WriteError.self) {
            try OutputWriter(root: site.output).write(profileID: "p", files: [OutputFile(path: "a.md", text: "x")])
        }
        #expect(try site.read("Output/p/precious.txt") == "keep me")
    }

    @Test(arguments: ["../escape.md", "/etc/passwd", "a/../../b", "", "a//b"])
    func refusesPathsOutsideTheFolder(path: String) throws {
        let site = try FixtureSite([:])
        defer { site.remove() }
        #expect(throws: WriteError.self) {
            try OutputWriter(root: site.output).write(profileID: "p", files: [OutputFile(path: path, text: "x")])
        }
        #expect(!site.exists("escape.md"))
        #expect(!site.exists("Output/p"))
    }

    @Test(arguments: ["../x", "a/b", "UPPER", ".hidden"])
    func refusesProfileIdsThatAreNotSlugs(id: String) throws {
        let site = try FixtureSite([:])
        defer { site.remove() }
        #expect(throws: WriteError.self) {
            try OutputWriter(root: site.output).write(profileID: id, files: [OutputFile(path: "a.md", text: "x")])
        }
    }
}
