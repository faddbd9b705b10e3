import PreflightKit
/// `catalog-versions`: every setting, function, view or catalog column the plan cites exists in the
/// version it is cited for, by the engine's catalog in content.
///
/// A citation belongs to the version stated closest before it (the comment above a command, the start of
/// the sentence), else the one after it in the same sentence, else the paragraph that introduces the block,
/// else the section's heading. Statements read as written: "PostgreSQL 13 and later" means 13, "the
/// 12.17 primary" the source, `$SOURCE_URL` or "the target" the side the check's cues name. A citation no
/// version statement claims must exist on the source or the target. A sentence that says the name is
/// gone or arrived later (`unless`) is not a citation.
extension CriterionCheck {
    struct Side {
        var engine: String
        /// Nil for a side the profile gives no version (a managed service such as Azure SQL Database).
        var version: Version?
        var cue: PlanPattern?
    }

    /// What a citation is said to be for: a version, a statement that cannot be judged ("12 to 15", a
    /// side without a version), or nothing at all.
    enum Claim {
        case version(Version), unknown, none
    }

    /// A version statement at a place in a text; `nil` version for "12 to 15", which claims neither.
    struct Cue {
        var range: Range<String.Index>
        var engine: String
        var version: Version?

        var claim: Claim { version.map(Claim.version) ?? .unknown }
    }

    func catalogVersions(_ plan: PlanDocument) -> Outcome {
        var sides: [Side] = []
        for (name, key) in [("source", "source-cue"), ("target", "target-cue")] {
            guard let engine = profile.text("\(name).engine") else { continue }
            sides.append(Side(engine: vocabulary.family(of: engine), version: profile.version("\(name).version"), cue: regex(key)))
        }
        let engines = Set(sides.map(\.engine)).filter { catalogs[$0] != nil }.sorted()
        guard !engines.isEmpty else { return Outcome(passed: true, evidence: "no version catalog for the profile's engines", line: nil) }
        var checked = 0
        let sectionOf = sectionIndex(plan)
        let unless = regex("unless")
        for engine in engines {
            guard let catalog = catalogs[engine] else { continue }
            let own = sides.filter { $0.engine == engine }
            // The catalog's entries by name, once: each identifier of a block then costs one lookup,
            // where testing every entry against every block grew with both.
            var byName: [String: [Int]] = [:]
            for (position, entry) in catalog.entries.enumerated() { byName[entry.name.lowercased(), default: []].append(position) }
            for (index, block) in plan.blocks.enumerated() {
                let words = Set(block.text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
                // In the catalog's order, as before: the first absent name is the one reported.
                let cited = words.flatMap { byName[$0] ?? [] }.sorted().map { catalog.entries[$0] }
                for entry in cited {
                    for mention in mentions(of: entry, in: block) {
                        checked += 1
                        // "query_cache_size is gone in 8.0" says the name is absent: it is not a citation.
                        if !block.kind.isCode, let unless, block.text[lineRange(of: mention, in: block)].contains(unless) { continue }
                        let versions: [Version]
                        switch claim(at: mention, block: index, plan: plan, sections: sectionOf, sides: sides, engine: engine) {
                        case .version(let version): versions = [version]
                        case .unknown: continue
                        // Unclaimed: it must exist on one of the two sides, when both can be judged.
                        case .none: versions = own.contains { $0.version == nil } ? [] : own.compactMap(\.version)
                        }
                        let verdicts = versions.map { VersionCatalog.presence(of: entry, in: $0) }
                        guard verdicts.allSatisfy({ if case .absent = $0 { true } else { false } }),
                              case .absent(let reason)? = verdicts.first, let version = versions.first else { continue }
                        let name = entry.of.map { "\($0).\(entry.name)" } ?? entry.name
                        let target = versions.count > 1 ? "neither \(versions.map(\.description).joined(separator: " nor "))"
                            : "\(vocabulary.displayName(engine)) \(version)"
                        return Outcome(passed: false, evidence: "cites `\(name)` (\(entry.kind.rawValue)) for \(target), but it \(reason)",
                                       line: block.line)
                    }
                }
            }
        }
        return Outcome(passed: true, evidence: "\(checked) version-dependent name(s), each on a version that has it", line: nil)
    }

    /// Where `entry` is cited in `block`, in any case (SQL does not care): a function needs its
    /// parenthesis right after the name ("at least (" is prose), a column its table nearby.
    func mentions(of entry: VersionCatalog.Entry, in block: PlanDocument.Block) -> [Range<String.Index>] {
        let text = block.text
        if let table = entry.of, !contains(text, word: table) { return [] }
        let escaped = entry.name.map { "\\^$.|?*+()[]{}".contains($0) ? "\\\($0)" : String($0) }.joined()
        let tail = entry.kind == .function ? "\\(" : "(?![A-Za-z0-9_])"
        // The character before the name is matched, and the name captured (as Swift's Regex, which
        // has no lookbehind, needed; the patterns read the same in ICU).
        guard let pattern = PlanPattern("(?i)(?:^|[^A-Za-z0-9_$.])(" + escaped + ")" + tail) else { return [] }
        return text.matches(of: pattern).compactMap { $0.group(1) }
    }

    /// The version a citation is claimed for, or nil when nothing states one.
    func claim(at mention: Range<String.Index>, block index: Int, plan: PlanDocument, sections: [Int?],
               sides: [Side], engine: String) -> Claim {
        let block = plan.blocks[index]
        let line = lineRange(of: mention, in: block)
        let cues = self.cues(in: block.text, sides: sides).filter { $0.engine == engine }
        // In code, the closest statement above; in prose, the closest in the sentence, before first.
        let scope = block.kind.isCode ? block.text.startIndex..<line.upperBound : line
        if let before = cues.last(where: { $0.range.upperBound <= mention.lowerBound && $0.range.lowerBound >= scope.lowerBound }) {
            return before.claim
        }
        if let after = cues.first(where: { $0.range.lowerBound >= mention.upperBound && $0.range.upperBound <= scope.upperBound }) {
            return after.claim
        }
        // The sentence that introduces a command, then the headings above it.
        if index > 0, case .paragraph = plan.blocks[index - 1].kind, block.kind.isCode,
           let cue = self.cues(in: plan.blocks[index - 1].text, sides: sides).last(where: { $0.engine == engine }) {
            return cue.claim
        }
        var heading = sections[index]
        while let current = heading {
            if let cue = self.cues(in: plan.blocks[current].text, sides: sides).last(where: { $0.engine == engine }) {
                return cue.claim
            }
            heading = sections[current]
        }
        return .none
    }

    /// For each block, the index of the heading it sits under (for a heading, its parent's).
    func sectionIndex(_ plan: PlanDocument) -> [Int?] {
        var stack: [(level: Int, index: Int)] = []
        return plan.blocks.enumerated().map { index, block in
            if case .heading(let level) = block.kind {
                while let last = stack.last, last.level >= level { stack.removeLast() }
                let parent = stack.last?.index
                stack.append((level, index))
                return parent
            }
            return stack.last?.index
        }
    }

    /// The sentence (prose) or line (code) around a range.
    func lineRange(of range: Range<String.Index>, in block: PlanDocument.Block) -> Range<String.Index> {
        let text = block.text
        let stops: Set<Character> = block.kind.isCode ? ["\n"] : ["\n", ".", "!", "?", ";"]
        var start = range.lowerBound
        while start > text.startIndex {
            let previous = text.index(before: start)
            // A dot inside a number (12.17) does not end a sentence.
            if stops.contains(text[previous]), !(text[previous] == "." && previous > text.startIndex
                && text[text.index(before: previous)].isNumber) { break }
            start = previous
        }
        let end = text[range.upperBound...].firstIndex(where: { $0 == "\n" || (!block.kind.isCode && stops.contains($0) && $0 != ".") })
            ?? text.endIndex
        return start..<end
    }

    /// Version statements in `text`: an engine name with a number ("PostgreSQL 12", "pg15"), one of the
    /// profile's full versions ("12.17"), or a side's cue words ("the target", `$SOURCE_URL`).
    func cues(in text: String, sides: [Side]) -> [Cue] {
        var found: [Cue] = []
        for engine in Set(sides.map(\.engine)) {
            let names = ([vocabulary.displayName(engine)] + (vocabulary.engines[engine]?.aliases ?? []))
                .map { $0.map { "\\^$.|?*+()[]{}".contains($0) ? "\\\($0)" : String($0) }.joined() }
            let number = "v?([0-9]+(?:\\.[0-9]+){0,2})(?![0-9A-Za-z])"
            let pair = "(?:\\s*(?:to|→|->|–)\\s*(?:(?:\(names.joined(separator: "|")))[\\s-]?)?v?[0-9]+(?:\\.[0-9]+){0,2}(?![0-9A-Za-z]))?"
            if let pattern = PlanPattern("(?i)(?:^|[^A-Za-z0-9_$])(?:\(names.joined(separator: "|")))[\\s-]?(?:version\\s*)?\(number)\(pair)") {
                for match in text.matches(of: pattern) {
                    let isPair = text[match.range].range(of: "[0-9]\\s*(to|→|->|–)\\s*", options: .regularExpression) != nil
                    let version = match.group(1).flatMap { try? Version.parse(String(text[$0])).get() }
                    found.append(Cue(range: match.range, engine: engine, version: isPair ? nil : version.map { read($0, engine, sides) }))
                }
            }
        }
        for side in sides {
            // A full version with its minor ("12.17") is unmistakable even without the engine's name.
            if let version = side.version, version.components.count > 1,
               let pattern = PlanPattern("(?:^|[^0-9.])\(version.description.replacingOccurrences(of: ".", with: "\\."))(?![0-9])") {
                found += text.matches(of: pattern).map { Cue(range: $0.range, engine: side.engine, version: version) }
            }
            if let cue = side.cue {
                found += text.matches(of: cue).map { Cue(range: $0.range, engine: side.engine, version: side.version) }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A stated version as the profile's own when it agrees with one ("15" is the 15.5 target).
    func read(_ version: Version, _ engine: String, _ sides: [Side]) -> Version {
        sides.compactMap { side in side.version.flatMap { side.engine == engine && agrees($0, version) ? $0 : nil } }.first ?? version
    }
}

extension PlanDocument.BlockKind {
    var isCode: Bool { if case .code = self { true } else { false } }
}
