import PreflightKit
/// `versions-match`: the plan names the profile's versions and no other version of those engines.
extension CriterionCheck {
    func versionsMatch(_ plan: PlanDocument) -> Outcome {
        let fields = list("fields")
        var expected: [(engine: String, version: Version)] = []
        for field in fields {
            let side = field.split(separator: ".").first.map(String.init) ?? ""
            guard let version = profile.version(field), let engine = profile.text("\(side).engine") else { continue }
            expected.append((engine, version))
        }
        guard !expected.isEmpty else { return Outcome(passed: true, evidence: "the profile states no versions", line: nil) }
        var found: [(String, Version, Int)] = []
        var reversed: (text: String, line: Int)?
        // One pattern per engine name, compiled once for every block.
        var patterns: [(engine: String, pattern: PlanPattern)] = []
        for (engine, _) in expected {
            for name in Set(names(for: engine)) {
                let escaped = name.map { "\\^$.|?*+()[]{}".contains($0) ? "\\\($0)" : String($0) }.joined()
                // "PostgreSQL 12", "PostgreSQL v15.5", and the second version of "PostgreSQL 12 to 15".
                let number = "v?([0-9]+(?:\\.[0-9]+){0,2})"
                // Not inside identifiers such as $MONGO60_URI or the `mysql2` gem: nothing word-like on either
                // side, and a space or hyphen between the name and the number.
                if let pattern = PlanPattern("(?i)(?:^|[^A-Za-z0-9_$])\(escaped)(?:\\s+|-)(?:version\\s*)?\(number)(?![A-Za-z0-9_])(?:\\s*(?:to|→|->|–)\\s*(?:\(escaped)\\s*)?\(number)(?![A-Za-z0-9_]))?") {
                    patterns.append((engine, pattern))
                }
            }
        }
        // Products named after the engine ("Spring Data MongoDB 4.2") carry their own version numbers.
        let products = vocabulary.terms.values.flatMap { $0 }.map { $0.lowercased() }
        for block in plan.blocks {
            for (engine, pattern) in patterns {
                for match in block.text.matches(of: pattern) {
                    if isProductName(before: block.text[..<match.range.lowerBound], engine: engine, products: products) { continue }
                    // "12 to 15" reads as written: the first is where the data comes from.
                    if reversed == nil, let from = match.group(1).flatMap({ try? Version.parse(String(block.text[$0])).get() }),
                       let to = match.group(2).flatMap({ try? Version.parse(String(block.text[$0])).get() }),
                       isReversed(from: from, to: to, engine: engine) {
                        reversed = (String(block.text[match.range]), block.line)
                    }
                    for group in [1, 2] {
                        guard let range = match.group(group),
                              case .success(let version) = Version.parse(String(block.text[range])) else { continue }
                        found.append((engine, version, block.line))
                    }
                }
            }
        }
        for (engine, version) in expected where !found.contains(where: { $0.0 == engine && agrees($0.1, version) }) {
            return Outcome(passed: false, evidence: "never names \(vocabulary.displayName(engine)) \(version)", line: nil)
        }
        if let reversed {
            return Outcome(passed: false, evidence: "“\(reversed.text.trimmingSpaces)” runs from the profile's target to its source",
                           line: reversed.line)
        }
        // Versions on the way are expected too: MongoDB 4.4 → 6.0 passes through 5.0.
        let known = expected.map(\.version) + (UpgradePath.hops(for: profile, vocabulary: vocabulary) ?? [])
        if let wrong = found.first(where: { item in
            expected.contains { $0.engine == item.0 } && !known.contains { agrees(item.1, $0) }
        }) {
            return Outcome(passed: false, evidence: "names \(vocabulary.displayName(wrong.0)) \(wrong.1), which the profile does not",
                           line: wrong.2)
        }
        return Outcome(passed: true, evidence: expected.map { "\(vocabulary.displayName($0.engine)) \($0.version)" }.joined(separator: " and "),
                       line: found.first?.2)
    }

    /// Whether the engine name just matched ends a product's name ("Spring Data" before "MongoDB 4.2").
    func isProductName(before: Substring, engine: String, products: [String]) -> Bool {
        let text = before.lowercased().trimmingSpaces
        return names(for: engine).contains { name in
            products.contains { product in
                product.hasSuffix(" " + name.lowercased()) && text.hasSuffix(String(product.dropLast(name.count)).trimmingSpaces)
            }
        }
    }

    /// A pair that names the target first and the source second, for an upgrade within one engine.
    func isReversed(from: Version, to: Version, engine: String) -> Bool {
        guard let source = profile.version("source.version"), let target = profile.version("target.version"),
              profile.text("source.engine").map({ vocabulary.family(of: $0) }) == profile.text("target.engine").map({ vocabulary.family(of: $0) }),
              profile.text("source.engine").map({ vocabulary.family(of: $0) }) == vocabulary.family(of: engine),
              !agrees(source, target) else { return false }
        return agrees(from, target) && !agrees(from, source) && agrees(to, source) && !agrees(to, target)
    }

    /// Equal at the precision of the shorter of the two (`15` agrees with `15.5`).
    func agrees(_ a: Version, _ b: Version) -> Bool {
        let shorter = a.components.count <= b.components.count ? a : b
        let longer = a.components.count <= b.components.count ? b : a
        return longer.compare(atPrecisionOf: shorter) == 0
    }

    func names(for engine: String) -> [String] {
        [vocabulary.displayName(engine)] + (vocabulary.engines[engine]?.aliases ?? []).filter { $0.count > 2 }
    }
}
