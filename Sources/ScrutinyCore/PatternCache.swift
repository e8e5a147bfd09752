import Foundation

/// Compiled regular expressions shared across calls and threads: compiling a pattern
/// costs far more than matching it, and rules test the same patterns on every cell.
public enum PatternCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]

    /// The compiled form of an ICU pattern (compiled once per process).
    public static func regex(_ pattern: String) -> NSRegularExpression {
        lock.lock(); defer { lock.unlock() }
        if let r = compiled[pattern] { return r }
        let r = try! NSRegularExpression(pattern: pattern)
        compiled[pattern] = r
        return r
    }
}

extension StringProtocol {
    /// Whether an ICU regular expression matches anywhere in the text (compiled once, cached).
    public func matches(pattern: String) -> Bool {
        let s = String(self)
        return PatternCache.regex(pattern).firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
