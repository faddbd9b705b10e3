import CPreflightSystem
import Foundation

extension String {
    /// Byte-level substring test that wins overload resolution over Foundation's generic
    /// `StringProtocol.contains(_:)` everywhere in this module.
    ///
    /// Foundation's version goes through `CFStringFind` and converts both sides to UTF-16, which
    /// made it the single largest cost of a 10,000-item build; UTF-8 equality of the bytes is
    /// equivalent for the literal ASCII needles this code searches for.
    public func contains(_ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard hay.count >= pin.count, let base = hay.baseAddress, let pinBase = pin.baseAddress else { return false }
                return preflight_contains_bytes(base, hay.count, pinBase, pin.count) != 0
            }
        }
    }
}
