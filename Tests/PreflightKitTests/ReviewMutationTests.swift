import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightReview

/// Mutation testing of the review: every fixture plan that scores 70 or more is damaged by each
/// operator in turn, and each damaged plan must score strictly lower, with the criterion that caught it.
@Suite("Review: mutation testing")
struct ReviewMutationTests {
    static let goodEnough = 70
    static let requiredKillRate = 0.95

    /// A fixture plan, read, with the profile it was written for.
    struct Subject: Sendable {
        var name: String
        var plan: PlanDocument
        var profile: Profile
    }

    struct Outcome: Sendable {
        var plan: String
        var mutation: String
        var before: Int
        var after: Int
        /// Criteria that passed on the plan and fail on the mutant.
        var caughtBy: [String]
        var killed: Bool { after < before && !caughtBy.isEmpty }
    }

    static func subjects() throws -> [Subject] {
        let (content, _) = Repository.loaded
        return try ReviewCorpusTests.plans.map { file in
            let base = (file as NSString).deletingPathExtension
            let data = try Data(contentsOf: URL(fileURLWithPath: ReviewCorpusTests.folder + "/" + base + ".expected.json"))
            let expected = try JSONDecoder().decode(ReviewCorpusTests.Expectation.self, from: data)
            let text = try String(contentsOfFile: ReviewCorpusTests.folder + "/" + file, encoding: .utf8)
            let profile = try #require(ProfileLoader(vocabulary: content.vocabulary)
                .load(path: Repository.content + "/profiles/" + expected.profile).0)
            return Subject(name: file, plan: Reviewer.parse(text, file: file), profile: profile)
        }
    }

    @Test func mutantsOfGoodPlansScoreLower() async throws {
        let (content, _) = Repository.loaded
        let catalogs = VersionCatalog.load(folder: Repository.content + "/catalog")
        let reviewer = Reviewer()
        let good = try Self.subjects().filter {
            reviewer.review($0.plan, profile: $0.profile, content: content, catalogs: catalogs).score >= Self.goodEnough
        }
        #expect(good.count >= 20, "the corpus should hold at least 20 plans that score \(Self.goodEnough) or more")
        #expect(ReviewMutator.operators.count >= 15)

        // Two cores: one task per plan, the operators in turn inside it.
        let outcomes = await withTaskGroup(of: [Outcome].self) { group in
            for subject in good {
                group.addTask {
                    let original = reviewer.review(subject.plan, profile: subject.profile, content: content, catalogs: catalogs)
                    let passed = Set(original.criteria.filter(\.passed).map(\.id))
                    let mutator = ReviewMutator(profile: subject.profile, vocabulary: content.vocabulary, catalogs: catalogs)
                    return mutator.mutants(of: subject.plan).compactMap { name, mutant in
                        guard let mutant else { return nil }
                        let report = reviewer.review(mutant, profile: subject.profile, content: content, catalogs: catalogs)
                        let caught = report.criteria.filter { !$0.passed && passed.contains($0.id) }.map(\.id)
                        return Outcome(plan: subject.name, mutation: name, before: original.score, after: report.score, caughtBy: caught)
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }

        print(Self.table(outcomes))
        for operation in ReviewMutator.operators {
            #expect(outcomes.contains { $0.mutation == operation.name }, "“\(operation.name)” applied to no plan: it tests nothing")
        }
        let killed = outcomes.filter(\.killed)
        let rate = Double(killed.count) / Double(max(outcomes.count, 1))
        let survivors = outcomes.filter { !$0.killed }
            .map { "  \($0.mutation) on \($0.plan): \($0.before) → \($0.after)" }.sorted().joined(separator: "\n")
        #expect(rate >= Self.requiredKillRate, "kill rate \(Self.percent(rate)) is below \(Self.percent(Self.requiredKillRate)); survivors:\n\(survivors)")
        if !survivors.isEmpty { print("Survivors:\n\(survivors)") }
        #expect(killed.allSatisfy { !$0.caughtBy.isEmpty })
    }

    /// Kill rate per operator and overall, as `make test` prints it and the README quotes it.
    static func table(_ outcomes: [Outcome]) -> String {
        var lines = ["Mutation testing of the review: kill rate per operator", ""]
        let width = ReviewMutator.operators.map(\.name.count).max() ?? 0
        for operation in ReviewMutator.operators {
            let mine = outcomes.filter { $0.mutation == operation.name }
            let killed = mine.filter(\.killed)
            let caught = Dictionary(grouping: killed.flatMap(\.caughtBy), by: { $0 }).mapValues(\.count)
                .sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(2)
                .map { $0.key.replacingOccurrences(of: "criterion-", with: "") }
            let rate = mine.isEmpty ? "—" : percent(Double(killed.count) / Double(mine.count))
            lines.append("  \(operation.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(killed.count)/\(mine.count)  \(rate)  caught by \(caught.joined(separator: ", "))")
        }
        let killed = outcomes.filter(\.killed).count
        lines.append("")
        lines.append("  overall: \(killed)/\(outcomes.count) mutants killed, \(percent(Double(killed) / Double(max(outcomes.count, 1))))")
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
