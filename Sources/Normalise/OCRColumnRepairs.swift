import Foundation
import ScrutinyCore

/// Repairs of OCR'd table columns that only the column as a whole can justify: a status
/// column of symbols read as letters (`v` for ✓, `*` for ★, `A` for ▲), and a reference
/// column whose codes share one shape (`YP1a`, `RE5c`) where one code has a letter read in
/// place of a digit (`YPla`, `RESc`). Pure functions over a column's cells.
public enum OCRColumnRepairs {
    /// Column labels that name a column of status symbols besides the ones `RoleLexicon`
    /// reads as a status (`Status`, `RAG`, `Rating`, `Score`): a `Symbol` column, and a
    /// `Progress status` column, which the lexicon reads as progress (its text, elsewhere).
    static let symbolColumnLabels: Set<String> = ["symbol", "progress status"]

    /// OCR readings of the report symbols, by what they stand for.
    static let symbolReadings: [String: String] = [
        "v": "✓", "V": "✓", "/": "✓", "J": "✓", "\u{221A}": "✓",
        "*": "★", "x*": "★", "+*": "★",
        "A": "▲", "a": "▲", "4": "▲", "&": "▲",
        "e": "●", "@": "●", "©": "●",
        "o": "○", "O": "○", "0": "○",
    ]

    /// Whether a header label names a status column.
    public static func isStatusHeader(_ label: String) -> Bool {
        let t = label.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        return symbolColumnLabels.contains(t) || RoleLexicon.role(ofLabel: t) == .status
    }

    /// A status column's cells with symbols read as letters put back. Left alone when the
    /// column holds RAG words or letters (`R`, `G`, `Amber`), where `A` means amber, or when
    /// no more than half its filled cells are lone symbols or symbol readings.
    public static func repairSymbols(_ cells: [String]) -> [String] {
        let trimmed = cells.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " |.,'")) }
        let filled = trimmed.filter { !$0.isEmpty }
        guard !filled.isEmpty else { return cells }
        let rag = RoleLexicon.ragColours.union(["r", "g", "r/a", "a/g"])
        if filled.contains(where: { rag.contains($0.lowercased()) }) { return cells }
        // most cells lone symbols or their readings: the rest are scraps OCR made of an icon
        let readings = filled.filter { symbolReadings[$0] != nil || isSymbol($0) }.count
        guard 2 * readings > filled.count else { return cells }
        return zip(cells, trimmed).map { cell, t in symbolReadings[t] ?? cell }
    }

    static func isSymbol(_ s: String) -> Bool {
        s.count == 1 && s.unicodeScalars.allSatisfy { !CharacterSet.alphanumerics.contains($0) && $0.value > 0x7F }
    }

    nonisolated(unsafe) static let decimalShape = /^(\d{1,3})\.(\d{1,2})$/
    nonisolated(unsafe) static let bareDigits = /^\d{2,5}$/

    /// A row of figures (a scorecard's monthly actuals or targets) where OCR lost one
    /// figure's decimal point: when at least two other figures in the row have the same
    /// number of decimals, a bare integer more than five times
    /// the largest of them, which with that many decimals falls within their range (within
    /// a quarter either way), gets its point back (`10.5 · 111 · 11.8` → `11.1`). Figures
    /// the row gives no such evidence for are left alone.
    public static func repairLostDecimalPoints(_ cells: [String]) -> [String] {
        var decimals: [Int: [Double]] = [:]
        for c in cells {
            guard let m = c.wholeMatch(of: decimalShape), let v = Double(c) else { continue }
            decimals[m.output.2.count, default: []].append(v)
        }
        // the most common number of decimals (fewer places on a tie, so the choice is stable)
        guard let (places, peers) = decimals.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }), peers.count >= NormaliseTolerances.lostPointMinPeers,
              let low = peers.min(), let high = peers.max(), high > 0 else { return cells }
        let scale = pow(10, Double(places))
        return cells.map { c in
            guard c.wholeMatch(of: bareDigits) != nil, let v = Double(c), v > NormaliseTolerances.lostPointMinMagnitude * high, c.count > places else { return c }
            let mended = v / scale
            guard mended >= NormaliseTolerances.lostPointRangeLow * low, mended <= NormaliseTolerances.lostPointRangeHigh * high else { return c }
            return String(c.dropLast(places)) + "." + String(c.suffix(places))
        }
    }

    /// Lone letters that stand for a digit in a row of figures.
    static let digitLookAlikes: [String: String] = ["Z": "2", "z": "2", "S": "5", "O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "B": "8"]

    /// A row of whole figures (a scorecard's targets, say) where OCR read one lone digit as
    /// its look-alike letter (`2 · 2 · Z`): with at least two bare figures, twice as many as
    /// such letters, and nothing else after the row's label, the letters become digits.
    public static func repairLoneDigits(_ cells: [String]) -> [String] {
        guard cells.count >= NormaliseTolerances.loneDigitsMinCells else { return cells }
        let values = cells.dropFirst().map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let figures = values.filter { $0.wholeMatch(of: rxBareFigure) != nil }.count
        let letters = values.filter { digitLookAlikes[$0] != nil }.count
        guard figures >= NormaliseTolerances.loneDigitsMinFigures, letters > 0,
              figures >= NormaliseTolerances.loneDigitsFiguresPerLetter * letters, figures + letters == values.count else { return cells }
        return [cells[0]] + cells.dropFirst().map { c in digitLookAlikes[c.trimmingWhitespace()] ?? c }
    }

    nonisolated(unsafe) static let codeShape = /^([A-Z]{1,4})(\d{1,3})([a-z]?)$/

    /// A column of codes of one shape (letters, digits, an optional lower-case letter) where
    /// at least half the codes read cleanly: a code of the same prefix length whose digit
    /// part holds look-alike letters (`l I |` → 1, `S` → 5, `O o` → 0, `Z` → 2, `B` → 8) is
    /// mended. Other cells are left as they are.
    public static func repairCodes(_ cells: [String]) -> [String] {
        let filled = cells.filter { !$0.isEmpty }
        let clean = filled.compactMap { $0.wholeMatch(of: codeShape) }
        guard filled.count >= NormaliseTolerances.codeColumnMinCells, 2 * clean.count >= filled.count else { return cells }
        var prefixCounts: [Int: Int] = [:]
        for m in clean { prefixCounts[m.output.1.count, default: 0] += 1 }
        guard let prefix = prefixCounts.max(by: { $0.value < $1.value })?.key else { return cells }
        let lookAlike: [Character: Character] = ["l": "1", "I": "1", "|": "1", "S": "5", "O": "0", "o": "0", "Z": "2", "B": "8"]
        return cells.map { cell in
            guard cell.count > prefix + 1, cell.wholeMatch(of: codeShape) == nil else { return cell }
            let head = cell.prefix(prefix)
            var tail = Array(cell.dropFirst(prefix))
            // a trailing lower-case letter is the code's suffix; the rest must be digits
            let suffix = tail.last.map { $0.isLowercase && lookAlike[$0] == nil } ?? false ? 1 : 0
            for i in 0..<(tail.count - suffix) { if let d = lookAlike[tail[i]] { tail[i] = d } }
            let mended = String(head) + String(tail)
            return mended.wholeMatch(of: codeShape) != nil ? mended : cell
        }
    }

    nonisolated(unsafe) static let figureThenDebris =
        /^(?<fig>[-+(]?[£$]?\d[\d,]*(?:\.\d+)?%?\)?\*?)\s+(?<junk>[^\s\d]{1,2})$/
    nonisolated(unsafe) static let starredFigureThenLetters = /^(?<fig>[-+(]?[£$]?\d[\d,]*(?:\.\d+)?%?\)?\*)[a-z]{1,2}$/
    nonisolated(unsafe) static let quoteBeforeFigure = /^[‘“'"]+(?<fig>[-+(]?[£$]?\d[\d,]*(?:\.\d+)?%?\)?\*?)$/

    /// A table cell holding one figure plus a scrap of one or two characters — a trend arrow
    /// or status icon beside the figure, read as `bs`, `if`, `*`, `-` — or a stray quote
    /// before it: the figure alone. Money scales (`m`, `k`, `bn`, `p`) are units, not scraps.
    public static func dropIconDebris(_ cell: String) -> String {
        guard cell.count <= NormaliseTolerances.iconDebrisMaxLength, cell.contains(where: \.isNumber) else { return cell }
        if let m = cell.wholeMatch(of: figureThenDebris) {
            let junk = m.output.junk.lowercased()
            return ["m", "k", "bn", "p", "%"].contains(junk) ? cell : String(m.output.fig)
        }
        if let m = cell.wholeMatch(of: starredFigureThenLetters) { return String(m.output.fig) }
        if let m = cell.wholeMatch(of: quoteBeforeFigure) { return String(m.output.fig) }
        return cell
    }
}

nonisolated(unsafe) private let rxBareFigure = /\d{1,6}(?:\.\d{1,3})?%?/
