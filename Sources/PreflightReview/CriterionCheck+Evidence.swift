import PreflightKit
/// Checks that want their evidence in one place: a number compared with the profile's, several facts
/// in one row, a tool named without an excuse, one step before another, nothing pasted twice.
extension CriterionCheck {
    /// The blocks of the sections `key` names, or the whole plan when the check names none.
    func scope(_ plan: PlanDocument, _ key: String = "section") -> [PlanDocument.Block]? {
        guard spec[key] != nil else { return plan.blocks }
        let found = sections(plan, key)
        return found.isEmpty ? nil : found.flatMap(\.blocks)
    }

    func missingSection(_ key: String = "section") -> Outcome {
        Outcome(passed: false, evidence: "no section headed like \(list(key).prefix(3).map { "“\($0)”" }.joined(separator: ", "))", line: nil)
    }

    /// `profile-quantity`: the plan states the profile's value of `field` next to `near`, read as a number.
    /// `relation: at-most` (a trigger may be stricter, never looser) and `at-least` hold for every value
    /// stated; `equal` (the default) wants one value equal to the profile's.
    func profileQuantity(_ plan: PlanDocument) -> Outcome {
        guard let field = list("field").first, let near = regex("near") else {
            return Outcome(passed: false, evidence: "no field or near pattern", line: nil)
        }
        guard let dimension = QuantityReader.Dimension(profile[field]), let wanted = QuantityReader.value(of: profile[field])
        else { return Outcome(passed: true, evidence: "the profile states no \(field)", line: nil) }
        guard let blocks = scope(plan) else { return missingSection() }
        let stated = profile[field]?.description ?? ""
        var found: [(value: Double, text: String, line: Int)] = []
        for unit in PlanDocument.units(of: blocks, sentences: true) where !unit.isCode {
            for match in unit.text.matches(of: near) {
                if let quantity = QuantityReader.nearest(dimension, in: unit.text, to: match.range) {
                    found.append((quantity.value, String(unit.text[quantity.range]), unit.line))
                }
            }
        }
        let relation = spec["relation"]?.string ?? "equal"
        let tolerance = 1e-9
        switch relation {
        case "at-most", "at-least":
            let looser = found.first { relation == "at-most" ? $0.value > wanted + tolerance : $0.value < wanted - tolerance }
            if let looser {
                return Outcome(passed: false, evidence: "“\(looser.text)” is looser than the profile's \(stated) (\(field))", line: looser.line)
            }
            guard let first = found.first else {
                return Outcome(passed: false, evidence: "states no value for \(field) (the profile says \(stated))", line: nil)
            }
            return Outcome(passed: true, evidence: "“\(first.text)” against the profile's \(stated)", line: first.line)
        default:
            if let match = found.first(where: { abs($0.value - wanted) <= tolerance }) {
                return Outcome(passed: true, evidence: "“\(match.text)”, the profile's \(stated)", line: match.line)
            }
            return Outcome(passed: false, evidence: "never states the profile's \(stated) (\(field))", line: found.first?.line)
        }
    }

    /// `rows-match`: at least `min` rows, items or paragraphs each match every one of `patterns`, read
    /// together with the sub-heading above them.
    func rowsMatch(_ plan: PlanDocument) -> Outcome {
        let patterns = list("patterns").compactMap { PlanPattern($0) }
        guard !patterns.isEmpty, patterns.count == list("patterns").count else {
            return Outcome(passed: false, evidence: "invalid patterns", line: nil)
        }
        guard let blocks = scope(plan) else { return missingSection() }
        // A row is read with the sub-heading it sits under: "Week before (owner: DBA)" owns its steps.
        var heading = ""
        var rows: [PlanDocument.Unit] = []
        for unit in PlanDocument.units(of: blocks) where !unit.isCode {
            if case .heading = blocks[unit.block].kind {
                heading = unit.text
                continue
            }
            let text = heading + "\n" + unit.text
            if patterns.allSatisfy({ text.contains($0) }) { rows.append(unit) }
        }
        if rows.count >= minimum, let first = rows.first {
            return Outcome(passed: true, evidence: "“\(SVG.clip(first.text, 70))”", line: first.line)
        }
        return Outcome(passed: false, evidence: "\(rows.count) of the \(minimum) required row(s) say all of it", line: rows.first?.line)
    }

    /// `prose-lacks-profile`: no sentence outside code recommends a tool of `field` unless it says why
    /// not (`unless`), as in "pg_upgrade is not available, so…".
    func proseLacksProfile(_ plan: PlanDocument) -> Outcome {
        guard let field = list("field").first else { return Outcome(passed: false, evidence: "no field", line: nil) }
        let tools = words(for: field)
        let patterns = tools.compactMap { tool in wordPattern(tool).map { (tool, $0) } }
        let excuse = regex("unless")
        for unit in PlanDocument.units(of: plan.blocks, sentences: true) where !unit.isCode {
            let lower = unit.text.lowercased()
            guard tools.contains(where: { lower.contains($0.lowercased()) }),
                  let tool = patterns.first(where: { unit.text.contains($0.1) })?.0 else { continue }
            if let excuse, unit.text.contains(excuse) { continue }
            return Outcome(passed: false, evidence: "“\(SVG.clip(unit.text, 80))” relies on \(tool), which the profile lists in \(field)",
                           line: unit.line)
        }
        return Outcome(passed: true, evidence: "no sentence relies on \(tools.prefix(3).joined(separator: ", "))", line: nil)
    }

    /// `section-order`: inside the section, something matching `first` comes before the first thing
    /// matching `then` (the target is verified before traffic moves to it). A check that states its
    /// own place in words (`anywhere`: "each command is gated: …") counts wherever it stands.
    func sectionOrder(_ plan: PlanDocument) -> Outcome {
        guard let first = regex("first"), let then = regex("then") else {
            return Outcome(passed: false, evidence: "invalid pattern", line: nil)
        }
        guard let blocks = scope(plan) else { return missingSection() }
        let units = PlanDocument.units(of: blocks)
        if let anywhere = regex("anywhere"),
           let gate = units.first(where: { !$0.isCode && $0.text.contains(anywhere) && $0.text.contains(first) }) {
            return Outcome(passed: true, evidence: "“\(SVG.clip(gate.text, 60))” gates the steps", line: gate.line)
        }
        guard let before = units.firstIndex(where: { $0.text.contains(first) }) else {
            return Outcome(passed: false, evidence: "nothing in the section checks the target before the switch", line: nil)
        }
        if let after = units.firstIndex(where: { $0.text.contains(then) }), after < before {
            return Outcome(passed: false, evidence: "“\(SVG.clip(units[after].text, 50))” comes before any check (line \(units[before].line))",
                           line: units[after].line)
        }
        return Outcome(passed: true, evidence: "“\(SVG.clip(units[before].text, 60))” comes first", line: units[before].line)
    }

    /// `no-duplicates`: no paragraph, list or table of at least `min` words appears twice.
    func noDuplicates(_ plan: PlanDocument) -> Outcome {
        var seen: [String: Int] = [:]
        for block in plan.blocks {
            switch block.kind {
            case .paragraph, .list, .table: break
            default: continue
            }
            let words = block.text.lowercased().split(whereSeparator: { $0.isWhitespace })
            guard words.count >= minimum else { continue }
            let key = words.joined(separator: " ")
            if let earlier = seen[key] {
                return Outcome(passed: false, evidence: "“\(SVG.clip(block.text, 60))” repeats line \(earlier)", line: block.line)
            }
            seen[key] = block.line
        }
        return Outcome(passed: true, evidence: "no passage of \(minimum)+ words repeats", line: nil)
    }
}
