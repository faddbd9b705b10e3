/// Evaluates conditions against a profile and records every test's result for `explain`.
public struct ConditionEvaluator: Sendable {
    public var profile: Profile

    public init(profile: Profile) { self.profile = profile }

    /// One line of an explanation: a test or a group, with its result.
    public struct Trace: Sendable, Hashable {
        public var depth: Int
        public var label: String
        public var passed: Bool
        /// The profile's value, or nil when the profile does not state the field.
        public var actual: String?
        /// Whether this line is a field test (false for `any`/`not` group headers).
        public var isTest: Bool
    }

    public func evaluate(_ condition: Condition) -> Bool {
        var ignored: [Trace] = []
        return evaluate(condition, depth: 0, trace: &ignored, recording: false)
    }

    public func explain(_ condition: Condition) -> (Bool, [Trace]) {
        var trace: [Trace] = []
        let result = evaluate(condition, depth: 0, trace: &trace, recording: true)
        return (result, trace)
    }

    private func evaluate(_ condition: Condition, depth: Int, trace: inout [Trace], recording: Bool) -> Bool {
        switch condition {
        case .all(let parts):
            var result = true
            for part in parts {
                // Explanations show every test, so recording does not short-circuit.
                result = evaluate(part, depth: depth, trace: &trace, recording: recording) && result
                if !result, !recording { return false }
            }
            return result
        case .any(let parts):
            let header = trace.count
            if recording { trace.append(Trace(depth: depth, label: "any of:", passed: false, actual: nil, isTest: false)) }
            var result = false
            for part in parts {
                result = evaluate(part, depth: depth + 1, trace: &trace, recording: recording) || result
                if result, !recording { return true }
            }
            if recording { trace[header].passed = result }
            return result
        case .not(let inner):
            let header = trace.count
            if recording { trace.append(Trace(depth: depth, label: "none of:", passed: false, actual: nil, isTest: false)) }
            let result = !evaluate(inner, depth: depth + 1, trace: &trace, recording: recording)
            if recording { trace[header].passed = result }
            return result
        case .test(let test):
            let value = profile[test.path]
            let result = Self.matches(value, test.predicate)
            if recording {
                trace.append(Trace(depth: depth, label: "\(test.path): \(test.written)", passed: result,
                                   actual: value?.description, isTest: true))
            }
            return result
        }
    }

    /// Whether `value` satisfies `predicate`. An absent value fails every test but `absent`.
    static func matches(_ value: FieldValue?, _ predicate: Predicate) -> Bool {
        switch predicate {
        case .present: return value != nil
        case .absent: return value == nil
        case .anyOf(let options): return options.contains { matches(value, $0) }
        default: break
        }
        guard let value else { return false }
        switch predicate {
        case .equals(let expected): return equal(value, expected)
        case .compare(let op, let expected):
            if op == .notEqual { return !equal(value, expected) }
            guard let order = value.compare(to: expected) else { return false }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            case .equal: return order == 0
            case .notEqual: return order != 0
            }
        case .range(let lower, let upper, let inclusive):
            guard let low = value.compare(to: lower), let high = value.compare(to: upper) else { return false }
            return low >= 0 && (inclusive ? high <= 0 : high < 0)
        default: return false
        }
    }

    static func equal(_ value: FieldValue, _ expected: FieldValue) -> Bool {
        switch (value, expected) {
        case (.list(let items), .text(let word)):
            return items.contains { $0.lowercased() == word.lowercased() }
        case (.text(let a), .text(let b)):
            return a.lowercased() == b.lowercased()
        default:
            if let order = value.compare(to: expected) { return order == 0 }
            return value == expected
        }
    }
}
