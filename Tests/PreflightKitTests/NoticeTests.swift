import Foundation
import Testing
@testable import PreflightKit

/// What customers receive names no engine, version, internal step or command, and says what it
/// says for people: the product's name, durations in words, only the mode that applies.
@Suite("Customer notices", .serialized)
struct NoticeTests {
    /// Every file a customer receives, in every shipped example's output.
    static func customerFiles() throws -> [(profile: String, file: String, text: String)] {
        let output = ShippedContentTests.build.output
        var files: [(String, String, String)] = []
        for profile in ShippedContentTests.profiles {
            let folder = output + "/" + profile.id + "/comms"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where name.hasPrefix("notice-") || name == "maintenance.ics" {
                // The calendar's own protocol lines (its format version, the producer) are not read by anyone.
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).components(separatedBy: "\r\n")
                    .filter { !$0.hasPrefix("VERSION:") && !$0.hasPrefix("PRODID:") }.joined(separator: "\n")
                files.append((profile.id, name, text))
            }
        }
        return files
    }

    @Test func noticesNameNoEngineVersionStepOrCommand() throws {
        let (content, _) = Repository.loaded
        let files = try Self.customerFiles()
        #expect(files.count >= 30, "the examples send notices and calendars (\(files.count) files)")
        let engineWords = content.vocabulary.familyWords.values.flatMap { $0 }
            + content.vocabulary.engines.values.map(\.name)
        for (profile, file, text) in files {
            for word in engineWords where text.range(of: word, options: .caseInsensitive) != nil {
                Issue.record("\(profile)/\(file) names the engine \(word)")
            }
            #expect(text.range(of: #"\b\d+\.\d+(\.\d+)?\b"#, options: .regularExpression) == nil,
                    "\(profile)/\(file) holds a version number")
            #expect(!text.contains("step-"), "\(profile)/\(file) names an internal step")
            #expect(!text.contains("`"), "\(profile)/\(file) holds code")
            for command in ["SELECT ", "psql", "pg_", "mongosh", "sqlcmd", "aws ", "$ "] {
                #expect(!text.contains(command), "\(profile)/\(file) holds a command (\(command))")
            }
        }
    }

    @Test func noticesSpeakToPeople() throws {
        let files = try Self.customerFiles().filter { $0.profile == "acme-billing-pg12-to-15" }
        let email = try #require(files.first { $0.file == "notice-email.md" }?.text)
        #expect(email.contains("20 minutes") && !email.contains("20m"), "durations in words")
        #expect(email.contains("Acme Billing"), "the service by the name customers know")
        #expect(email.contains("UTC: Sun 6 Dec 2026, 07:00–07:20"), "a UTC line")
        #expect(!email.contains("Offline") && !email.contains("Online"), "only the mode that applies")
        #expect(files.contains { $0.file == "notice-started.md" }, "a notice for when the maintenance starts")
        let status = try #require(files.first { $0.file == "notice-status-page.md" }?.text)
        let states = ["**Scheduled**", "**In progress**", "**Verifying**", "**Completed**"].map { status.range(of: $0)?.lowerBound }
        #expect(states.allSatisfy { $0 != nil } && states.map { $0! } == states.map { $0! }.sorted(), "status-page states in order")
    }

    @Test func daylightSavingInsideTheWindowIsSaid() {
        var profile = Profile(id: "p", name: "P", origin: "p.yml")
        profile.values["window.starts"] = .text("2026-10-25T01:30")
        profile.values["window.timezone"] = .text("Europe/Berlin")
        profile.values["window.duration"] = .duration(.minutes(120))
        profile.values["customers.timezones"] = .list(["Europe/Berlin", "Asia/Tokyo"])
        let values = NoticeValues.values(profile, schedule: Schedule(profile: profile), words: .init())
        #expect(values["dst"]?.contains("Europe/Berlin") == true)
        #expect(values["dst"]?.contains("Asia/Tokyo") == false)
        #expect(values["duration"] == "2 hours")
        #expect(TimeSpan.minutes(90).spoken == "1 hour 30 minutes")
    }
}
