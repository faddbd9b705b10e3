import Foundation
@testable import PreflightKit
@testable import PreflightReview

/// The kinds of damage: the fifteen the review was found blind to, and a few more a careless edit makes.
extension ReviewMutator {
    typealias M = ReviewMutator

    static let operators: [Operator] = [
        Operator(name: "delete the rollback section") { plan, m in
            let ranges = m.sectionRanges(plan, M.rollback)
            guard !ranges.isEmpty else { return nil }
            var copy = plan
            copy.blocks = plan.blocks.enumerated().filter { item in !ranges.contains { $0.contains(item.offset) } }.map(\.element)
            return copy
        },
        Operator(name: "loosen a threshold") { plan, m in
            let indices = m.sectionRanges(plan, M.rollback).flatMap { Array($0) }
            let fields = ["rollback.triggers.replica_lag", "rollback.triggers.error_rate", "rollback.triggers.p99_latency"]
            let wanted = fields.compactMap { field in
                QuantityReader.Dimension(m.profile[field]).flatMap { d in QuantityReader.value(of: m.profile[field]).map { (d, $0) } }
            }
            guard !indices.isEmpty, !wanted.isEmpty else { return nil }
            return M.rewriting(plan, in: indices) { text in
                var text = text
                for (dimension, value) in wanted {
                    // Ten times the agreed figure, in the unit the plan wrote it in: 1 minute → 10 minutes.
                    for found in QuantityReader.find(dimension, in: text).reversed() where abs(found.value - value) < 1e-9 {
                        let written = String(text[found.range])
                        let digits = written.prefix { $0.isNumber || $0 == "." }
                        let number = (Double(digits) ?? 0) * 10
                        let shown = number == number.rounded() ? String(Int(number)) : String(number)
                        text.replaceSubrange(found.range, with: shown + written.dropFirst(digits.count))
                    }
                }
                return text
            }
        },
        Operator(name: "name an unavailable tool in prose") { plan, m in
            guard let tool = m.profile.list("tools.unavailable").first else { return nil }
            let advice = "The quickest route is \(tool): run it during the window and the move finishes early."
            return M.inserting(.init(kind: .paragraph, text: advice, line: 0), into: plan, after: m.sectionRanges(plan, M.cutover))
        },
        Operator(name: "drop the backup-restore proof") { plan, _ in
            let backup = M.regex("(?i)backup|snapshot|dump|bacpac|export"), restore = M.regex("(?i)restor")
            return M.dropping(plan) { $0.contains(backup) && $0.contains(restore) }
        },
        Operator(name: "swap the version numbers") { plan, m in
            guard let source = m.profile.version("source.version"), let target = m.profile.version("target.version"),
                  source.major != target.major else { return nil }
            let pairs = [(source.description, target.description), ("\(source.major)", "\(target.major)")]
            return M.rewriting(plan, code: true) { text in
                var text = text
                for (a, b) in pairs {
                    let left = M.regex("(^|[^0-9.])" + NSRegularExpression.escapedPattern(for: a) + "(?![0-9])")
                    let right = M.regex("(^|[^0-9.])" + NSRegularExpression.escapedPattern(for: b) + "(?![0-9])")
                    text = text.replacing(left) { "\($0.output[1].substring ?? "")\u{1}" }
                    text = text.replacing(right) { "\($0.output[1].substring ?? "")\u{2}" }
                    text = text.replacingOccurrences(of: "\u{1}", with: b).replacingOccurrences(of: "\u{2}", with: a)
                }
                return text
            }
        },
        Operator(name: "replace the ORM") { plan, m in
            guard let orm = m.profile.text("application.orm") ?? m.profile.list("application.orm").first else { return nil }
            let names = ([orm] + (m.vocabulary.terms[orm] ?? [])).sorted { $0.count > $1.count }
            let other = orm == "hibernate" ? "Django ORM" : "Hibernate"
            return M.rewriting(plan, code: true) { text in
                names.reduce(text) { text, name in
                    text.replacing(M.regex("(?i)" + NSRegularExpression.escapedPattern(for: name)), with: other)
                }
            }
        },
        Operator(name: "drop the largest table's handling") { plan, m in
            guard let table = m.profile.text("data.largest_table.name") else { return nil }
            let word = M.regex("(?i)(^|[^A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: table) + "($|[^A-Za-z0-9_])")
            return M.dropping(plan, code: true) { $0.contains(word) }
        },
        Operator(name: "cite a setting on a version that lacks it") { plan, m in
            guard let engine = m.profile.text("source.engine").map(m.vocabulary.family(of:)),
                  let version = m.profile.version("source.version"), let catalog = m.catalogs[engine] else { return nil }
            let missing = catalog.entries.filter { VersionCatalog.presence(of: $0, in: version) != .present && $0.kind != .column }
            guard let entry = missing.first(where: { $0.kind == .setting && $0.since != nil }) ?? missing.first,
                  case .absent = VersionCatalog.presence(of: entry, in: version) else { return nil }
            let name = entry.kind == .function ? "\(entry.name)()" : entry.name
            let text = "On the source (\(m.vocabulary.displayName(engine)) \(version)), use `\(name)` before the copy starts so the disk cannot fill."
            return M.inserting(.init(kind: .paragraph, text: text, line: 0), into: plan, after: m.sectionRanges(plan, M.preflight))
        },
        Operator(name: "delete the verification queries") { plan, m in
            let indices = m.sectionRanges(plan, M.verification).flatMap { Array($0) }
            let query = M.regex("(?i)select |count\\s*\\(|countDocuments|checksum|md5|sum\\s*\\(|max\\s*\\(")
            guard !indices.isEmpty else { return nil }
            return M.dropping(plan, in: indices, code: true) { $0.contains(query) || $0.trimmingSpaces.hasPrefix("--") }
        },
        Operator(name: "remove the point of no return") { plan, _ in
            let phrase = M.regex("(?i)point of no return|no[- ]return|irreversib|cannot be (undone|reversed|rolled back)|one[- ]way|last (safe|possible)")
            return M.dropping(plan) { $0.contains(phrase) }
        },
        Operator(name: "remove the customer communication") { plan, m in
            let ranges = m.sectionRanges(plan, M.communication)
            guard !ranges.isEmpty else { return nil }
            var copy = plan
            copy.blocks = plan.blocks.enumerated().filter { item in !ranges.contains { $0.contains(item.offset) } }.map(\.element)
            return copy
        },
        Operator(name: "add generic boilerplate") { plan, _ in
            var copy = plan
            copy.blocks.append(.init(kind: .paragraph, text: "Commands may vary depending on your database, so consult your DBA and test thoroughly.",
                                     line: (plan.blocks.last?.line ?? 0) + 2))
            return copy
        },
        Operator(name: "move verification after the switch") { plan, m in m.moveVerificationAfterSwitch(plan) },
        Operator(name: "remove owners and durations") { plan, m in
            let indices = m.sectionRanges(plan, M.steps).flatMap { Array($0) }
            let owner = M.regex("(?i)\\b(DBAs?|DevOps|SREs?|on-?call|engineers?|developers?|owners?|incident commander|release manager|app team|platform team|ops|operators?|leads?|support|product manager|PM|QA|security|everyone|team)\\b")
            let duration = M.regex("(?i)\\b\\d+(\\.\\d+)?\\s*([–-]\\s*\\d+(\\.\\d+)?\\s*)?(s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?)\\b")
            guard !indices.isEmpty else { return nil }
            var copy = plan
            for index in indices where !plan.blocks[index].kind.isCode {
                copy.blocks[index] = M.rewrite(plan.blocks[index]) { $0.replacing(owner, with: "").replacing(duration, with: "") }
            }
            return copy.text == plan.text ? nil : copy
        },
        Operator(name: "duplicate a section") { plan, m in
            let ranges = plan.blocks.indices.compactMap { index -> Range<Int>? in
                guard case .heading(let level) = plan.blocks[index].kind, level >= 2 else { return nil }
                var end = index + 1
                while end < plan.blocks.count { if case .heading(let other) = plan.blocks[end].kind, other <= level { break }; end += 1 }
                return index..<end
            }
            func size(_ range: Range<Int>) -> Int { plan.blocks[range].reduce(0) { $0 + $1.text.count } }
            guard let longest = ranges.max(by: { size($0) < size($1) }) else { return nil }
            var copy = plan
            copy.blocks += plan.blocks[longest]
            return copy
        },
        Operator(name: "remove the long-transaction risk") { plan, m in
            guard let span = QuantityReader.value(of: m.profile["long_transactions"]) else { return nil }
            return M.dropping(plan) { text in QuantityReader.find(.duration, in: text).contains { abs($0.value - span) < 1e-9 } }
        },
        Operator(name: "remove the version-specific changes") { plan, _ in
            let change = M.regex("(?i)scram|password_encryption|\\bpublic\\b|caching_sha2|mysql_native|authentication_plugin|featureCompatibility|\\bFCV\\b|SQL (Server )?Agent|Elastic Jobs?")
            return M.dropping(plan, code: true) { $0.contains(change) }
        },
        Operator(name: "name an unavailable tool in code") { plan, m in
            guard let tool = m.profile.list("tools.unavailable").first else { return nil }
            return M.inserting(.init(kind: .code(language: "bash"), text: "\(tool) --check\n", line: 0), into: plan,
                               after: m.sectionRanges(plan, M.cutover))
        },
        Operator(name: "leave placeholders") { plan, m in
            M.inserting(.init(kind: .code(language: "bash"), text: "psql -h <host> -d <your-db> -c \"SELECT 1;\"\n", line: 0), into: plan,
                        after: m.sectionRanges(plan, M.cutover))
        },
        Operator(name: "drop the replica handling") { plan, _ in
            let replica = M.regex("(?i)replica(?!\\s*sets?\\b)|standby|standbys|secondar(y|ies)")
            return M.dropping(plan, code: true) { $0.contains(replica) }
        },
        Operator(name: "delete the pre-flight checklist") { plan, m in
            let ranges = m.sectionRanges(plan, M.preflight)
            guard !ranges.isEmpty else { return nil }
            var copy = plan
            copy.blocks = plan.blocks.enumerated().filter { item in !ranges.contains { $0.contains(item.offset) } }.map(\.element)
            return copy
        },
    ]

    /// Takes the first verification step of the cutover and puts it right after the step that moves traffic.
    func moveVerificationAfterSwitch(_ plan: PlanDocument) -> PlanDocument? {
        let check = Self.regex("(?i)verif|validat|sanity|health check|count|checksum|compar|go/no-go|proceed only")
        let move = Self.regex("(?i)switch|re-?point|RESUME|connection string|DNS|endpoint|point (the )?(app|application|PgBouncer|service)|go[- ]live|open writes")
        for range in sectionRanges(plan, Self.cutover) {
            let units = PlanDocument.units(of: Array(plan.blocks[range])).map { unit in
                var unit = unit
                unit.block += range.lowerBound
                return unit
            }
            guard let verify = units.firstIndex(where: { !$0.isCode && $0.text.contains(check) }),
                  let switchAt = units[(verify + 1)...].firstIndex(where: { $0.text.contains(move) }) else { continue }
            let moved = units[verify]
            var copy = plan
            let target = units[switchAt].block
            copy.blocks.insert(.init(kind: .paragraph, text: moved.text, line: plan.blocks[target].line), at: target + 1)
            let source = plan.blocks[moved.block]
            if source.rows.isEmpty {
                copy.blocks.remove(at: moved.block)
            } else {
                copy.blocks[moved.block].rows = source.rows.filter { $0 != moved.text }
                copy.blocks[moved.block].text = copy.blocks[moved.block].rows.joined(separator: "\n")
            }
            return copy
        }
        return nil
    }
}
