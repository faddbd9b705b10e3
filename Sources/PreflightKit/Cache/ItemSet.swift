import Foundation

/// Sets of items as bitsets over one sorted list of ids, small enough to keep one per profile in
/// the manifest of a fleet build (a hundred bytes for six hundred items, where the ids would take
/// twenty kilobytes). An encoded set starts with a hash of the id list it was taken over, so a set
/// from a build with other items is never read against this one's.
public struct ItemSet: Sendable {
    /// Every item's id, sorted; a set's bit `i` stands for `ids[i]`.
    public let ids: [String]
    private let positions: [String: Int]
    private let signature: String

    /// - Parameter ids: every item's id, in any order.
    public init(ids: [String]) {
        self.ids = ids.sorted()
        positions = Dictionary(self.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var key = KeyBuilder()
        for id in self.ids { key.add(id) }
        signature = key.hash.description
    }

    /// `ids` as the signature of the id list, a colon and base64 of their bits.
    public func encode(_ ids: some Sequence<String>) -> String {
        var bytes = [UInt8](repeating: 0, count: (self.ids.count + 7) / 8)
        for id in ids {
            guard let position = positions[id] else { continue }
            bytes[position / 8] |= 1 << UInt8(position % 8)
        }
        return signature + ":" + Data(bytes).base64EncodedString()
    }

    /// Whether the encoded set holds any of `ids`; true when it cannot be read or was taken over
    /// other items, so that a doubtful entry means a rebuild rather than a skipped one.
    public func contains(anyOf ids: some Sequence<String>, in encoded: String) -> Bool {
        let parts = encoded.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == signature, let data = Data(base64Encoded: String(parts[1])),
              data.count == (self.ids.count + 7) / 8 else { return true }
        let bytes = [UInt8](data)
        return ids.contains { id in
            guard let position = positions[id] else { return true }
            return bytes[position / 8] & (1 << UInt8(position % 8)) != 0
        }
    }
}
