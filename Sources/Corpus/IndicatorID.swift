import Foundation

/// The stable identity of an indicator across documents: `code:NI060` for an indicator
/// from a national family (NI, PAF, BV, VSC), `title:<normalised title>` otherwise.
///
/// Local codes (`CS143`, `2042SC`, `PI 1176`) differ between councils and even between
/// years, so they do not identify an indicator across the corpus; the title does.
/// Everything here is a pure function of the printed code and title.
public enum IndicatorID {
    /// Code families shared by every English council, with the digits their numbers are padded to.
    public static let nationalFamilies: [String: Int] = ["NI": 3, "PAF": 0, "BV": 0, "VSC": 0]

    /// Printed spellings of a family that mean the same family.
    static let familyAliases: [String: String] = ["BVPI": "BV"]

    /// The canonical form of a national indicator code, or nil when `raw` is not one.
    ///
    /// `NI 60`, `NI060`, `ni 060`, `NI-60` → `NI060`; `NI 59 P` → `NI059P`;
    /// `PAF C23`, `PAF-C23`, `PAFC23` → `PAF C23`; `BVPI 156` → `BV156`.
    public static func nationalCode(_ raw: String) -> String? {
        let upper = raw.uppercased()
        // Family prefix: leading letters, longest alias or family first.
        let letters = String(upper.prefix { $0.isASCII && $0.isLetter })
        let families = (Array(nationalFamilies.keys) + Array(familyAliases.keys)).sorted { $0.count > $1.count }
        guard let printedFamily = families.first(where: { letters.hasPrefix($0) }) else { return nil }
        let family = familyAliases[printedFamily] ?? printedFamily
        // The rest, without separators.
        let rest = upper.dropFirst(printedFamily.count)
            .filter { !($0.isWhitespace || $0 == "-" || $0 == "." || $0 == "_" || $0 == ":") }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        // Optional sub-letter (PAF C23), digits, optional suffix letters (NI059P).
        let subLetter = rest.prefix { $0.isLetter }
        let afterSub = rest.dropFirst(subLetter.count)
        let digits = afterSub.prefix { $0.isNumber }
        let suffix = afterSub.dropFirst(digits.count)
        guard !digits.isEmpty, subLetter.count <= 1, suffix.count <= 2, suffix.allSatisfy(\.isLetter) else { return nil }
        // A family name glued to a word (`NIGHT 1`) is not a code.
        if subLetter.count == 1 && family == "NI" { return nil }
        let trimmed = String(digits.drop { $0 == "0" })
        let number = trimmed.isEmpty ? "0" : trimmed
        let width = nationalFamilies[family] ?? 0
        let padded = String(repeating: "0", count: max(0, width - number.count)) + number
        if subLetter.isEmpty { return family + padded + suffix }
        return family + " " + subLetter + padded + suffix
    }

    /// A title folded for matching: lower case, diacritics removed, punctuation to single spaces (`%` kept).
    public static func normalisedTitle(_ title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var out = ""
        var pendingSpace = false
        for ch in folded {
            if ch.isLetter || ch.isNumber || ch == "%" {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The catalogue id for a record with this printed code and title.
    public static func id(code: String?, title: String) -> String {
        if let code, let national = nationalCode(code) { return "code:" + national }
        return "title:" + normalisedTitle(title)
    }

    /// The national code inside a catalogue id, if it is a `code:` id.
    public static func code(ofID id: String) -> String? {
        id.hasPrefix("code:") ? String(id.dropFirst(5)) : nil
    }
}
