import Foundation
import Testing
@testable import PreflightKit

@Suite("Front matter")
struct FrontMatterTests {
    let expectedYAML = "id: a\ntitle: T\n"

    @Test(arguments: [
        ("LF", "---\nid: a\ntitle: T\n---\nBody line\n\nMore"),
        ("CRLF", "---\r\nid: a\r\ntitle: T\r\n---\r\nBody line\r\n\r\nMore"),
        ("BOM", "\u{FEFF}---\nid: a\ntitle: T\n---\nBody line\n\nMore"),
        ("BOM and CRLF", "\u{FEFF}---\r\nid: a\r\ntitle: T\r\n---\r\nBody line\r\n\r\nMore"),
    ])
    func splitsEveryLineEnding(name: String, text: String) throws {
        let split = try FrontMatter.split(Data(text.utf8)).get()
        #expect(split.yaml == expectedYAML, "\(name)")
        #expect(split.body == "Body line\n\nMore", "\(name)")
        #expect(split.yamlLine == 2)
        #expect(split.bodyLine == 5)
    }

    @Test func reportsMissingAndUnclosedFences() {
        #expect(FrontMatter.split(Data("title: T\n".utf8)) == .failure(.noOpeningFence))
        #expect(FrontMatter.split(Data("---\ntitle: T\n".utf8)) == .failure(.unclosed(openedAt: 1)))
        #expect(FrontMatter.split(Data(" \n\n".utf8)) == .failure(.empty))
    }

    @Test func locatesTheFirstInvalidByte() {
        var bytes = Array("---\nid: a\ntitle: caf".utf8)
        bytes.append(0xE9) // Latin-1 é, not UTF-8
        bytes += Array("\n---\n".utf8)
        #expect(FrontMatter.split(Data(bytes)) == .failure(.notUTF8(line: 3, column: 11)))
    }

    @Test func acceptsDotsAsTheClosingFence() throws {
        let split = try FrontMatter.split(Data("---\nid: a\n...\nbody".utf8)).get()
        #expect(split.yaml == "id: a\n")
        #expect(split.body == "body")
    }
}
