import Foundation
import ScrutinyCore
import Normalise

/// What an assembler read about one indicator in one period, as printed, before any figure
/// is parsed: the one hand-over between the shape-specific assemblers and `RecordBuilder`.
struct IndicatorReading: Sendable {
    var title: String
    var code: String?
    var section: String?
    /// The last day of the period the figures measure.
    var periodEnd: ISODate?
    /// Each role's text as printed (`actual` → `44.0%`, `status` → `AMBER`).
    var printed: [Role: String] = [:]
    /// Where the indicator's figures were printed.
    var at: Provenance
    /// Lowest OCR confidence behind the figures, if OCR'd.
    var confidence: Double?
    /// A unit stated by the figures' column labels (`Actual (%)`), where they state one.
    var unitFromLabels: String?

    init(title: String, code: String? = nil, section: String? = nil, periodEnd: ISODate? = nil, at: Provenance) {
        self.title = title; self.code = code; self.section = section; self.periodEnd = periodEnd; self.at = at
    }

    /// The printed text of a role, nil when blank.
    subscript(role: Role) -> String? {
        get { printed[role] }
        set { printed[role] = newValue.flatMap(ExtractText.textOrNil) }
    }

    /// True when the reading has an actual or a target: the contract's test for a record.
    var hasFigure: Bool {
        [Role.actual, .target].contains { printed[$0].map(FigureParser.statesFigure) ?? false }
    }
}

/// Turns an `IndicatorReading` into a corpus record: the one place where printed cells
/// become numbers, units, polarities, statuses and trends, so every shape of report is
/// read by the same rules.
enum RecordBuilder {
    /// A cell that holds a figure (not `n/a`, `TBC`, `-`, a word).
    static func isFigure(_ text: String) -> Bool { FigureParser.isFigureCell(text) }

    static func record(_ reading: IndicatorReading, docID: String) -> RecordRow {
        var r = RecordRow(docID: docID, title: reading.title)
        r.page = reading.at.page
        r.line = reading.at.line
        r.confidence = reading.confidence
        r.periodEnd = reading.periodEnd
        r.section = reading.section
        r.code = reading.code
        let figureCells = [Role.actual, .target, .previous, .floor].compactMap { reading[$0] }
        r.unit = reading[.unit].flatMap(UnitParser.parse)
            ?? ExtractText.unit(fromCells: figureCells)
            ?? reading.unitFromLabels
            ?? UnitParser.fromTitle(reading.title)
        r.actualText = reading[.actual]; r.targetText = reading[.target]; r.previousText = reading[.previous]
        r.actual = ExtractText.value(r.actualText, unit: r.unit)
        r.target = ExtractText.value(r.targetText, unit: r.unit)
        r.previous = ExtractText.value(r.previousText, unit: r.unit)
        r.floorText = reading[.floor]; r.floor = ExtractText.value(r.floorText, unit: r.unit)
        r.comparatorsText = Comparators(similarAuthorities: reading[.similarAuthorities], national: reading[.national])
        r.comparators = Comparators(similarAuthorities: comparator(reading[.similarAuthorities], unit: r.unit),
                                    national: comparator(reading[.national], unit: r.unit))
        r.trendText = reading[.trend].map(TrendParser.repairingOCRArrow); r.trend = r.trendText.flatMap(TrendParser.parse)
        r.statusText = reading[.status]; r.status = r.statusText.flatMap(StatusParser.parse)
        r.owner = ExtractText.personName(reading[.owner])
        r.commentary = reading[.commentary]
        r.polarity = reading[.polarity].flatMap(PolarityParser.parse)
            ?? PolarityParser.fromTitle(reading.title)
            ?? polarityFromFloor(target: r.target, floor: r.floor)
        return r
    }

    /// A comparator in the measure's unit: a figure of another unit (a % beside a count) is not one.
    static func comparator(_ text: String?, unit: String?) -> Double? {
        guard let text, let f = FigureParser.parse(text, moneyContext: unit == "GBP") else { return nil }
        if unit == nil, f.unit == .percent { return nil }
        if unit == "%", f.unit == .money { return nil }
        return f.value
    }

    /// Papers that print a floor (or tolerance) beside a target put it on the bad side of
    /// the target: a floor below the target means higher is better, above it lower is
    /// better. Equal figures say nothing.
    static func polarityFromFloor(target: Double?, floor: Double?) -> String? {
        guard let target, let floor, target != floor else { return nil }
        return floor < target ? PolarityParser.higher : PolarityParser.lower
    }
}
