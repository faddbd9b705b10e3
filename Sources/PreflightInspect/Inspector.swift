import Foundation
import PreflightKit

/// Runs the content's probes against a live database, read-only, and collects what they measured and
/// found. Which probes run, with which SQL, follows from the server's version (and the target's, for
/// pairs such as the types `pg_upgrade` refuses); the Swift knows no check of its own.
public struct Inspector: Sendable {
    public var probes: [Probe]
    /// The migration's target version when no target server is given (from the profile).
    public var targetVersion: Version?
    public var profileID: String?

    public init(probes: [Probe], targetVersion: Version? = nil, profileID: String? = nil) {
        self.probes = probes.filter { $0.engine == "postgresql" }
        self.targetVersion = targetVersion
        self.profileID = profileID
    }

    /// Inspects `source`, comparing with `target` where a probe asks; `now` stamps the report.
    public func inspect(source: Database, target: Database?, now: Date = Date()) async -> InspectReport {
        var report = InspectReport(measuredAt: Self.timestamp(now),
                                   source: .init(address: source.address.description, version: source.serverVersion.description,
                                                 database: source.address.database),
                                   target: target.map { .init(address: $0.address.description, version: $0.serverVersion.description) },
                                   profile: profileID)
        let targetVersion = target?.serverVersion ?? targetVersion
        var planned: [(Probe, Probe.Query)] = []
        for probe in probes {
            guard let query = probe.query(source: source.serverVersion, target: targetVersion) else {
                let reason = probe.queries.contains { $0.target != nil } && targetVersion == nil
                    ? "needs the target version (--target-dsn, or a profile with target.version)"
                    : "no query for PostgreSQL \(source.serverVersion)" + (targetVersion.map { " → \($0)" } ?? "")
                report.skipped.append(.init(probe: probe.id, reason: reason))
                continue
            }
            if probe.comparesTarget && target == nil {
                report.skipped.append(.init(probe: probe.id, reason: "compares with the target: pass --target-dsn"))
                continue
            }
            planned.append((probe, query))
        }
        // Rates need two readings some time apart: take the first ones now, the rest run in between.
        var firstReadings: [String: (Double, Date)] = [:]
        for (probe, query) in planned where probe.sample != nil {
            if let rows = try? await source.rows(query.sql), let value = rows.first?["value"]?.number {
                firstReadings[probe.id] = (value, Date())
            }
        }
        for (probe, query) in planned where probe.sample == nil {
            do {
                let rows = try await source.rows(query.sql)
                if let finding = probe.finding {
                    var instances = rows
                    if probe.comparesTarget, let target, let targetSQL = query.targetSQL {
                        let present = Set(try await target.rows(targetSQL).compactMap { $0["name"]?.description })
                        instances = rows.filter { !present.contains($0["name"]?.description ?? "") }
                    }
                    if !instances.isEmpty { report.findings.append(Self.finding(probe, finding, instances)) }
                } else if let fact = FactReading(probe: probe, rows: rows).fact {
                    report.facts.append(fact)
                }
            } catch {
                report.skipped.append(.init(probe: probe.id, reason: error.message))
            }
        }
        for (probe, query) in planned where probe.sample != nil {
            guard let (first, start) = firstReadings[probe.id] else {
                report.skipped.append(.init(probe: probe.id, reason: "the first reading failed"))
                continue
            }
            let wait = probe.sample!.seconds - Date().timeIntervalSince(start)
            if wait > 0 { try? await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            do {
                let rows = try await source.rows(query.sql)
                guard let second = rows.first?["value"]?.number else { continue }
                let rate = max(0, second - first) / Date().timeIntervalSince(start)
                if let fact = FactReading(probe: probe, rows: [["value": .number(rate.rounded())]]).fact { report.facts.append(fact) }
            } catch {
                report.skipped.append(.init(probe: probe.id, reason: error.message))
            }
        }
        return report
    }

    static func finding(_ probe: Probe, _ spec: Probe.Finding, _ rows: [[String: SQLValue]]) -> InspectReport.Finding {
        let names = rows.map { $0["name"]?.description ?? "?" }
        let details = rows.map { $0["detail"]?.description ?? "" }
        var shown = names.prefix(10).joined(separator: ", ")
        if names.count > 10 { shown += " and \(names.count - 10) more" }
        let message = spec.message.replacingOccurrences(of: "{{count}}", with: String(names.count))
            .replacingOccurrences(of: "{{names}}", with: shown)
        return InspectReport.Finding(probe: probe.id, title: probe.title, severity: spec.severity, step: spec.step,
                                     rulesOut: spec.rulesOut, verdict: spec.verdict, message: message, names: names,
                                     details: details.allSatisfy(\.isEmpty) ? [] : details)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
