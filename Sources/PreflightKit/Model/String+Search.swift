import Foundation

extension String {
    /// Whether `needle` occurs in the text, compared byte for byte in UTF-8.
    ///
    /// A name of its own rather than an overload: Foundation's `contains(_:)` goes through CFString
    /// and UTF-16, which took a third of a 10,000-item build at the few hot call sites that use this,
    /// and every other call keeps Foundation's meaning.
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard hay.count >= pin.count, let base = hay.baseAddress, let first = pin.first else { return false }
                var offset = 0
                let last = hay.count - pin.count
                while offset <= last {
                    // memchr finds the next candidate; memcmp checks it.
                    guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pin.baseAddress!, pin.count) == 0 { return true }
                    offset += 1
                }
                return false
            }
        }
    }
}
