import Foundation

/// The multiplier a money column header states (`£000` → 1000, `£m` → 1,000,000).
public enum MoneyScale {
    /// 1000 for `'000`, `£000`, `£'000`, `(£000s)`, `£k`; 1,000,000 for `£m`; nil otherwise.
    public static func scale(forHeader header: String) -> Double? {
        let h = header.lowercased().replacingOccurrences(of: "’", with: "'")
        if h.contains(rxMoneyScale1) { return 1000 }
        if h.contains(rxMoneyScale2) { return 1_000_000 }
        return nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
nonisolated(unsafe) private let rxMoneyScale1 = /£\s*'?000\b|'000|\b000s\b|£\s*k\b|£\s*000s|\(\s*£?\s*000s?\s*\)|\bthousands\b|£\s*thousand/
nonisolated(unsafe) private let rxMoneyScale2 = /£\s*m\b|£\s*million|\bmillions\b|£\s*mn\b/
