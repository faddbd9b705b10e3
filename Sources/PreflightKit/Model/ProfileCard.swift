import Foundation

/// What the site index needs to list a profile without loading it again.
public struct ProfileCard: Sendable, Codable {
    public var id: String
    public var name: String

    public init(_ profile: Profile) {
        id = profile.id
        name = profile.name
    }

    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
