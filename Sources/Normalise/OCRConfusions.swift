import Foundation

/// Repairs characters OCR commonly confuses, only where the context says which was meant:
/// inside figures (digits around the character), before figures where money or a
/// percentage is expected, or in words of the papers' known vocabulary. Text that is
/// already clean comes back unchanged; applied to OCR'd documents only.
public enum OCRConfusions {
    /// Every rule in order, applied to one cell or line of text.
    public static func fix(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var s = text
        s = fixPercentSign(s)
        s = fixVocabulary(s)
        s = fixIndicatorPrefix(s)
        s = fixQuarterLabel(s)
        s = fixLettersInFigures(s)
        s = fixPoundSign(s)
        s = fixDecimalComma(s)
        s = fixLostDecimalPoint(s)
        s = fixColonDecimal(s)
        s = dropRuleDebris(s)
        s = dropSpeckQuote(s)
        return s
    }

    // MARK: vocabulary

    /// Misreads of the papers' vocabulary, by the letters OCR swaps (`g`/`q`, `rn`/`m`,
    /// `l`/`I`/`1`, `0`/`o`, `cl`/`d`) — each key is a non-word, so no real word changes.
    static let vocabulary: [String: String] = [
        "guarter": "quarter", "guarterly": "quarterly", "guarters": "quarters", "qtr": "qtr",
        "tarqet": "target", "tarqets": "targets", "targct": "target", "perforrnance": "performance",
        "perfonnance": "performance", "performancc": "performance", "rnonth": "month", "rnonths": "months",
        "rnonthly": "monthly", "nurnber": "number", "nurnbers": "numbers", "rneasure": "measure",
        "rneasures": "measures", "cornments": "comments", "cornment": "comment", "lndicator": "indicator",
        "lndicators": "indicators", "0utturn": "outturn", "0ctober": "october", "0bjective": "objective",
        "actuaI": "actual", "annuaI": "annual", "nationaI": "national", "counciI": "council",
        "Iatest": "latest", "Ievel": "level", "pIan": "plan", "previous": "previous", "Ioss": "loss",
        "varlance": "variance", "forecasl": "forecast", "cliildren": "children", "childrcn": "children",
        "serviccs": "services", "buclget": "budget", "bucget": "budget", "augusl": "august",
        "decernber": "december", "novernber": "november", "septernber": "september",
    ]

    /// `guarter 3` → `quarter 3`: whole words only, keeping the word's capitalisation.
    static func fixVocabulary(_ s: String) -> String {
        s.replacing(rxAlphanumericWord) { m in
            let word = String(m.output)
            guard let fixed = vocabulary[word] ?? vocabulary[word.lowercased()], fixed != word.lowercased() else { return word }
            if word.first?.isUppercase == true, word.dropFirst().allSatisfy({ !$0.isUppercase }) {
                return fixed.prefix(1).uppercased() + fixed.dropFirst()
            }
            if word.count > 1, word.allSatisfy({ !$0.isLetter || $0.isUppercase }) { return fixed.uppercased() }
            return fixed
        }
    }

    /// `P| - 1176`, `Pl 1176` → `PI - 1176`, `PI 1176`: the `I` of a performance-indicator
    /// prefix read as `|`, `l` or `1`, only right before an indicator number; the same for
    /// national indicator codes (`N1064` → `NI064`).
    static func fixIndicatorPrefix(_ s: String) -> String {
        var s = s
        if s.contains("N") {
            s = s.replacing(nationalIndicator) { m in
                let digits = String(m.output.n.map { c in "Oo".contains(c) ? "0" : ("lI|".contains(c) ? "1" : c) })
                return digits.prefix(3).allSatisfy(\.isNumber) && m.output.n.prefix(3).contains(where: \.isNumber) ? "NI" + digits : String(m.output.0)
            }
        }
        guard s.contains("P") else { return s }
        return s.replacing(rxIndicatorPrefixMisread) { _ in "PI" }
    }

    /// `Ql`, `Qi`, `Q|` → `Q1`: a quarter label whose 1 was read as a letter. Only as a
    /// word of its own (a column label `Ql` or `Ql 2024/25`), so words such as `Qing` stay,
    /// and not `QI` (an initialism).
    static func fixQuarterLabel(_ s: String) -> String {
        guard s.contains("Q") else { return s }
        return s.replacing(quarterOneMisread) { m in "\(m.pre)Q1" }
    }

    nonisolated(unsafe) static let quarterOneMisread = /(?<pre>^|[^A-Za-z0-9])Q[li|](?![A-Za-z0-9])/

    /// `N1064`, `N1I148`, `Nl060`, `NIO61` → `NI064`, `NI148`, `NI060`, `NI061`: a national
    /// indicator code (NI and three digits) whose `I` was read as `1`, `l` or `|` (or as
    /// `1I`), or with `O` read for a 0 among its digits.
    nonisolated(unsafe) static let nationalIndicator = /\bN(?:[1l|]I?|I[1l|]|I(?=[0-9]{0,2}[Oo]))(?<n>[0-9Oo]{3}[A-Z]?)\b/

    // MARK: figures

    /// `1O5` → `105`, `2l.3%` → `21.3%`, `I2` → `12`: `O`/`o` read for 0 and `l`/`I`/`|`
    /// for 1 inside a token that is otherwise a figure (digits, separators, `%`, `£`).
    /// Needs at least one real digit in the token; words like `Io`, `lo` stay.
    static func fixLettersInFigures(_ s: String) -> String {
        // a bar right after a figure is a column rule, not a 1: `18,418|` → `18,418`; a degree
        // sign there (no `C` or `F` after it) is a speck: `69°` → `69`
        let s = s.contains("|") || s.contains("°") ? s.replacing(barAfterFigure) { m in String(m.output.d) } : s
        return s.replacing(rxFigureLikeToken) { m in
            let token = String(m.output.token), pre = String(m.output.pre)
            let digits = token.filter(\.isNumber).count
            let suspects = token.filter { "OolI|".contains($0) }.count
            guard digits > 0, suspects > 0, digits >= suspects else { return pre + token }
            return pre + String(token.map { c in
                switch c {
                case "O", "o": return "0"
                case "l", "I", "|": return "1"
                default: return c
                }
            })
        }
    }

    nonisolated(unsafe) static let barAfterFigure = /(?<d>[0-9%])[|°]+(?=\s|$)/

    /// `°/o`, `o/o`, `0/0` after a figure, or `96` glued where `%` was, → `%`:
    /// `12.5°/o` → `12.5%`, `45 o/o` → `45%`.
    static func fixPercentSign(_ s: String) -> String {
        s.replacing(rxPercentSignMisread) { m in "\(m.output.n)%" }
    }

    /// `£` read as `E`, `S` or `f` in front of money: `E1.4m` → `£1.4m`, `S171k` → `£171k`,
    /// `f2,500` → `£2,500`. Only before a figure with a decimal point, a thousands comma or
    /// a money scale (`k`, `m`, `bn`), so `E1` (a grade) and `S4` stay.
    static func fixPoundSign(_ s: String) -> String {
        s.replacing(rxPoundSignMisread) { m in
            "\(m.output.pre)£\(m.output.n)"
        }
    }

    /// A decimal point read as a comma: `12,5%` → `12.5%`, `£1,4m` → `£1.4m`. Only when one
    /// or two digits follow the comma and a `%` or money scale closes the figure — a
    /// thousands separator always has three digits after it.
    static func fixDecimalComma(_ s: String) -> String {
        s.replacing(rxDecimalCommaFigure) { m in
            "\(m.output.pre)\(m.output.a).\(m.output.b)\(m.output.u)"
        }.replacing(commaSpeckBeforePoint) { m in "\(m.output.a).\(m.output.b)" }
    }

    /// `£1,.13m` → `£1.13m`: a speck read as a comma right before a decimal point, between
    /// digits (no figure prints `,.`).
    nonisolated(unsafe) static let commaSpeckBeforePoint = /(?<a>\d),\.(?<b>\d)/

    /// A lost decimal point in a percentage: `1646%` → `16.46%`. Only for four-digit
    /// percentages (1000–9999 %), which a rate in these papers never is; `165%` could be
    /// either and stays.
    static func fixLostDecimalPoint(_ s: String) -> String {
        s.replacing(rxFourDigitPercent) { m in "\(m.output.pre)\(m.output.a).\(m.output.b)%" }
    }

    nonisolated(unsafe) static let colonDecimal = /(?<pre>^|[\s(£$])(?<a>\d{1,3}):(?<b>\d)(?<u>%?)(?=$|[\s)*|])/

    /// A decimal point read as a colon: `58:1` → `58.1`. Only with one digit after the
    /// colon — a time of day (`10:30`) always has two — and the figure standing alone.
    static func fixColonDecimal(_ s: String) -> String {
        guard s.contains(":") else { return s }
        return s.replacing(colonDecimal) { m in "\(m.output.pre)\(m.output.a).\(m.output.b)\(m.output.u)" }
    }

    /// `UnmatchedOpeningQuoteIsASpeck` rule: a speck or the end of a rule just left of a
    /// word is read as an opening quote (`“lasted 2 years`, `“Any Comments`); a real quotation
    /// is closed in the same cell. An opening curly quote at the start of a word with no
    /// closing quote after it is dropped. Counter-examples: a quotation closed in the text
    /// (`rated “Good” by Ofsted`), and a quote inside a word.
    static func dropSpeckQuote(_ s: String) -> String {
        guard let open = s.firstIndex(where: { $0 == "“" || $0 == "‘" }) else { return s }
        let next = s.index(after: open)
        guard next < s.endIndex, s[next].isLetter || s[next].isNumber,
              open == s.startIndex || s[s.index(before: open)].isWhitespace,
              !s[next...].contains(where: { $0 == "”" || $0 == "’" || $0 == "\"" }) else { return s }
        var out = s
        out.remove(at: open)
        return out
    }

    nonisolated(unsafe) static let ruleDebris = /_{2,}[_—–-]*|_+[—–-]+/

    /// Bits of table rules read as text: `RE8a__—` → `RE8a`. Runs of two or more
    /// underscores (with any dashes after them) never stand for words.
    static func dropRuleDebris(_ s: String) -> String {
        guard s.contains("_") else { return s }
        return s.replacing(ruleDebris, with: "").trimmingWhitespace()
    }
}

// Regex literals compiled once per process (a literal in a function body is rebuilt on every call).
/// A run of ASCII letters and digits: a word `fixVocabulary` may mend.
nonisolated(unsafe) private let rxAlphanumericWord = /[A-Za-z0-9]+/
/// `P|`, `Pl`, `P1` right before an indicator number: `PI` misread.
nonisolated(unsafe) private let rxIndicatorPrefixMisread = /\bP[|l1](?=\s?[-–]?\s?\d{2,5}\b)/
/// A token of digits and the letters OCR reads for them (`O`, `o`, `l`, `I`, `|`), with separators, `%`, `£`.
nonisolated(unsafe) private let rxFigureLikeToken = /(?<pre>^|[^A-Za-z0-9|.,£$])(?<token>[£$]?[0-9OolI|][0-9OolI|.,]*%?)(?![A-Za-z])/
/// A percent sign read as `°/o`, `o/o`, `0/0`, `%o` after a figure.
nonisolated(unsafe) private let rxPercentSignMisread = /(?<n>\d)\s?(?:°\/o|o\/o|°\/0|0\/0|°\/°|%o)(?![A-Za-z0-9])/
/// `E`, `S` or `f` read for `£` before a money figure (decimal point, thousands comma or scale).
nonisolated(unsafe) private let rxPoundSignMisread = /(?<pre>^|[^A-Za-z0-9])[ESf](?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+(?:k|m|bn)?|\d+(?:k|m|bn))(?![A-Za-z0-9])/
/// A figure with one or two digits after a comma, closed by `%` or a money scale: `12,5%`, `£1,4m`.
nonisolated(unsafe) private let rxDecimalCommaFigure = /(?<pre>^|[^0-9,.])(?<a>[£$]?\d{1,3}),(?<b>\d{1,2})(?<u>%|k|m|bn)(?![A-Za-z0-9])/
/// A four-digit percentage: `1646%`.
nonisolated(unsafe) private let rxFourDigitPercent = /(?<pre>^|[^0-9.,£$])(?<a>[1-9]\d)(?<b>\d{2})%/
