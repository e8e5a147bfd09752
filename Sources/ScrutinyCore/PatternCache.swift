import Foundation

/// Compiled regular expressions, one set per thread: compiling a pattern costs far more
/// than matching it, and rules test the same patterns on every cell.
///
/// Per thread, not shared: an `NSRegularExpression` used by two threads at once makes the
/// second clone its ICU matcher for the call (swift-corelibs-foundation checks the matcher
/// out with a compare-and-swap and clones it when another thread holds it), and a shared
/// table needed a lock on every lookup — both cost the most when jobs run side by side.
public enum PatternCache {
    /// One thread's compiled patterns.
    final class Table { var compiled: [String: NSRegularExpression] = [:] }
    private static let tables = PerThread { Table() }

    /// The compiled form of an ICU pattern (compiled once per thread).
    public static func regex(_ pattern: String) -> NSRegularExpression {
        let table = tables.value
        if let r = table.compiled[pattern] { return r }
        let r = try! NSRegularExpression(pattern: pattern)
        table.compiled[pattern] = r
        return r
    }
}

/// A value each thread makes for itself on first use and keeps while it lives, so threads
/// never share it: no lock, and no reference count bouncing between cores. For `static`
/// storage only: each instance takes a POSIX thread-specific key, and keys are few.
public final class PerThread<Value: AnyObject>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private var key = pthread_key_t()

    /// `make` builds a thread's value the first time that thread asks.
    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        // a thread's value is released when the thread ends
        #if canImport(Darwin)
        pthread_key_create(&key) { Unmanaged<AnyObject>.fromOpaque($0).release() }
        #else
        pthread_key_create(&key) { $0.map { Unmanaged<AnyObject>.fromOpaque($0).release() } }
        #endif
    }

    /// This thread's value.
    public var value: Value {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(pointer).takeUnretainedValue()
        }
        let made = make()
        pthread_setspecific(key, Unmanaged<Value>.passRetained(made).toOpaque())
        return made
    }
}

extension StringProtocol {
    /// Whether an ICU regular expression matches anywhere in the text (compiled once, cached).
    public func matches(pattern: String) -> Bool {
        let s = String(self)
        return PatternCache.regex(pattern).firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}

/// How many answers a `BoundedMemo` keeps before it starts again: enough for every
/// distinct label or cell of a long paper, small enough to stay a few megabytes.
public enum MemoCapacity {
    /// Header and row labels, dates and period labels: a paper has hundreds.
    public static let labels = 20_000
    /// Table cells: a paper has thousands.
    public static let cells = 50_000
}

/// Answers already worked out for a pure function of a value that recurs (a header label,
/// a table cell), shared by threads. Remembers "no answer" too. Bounded: emptied when it
/// holds `capacity` keys, so an archive's stream of mostly distinct keys cannot grow it.
public final class BoundedMemo<Key: Hashable, Value>: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var answers: [Key: Value?] = [:]

    public init(capacity: Int) { self.capacity = capacity }

    /// The remembered answer for `key`, working it out with `compute` the first time.
    public func value(for key: Key, compute: (Key) -> Value?) -> Value? {
        lock.lock()
        if let known = answers[key] { lock.unlock(); return known }
        lock.unlock()
        let answer = compute(key)
        lock.lock(); defer { lock.unlock() }
        if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
        answers[key] = .some(answer)
        return answer
    }
}
