import Foundation

/// The multiplier a money column header states (`£000` → 1000, `£m` → 1,000,000).
public enum MoneyScale {
    /// 1000 for `'000`, `£000`, `£'000`, `(£000s)`, `£k`; 1,000,000 for `£m`; nil otherwise.
    public static func scale(forHeader header: String) -> Double? {
        let h = header.lowercased().replacingOccurrences(of: "’", with: "'")
        if h.contains(rxThousandsMarker) { return 1000 }
        if h.contains(rxMillionsMarker) { return 1_000_000 }
        return nil
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A header marking figures in thousands: `£000`, `'000`, `(£000s)`, `£k`, `thousands`.
nonisolated(unsafe) private let rxThousandsMarker = /£\s*'?000\b|'000|\b000s\b|£\s*k\b|£\s*000s|\(\s*£?\s*000s?\s*\)|\bthousands\b|£\s*thousand/
/// A header marking figures in millions: `£m`, `£ million`, `millions`, `£mn`.
nonisolated(unsafe) private let rxMillionsMarker = /£\s*m\b|£\s*million|\bmillions\b|£\s*mn\b/
