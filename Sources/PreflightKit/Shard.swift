/// One machine's share of a fleet build: `--shard K/N` builds the K-th of every N profiles, so N
/// machines (the jobs of a CI matrix) together build each profile exactly once.
///
/// Profiles are dealt out by their ids, sorted, not by where they were found: every machine that
/// reads the same inputs deals the same hands, whatever its file system lists first. Sources that
/// share an id (a duplicate the build refuses) fall to the same shard, which reports the refusal.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based: the first shard is `1/N`.
    public let index: Int
    public let count: Int

    /// Why a `K/N` could not be read, in words a user can act on.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(index: Int, count: Int) throws(ParseError) {
        guard count >= 1, (1...count).contains(index) else {
            throw ParseError(description: "a shard is K/N with 1 ≤ K ≤ N, such as 1/3, 2/3 and 3/3; \(index)/\(count) is not one")
        }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`, such as `2/3`.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(String(parts[0]).trimmingSpaces), let count = Int(String(parts[1]).trimmingSpaces) else {
            throw ParseError(description: "write the shard as K/N, such as 2/3 for the second of three machines; `\(text)` is not that form")
        }
        try self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The sources of this shard, in the order they came.
    func share(of sources: [ProfileLoader.Loaded]) -> [ProfileLoader.Loaded] {
        let ids = Set(sources.map(\.id)).sorted()
        let mine = Set(ids.enumerated().filter { $0.offset % count == index - 1 }.map(\.element))
        return sources.filter { mine.contains($0.id) }
    }
}
