/// Dated facts against the profile's window: an item that says what held on its `as_of` date (an end
/// of life, a minimum minor version, a price) may no longer hold when the migration happens.
///
/// A profile whose `window.starts` falls more than `maximumAge` after the `as_of` of an item it
/// includes gets a warning naming the item, so that someone re-checks those facts before relying on
/// them. Profiles without a start date, and items without `as_of`, are not judged.
public struct DatedFactsLint: Sendable {
    /// How long dated facts are trusted: vendors revise support calendars and minimum versions about
    /// yearly, so a year-old statement deserves a second look.
    public static let maximumAge = MonthSpan(months: 12)

    public init() {}

    public func diagnostics(_ profile: Profile, content: ContentSet) -> [Diagnostic] {
        guard let written = profile.text("window.starts"), let starts = CalendarDate.parseDatePart(of: written) else { return [] }
        let evaluator = ConditionEvaluator(profile: profile)
        let readers = profile.readers
        let location = profile.locations["window.starts"] ?? profile.location
        return content.items.filter { item in
            guard let asOf = item.asOf, asOf.adding(months: Self.maximumAge.months) < starts else { return false }
            // Included as the selection decides it for the profile's own readers.
            return (item.roles.isEmpty || item.roles.contains { readers.contains($0) }) && evaluator.evaluate(item.when)
        }
        .sorted { $0.id < $1.id }
        .map { item in
            let asOf = item.asOf.map(\.description) ?? ""
            return .warning(.factsOlderThanWindow,
                            "`\(item.id)` states facts as of \(asOf); the window starts \(starts): re-check them",
                            at: location,
                            hint: "the window is more than \(Self.maximumAge) after them: confirm them against the sources of `\(item.id)` (\(item.file)) and update its `as_of`")
        }
    }
}
