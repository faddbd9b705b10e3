import Synchronization

/// Values remembered by the text they were computed from, emptied when their estimated size passes
/// a budget: bodies with profile values in them differ per profile, so in a fleet of hundreds an
/// unbounded memo would grow with every profile. The value is computed outside the lock: two
/// threads may compute the same one, never wait on each other.
final class BoundedMemo<Value: Sendable>: Sendable {
    private let state = Mutex<(values: [TextKey: Value], bytes: Int)>(([:], 0))
    private let budget: Int

    init(budget: Int = 24 << 20) { self.budget = budget }

    func value(for text: String, variant: Bool = false, compute: () -> Value) -> Value {
        let key = TextKey(text, variant: variant)
        if let cached = state.withLock({ $0.values[key] }) { return cached }
        let value = compute()
        state.withLock { state in
            if state.bytes > budget { state = ([:], 0) }
            state.values[key] = value
            // Twice the text and a little: an estimate, not an account.
            state.bytes += key.length * 2 + 64
        }
        return value
    }

    /// Two XXH64 hashes with different seeds and the length: a memo holds no copy of the text, and a
    /// false match would need a 128-bit collision between texts of the same length.
    struct TextKey: Hashable {
        var first: UInt64
        var second: UInt64
        var length: Int
        var variant: Bool

        init(_ text: String, variant: Bool) {
            var text = text
            (first, second) = text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                return (ContentHash.xxh64(raw, seed: 0), ContentHash.xxh64(raw, seed: 0x9E37_79B9_7F4A_7C15))
            }
            length = text.utf8.count
            self.variant = variant
        }
    }
}
