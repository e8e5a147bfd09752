import Foundation
import ScrutinyCore
import Normalise

/// The grammar of indicator codes as councils print them in front of a title:
/// `NI060: Title`, `NI 060 Title`, `KPI 12 Title`, `CS01 – Title`, `PI - 1176: Title`,
/// `PI-01: Title`, `2042SC: Title`, `PAF C23 Title`.
enum IndicatorCode {
    /// A code followed by a colon or a dash, then the title: any capitals-and-digits code.
    nonisolated(unsafe) static let withSeparator = /^(?<code>(?:NI|PAF|BV|CS|PI|KPI|LPI|NPI|SC|CP|LAC|EH|YJ)\s?[A-Z]?\s?\d{1,4}[A-Z]{0,2}|[A-Z]{1,5}\s?-\s?\d{1,4}[A-Z]{0,2}|[A-Z]{1,5}\s?\d{1,4}[A-Z]{0,2}|\d{3,5}[A-Z]{1,3})\s*[:\-–]\s+(?<rest>\S.+)$/
    /// A code without a separator, then a title word: the code needs a known prefix or at
    /// least two digits, so words such as `KS2 Reading` or `Year 6 pupils` stay titles.
    nonisolated(unsafe) static let withoutSeparator = /^(?<code>(?:NI|PAF|BV|CS|PI|KPI|LPI|NPI|SC)\s?[A-Z]?\s?\d{1,4}[A-Z]{0,2}|[A-Z]{1,5}-?\d{2,4}[A-Z]{0,2}|\d{3,5}[A-Z]{2,3})\s+(?<rest>[A-Z%(£].{6,})$/

    /// A quarter or year in front of a title (`Q3 Performance`, `2024 Results`) is not a code.
    nonisolated(unsafe) static let notACode = /^(?:Q[1-4]|QTR\s?[1-4]|(?:19|20)\d{2})$/

    /// The code and the title of a measure cell; the code nil when the cell has none.
    static func split(_ measure: String) -> (code: String?, title: String) {
        let t = measure.trimmingWhitespace()
        for rx in [withSeparator, withoutSeparator] {
            if let m = t.firstMatch(of: rx) {
                let code = normalise(String(m.output.code))
                if code.wholeMatch(of: notACode) != nil { continue }
                return (code, String(m.output.rest))
            }
        }
        return (nil, measure)
    }

    /// A code with its spacing tidied as the contract asks: whitespace collapsed and a dash
    /// set between spaces read as one space (`PI - 1176` → `PI 1176`); a dash printed
    /// tight (`PI-01`) and a space printed inside (`NI 060`) stay as printed.
    static func normalise(_ s: String) -> String {
        let t = s.replacing(spacedDash, with: " ")
        return TextCleaner.collapseWhitespace(t)
    }

    nonisolated(unsafe) static let spacedDash = /\s+[-–]\s*|\s*[-–]\s+/
}
