/// The cache key of one profile's output: everything that output is a function of, hashed.
///
/// - the tool and the build settings (readers, raw HTML, the source date);
/// - every file of every layer that is not an item (vocabulary, theme, an overlay's `overlay.yml`,
///   and the items an overlay replaced or disabled): they shape every page;
/// - the profile's own values, in a canonical form, so a reformatted file or a CSV row that means
///   the same thing keeps its key;
/// - for each item, its whole file when the profile's documents can show it: every item whose
///   condition holds (role pages, the risk register, the rubric and the notices show those for
///   every reader, not only for the profile's own), and the kinds the assembly reads for every
///   profile; otherwise only what `explain.json` and the overview say about it: id, kind, title and
///   the verdict with its trace.
///
/// A body edit to an item whose condition fails for a profile therefore leaves that profile's key alone.
public struct ProfileKey: Sendable {
    /// Kinds whose items the assembly reads whatever the selection says: the strategy advisor reads
    /// every strategy, profile lint every mistake.
    static let kindsReadForEveryProfile: Set<Kind> = [.strategy, .mistake]

    public var global: ContentHash
    let scan: InputScan

    /// - Parameters:
    ///   - scan: hashes of the input files.
    ///   - content: the loaded content, to tell item files from the rest.
    ///   - settings: anything else that changes every output (see `BuildRequest.settingsKey`).
    public init(scan: InputScan, content: ContentSet, settings: String) {
        self.scan = scan
        let itemFiles = Set(content.items.map(\.file))
        global = scan.fingerprint(in: content.layers, seed: settings) { path, relative in
            !itemFiles.contains(path) && !relative.hasPrefix("profiles/")
        }
    }

    /// The profile's id, name and values in canonical form: full precision, whatever the file's layout.
    static func profileHash(_ profile: Profile) -> ContentHash {
        var key = KeyBuilder()
        key.add(profile.id)
        key.add(profile.name)
        for (path, value) in profile.values.sorted(by: { $0.key < $1.key }) {
            key.add(path)
            key.add(String(reflecting: value))
        }
        if let measured = profile.measured {
            key.add(measured.measuredAt)
            for finding in measured.findings { key.add(finding.step + finding.message + finding.verdict + finding.rulesOut.joined()) }
        }
        return key.hash
    }

    /// The key of the profile's output under this selection.
    public func key(for selection: Selection) -> String {
        var key = KeyBuilder()
        key.add(global)
        key.add(Self.profileHash(selection.profile))
        for role in selection.readers { key.add(role.rawValue) }
        for decision in selection.decisions {
            let item = decision.item
            key.add(item.id)
            key.add(item.kind.rawValue)
            key.add(decision.included ? 2 : decision.forReaders ? 1 : 0)
            if Self.showsFile(decision) {
                // An item without a scanned file (never the case for loaded content) keys on its title.
                key.add(scan.files[item.file] ?? ContentHash(item.title))
            } else {
                key.add(item.title)
                for line in decision.trace {
                    key.add(UInt64(line.depth))
                    key.add(line.label)
                    key.add(line.passed ? 1 : 0)
                    key.add(line.actual ?? "\u{0}")
                }
            }
        }
        return key.hash.description
    }

    /// Whether the profile's documents can show the item's file (and so its key must take the file).
    static func showsFile(_ decision: Selection.Decision) -> Bool {
        decision.conditionHolds || kindsReadForEveryProfile.contains(decision.item.kind)
    }
}
